import { z } from '@hono/zod-openapi';
import { say } from '../platform/http/language';
import { moduleKinds } from './domain/types';

/**
 * Request and response shapes of the academy's routes: the OpenAPI document's schemas (named ones
 * are its components; what a client may rely on) and, as type-only imports, the web's types
 * (web/src/features/learning/api.ts). Fields added to a response later are additions, never
 * breaking changes.
 */
const Points = z.object({ register: z.string(), points: z.number() });
const Kind = z.enum(moduleKinds);
const Id = z.string().min(1).max(80);
const isoDateTime = z.string().datetime({ offset: true });

// ---- Requests -------------------------------------------------------------------------------------

/** GET /api/modules (the catalogue) */
export const CatalogueQuerySchema = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(moduleKinds).optional(),
  network: z.string().max(80).optional(),
  theme: z.string().max(40).optional(),
  register: z.string().max(120).optional(),
  language: z.enum(['nl', 'en']).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(24),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** POST /api/modules */
export const ModuleInputSchema = z
  .object({
    kind: z.enum(moduleKinds),
    title: z.string().trim().min(3).max(200),
    description: z.string().max(20_000),
    learningGoals: z.array(z.string().trim().min(1).max(300)).max(15).default([]),
    durationMinutes: z.number().int().min(0).max(100_000),
    networkId: z.string().max(80).optional(),
    themes: z.array(z.string().max(40)).max(10).default([]),
    targetAudience: z.array(z.string().max(60)).max(20).default([]),
    accreditation: z.array(z.object({ register: z.string().min(1).max(120), points: z.number().min(0).max(100), accreditationNumber: z.string().max(60).optional(), edition: z.string().trim().max(60).optional().openapi({ description: 'Editie-id van de geaccrediteerde scholing (PE-online), voor de presentielijst' }) })).max(10).default([]),
    enrolAudience: z.enum(['employees', 'partners', 'public']),
    language: z.enum(['nl', 'en']).default('nl'),
    status: z.enum(['draft', 'published']).optional(),
    articleSlug: z.string().max(120).optional(),
    eventType: z.enum(['symposium', 'kenniscafe', 'regional-meeting', 'case-discussion']).optional(),
    provider: z.string().max(200).optional(),
    scormRetakes: z.boolean().optional().openapi({ description: 'E-learning: een nieuwe poging na een afgeronde poging (herkansen); alleen bij vorm elearning, standaard niet' }),
  })
  .openapi('ModuleInput');

/** PUT /api/modules/{id}: optimistic (the `rev` last read); status `archived` archives. */
export const ModuleUpdateSchema = ModuleInputSchema.extend({ expectedRev: z.number().int().positive(), status: z.enum(['draft', 'published', 'archived']).optional() });

/** POST /api/modules/{id}/sessions */
export const SessionInputSchema = z
  .object({
    start: isoDateTime,
    end: isoDateTime,
    location: z.string().max(200).optional(),
    // Only https: a meeting link is opened by every participant, so no http, javascript: or data: URL.
    meetingUrl: z.string().url().max(500).refine((u) => /^https:\/\//i.test(u), say('Alleen een https-link', 'Only an https link')).optional(),
    trainers: z.array(z.object({ id: z.string(), name: z.string() })).min(1).max(5),
    capacity: z.number().int().min(1).max(1000),
  })
  .openapi('SessionInput');

/** PATCH /api/sessions/{id} */
export const CapacityInputSchema = z.object({ capacity: z.number().int().min(1).max(1000) });

/** PUT /api/sessions/{id}/attendance/{userId} */
export const AttendanceInputSchema = z.object({ present: z.boolean() });

/** POST /api/paths and POST /api/paths/{id}/versions */
export const PathInputSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().max(5000),
    minOptional: z.number().int().min(0).max(50),
    steps: z.array(z.object({ id: z.string().min(1).max(20), moduleId: Id, required: z.boolean(), unlockAfter: z.array(z.string().max(20)).max(20).default([]) })).min(1).max(50),
  })
  .openapi('PathInput');

const FileIds = z.array(z.string().min(1).max(80)).max(3, say('Maximaal 3 bestanden', 'At most 3 files')).default([]).openapi({ description: 'Ids van bestanden uit POST /api/modules/{id}/files' });

/** POST /api/modules/{id}/complete: reading needs no body, external training brings evidence. */
export const CompletionReportSchema = z.object({ evidence: z.string().trim().max(2000, say('Maximaal 2000 tekens', 'At most 2000 characters')).optional(), files: FileIds }).openapi('CompletionReport');

/** POST /api/modules/{id}/submission */
export const HandInSchema = z
  .object({ text: z.string().trim().max(20_000, say('Maximaal 20.000 tekens', 'At most 20,000 characters')).default(''), files: FileIds })
  // Text or a file: a handed-in document may speak for itself, an empty submission may not.
  .refine((v) => v.files.length > 0 || v.text.length >= 20, { path: ['text'], ...say('Minstens 20 tekens, of lever een bestand in', 'At least 20 characters, or hand in a file') });

/** POST /api/modules/{id}/submission/{userId}/review */
export const ReviewInputSchema = z.object({
  decision: z.enum(['approved', 'returned']),
  feedback: z.string().trim().min(1, say('Geef de deelnemer feedback', 'Give the learner feedback')).max(5000, say('Maximaal 5000 tekens', 'At most 5000 characters')),
  submittedAt: z.string().min(1, say('Zeg welke inlevering je beoordeelt', 'Say which hand-in you are reviewing')).max(40).openapi({ description: 'De inlevering die de trainer las (submittedAt uit de wachtrij); een nieuwere geeft 409' }),
});

/** POST /api/evaluations */
export const EvaluationInputSchema = z.object({ targetType: z.enum(['module', 'path']), targetId: Id, rating: z.number().int().min(1).max(5), answers: z.object({ learned: z.string().max(2000).optional(), apply: z.string().max(2000).optional(), improve: z.string().max(2000).optional() }).default({}) });

// ---- Responses ------------------------------------------------------------------------------------

export const CatalogueResultSchema = z
  .object({
    total: z.number().int(),
    modules: z.array(
      z
        .object({
          id: z.string(),
          kind: Kind,
          title: z.string(),
          summary: z.string(),
          durationMinutes: z.number(),
          networkId: z.string().optional(),
          themes: z.array(z.string()),
          accreditation: z.array(Points.extend({ accreditationNumber: z.string().optional(), edition: z.string().optional() })),
          enrolAudience: z.enum(['employees', 'partners', 'public']),
          language: z.enum(['nl', 'en']),
          nextSession: z.object({ id: z.string(), start: z.string(), end: z.string(), location: z.string().optional(), seatsLeft: z.number() }).optional(),
        })
        ,
    ),
    facets: z.object({ kind: z.record(z.string(), z.number()), network: z.record(z.string(), z.number()), theme: z.record(z.string(), z.number()), register: z.record(z.string(), z.number()), language: z.record(z.string(), z.number()) }),
  })
  .openapi('CatalogueResult');

export const PathProgressSchema = z
  .object({
    percent: z.number().int().min(0).max(100),
    complete: z.boolean(),
    completedAt: z.string().optional(),
    requiredDone: z.number(),
    requiredTotal: z.number(),
    optionalDone: z.number(),
    optionalNeeded: z.number(),
    steps: z.array(z.object({ stepId: z.string(), status: z.enum(['locked', 'open', 'complete']) })),
    nextStep: z.string().optional(),
  })
  .openapi('PathProgress');

export const MyPathStateSchema = z
  .object({ enrolledVersion: z.number(), latestVersion: z.number(), completedAt: z.string().optional(), progress: PathProgressSchema })
  
  .openapi('MyPathState');

export const MyLearningSchema = z
  .object({
    paths: z.array(
      z
        .object({
          pathId: z.string(),
          title: z.string(),
          enrolledVersion: z.number(),
          latestVersion: z.number(),
          percent: z.number(),
          complete: z.boolean(),
          nextStep: z.object({ stepId: z.string(), moduleId: z.string(), title: z.string(), kind: z.string().optional() }).optional(),
        })
        ,
    ),
    upcomingSessions: z.array(z.object({ sessionId: z.string(), moduleId: z.string().optional(), title: z.string().optional(), start: z.string(), end: z.string().optional(), location: z.string().optional(), meetingUrl: z.string().optional(), status: z.string() })),
    enrolledModules: z.array(z.object({ moduleId: z.string(), title: z.string(), kind: z.string(), enrolledAt: z.string() })),
    assignments: z.array(z.object({ moduleId: z.string(), title: z.string(), status: z.string() })),
    completed: z.array(
      z.object({
        moduleId: z.string(),
        title: z.string(),
        kind: z.string(),
        completedAt: z.string(),
        moduleRev: z.number().int().optional().openapi({ description: 'De versie (rev) van de module bij afronding' }),
        points: z.array(Points).openapi({ description: 'Accreditatie zoals die gold bij afronding' }),
        result: z
          .object({
            source: z.literal('scorm'),
            selfReported: z.literal(true),
            attemptId: z.string(),
            success: z.enum(['passed', 'failed', 'unknown']),
            score: z.object({ raw: z.number().optional(), min: z.number().optional(), max: z.number().optional(), scaled: z.number().optional() }).optional(),
            percent: z.number().optional(),
            timeSeconds: z.number(),
          })
          .optional()
          .openapi({ description: 'E-learning: resultaat van de poging die de module afrondde (door het pakket zelf gemeld)' }),
      }),
    ),
    pendingEvaluations: z.array(z.object({ targetType: z.enum(['module', 'path']), targetId: z.string(), title: z.string() })),
    accreditation: z.array(Points),
  })
  
  .openapi('MyLearning');

export const PathSummarySchema = z
  .object({ id: z.string(), title: z.string(), description: z.string(), version: z.number(), stepCount: z.number(), kinds: z.array(z.string()) })
  .openapi('PathSummary');

export const SessionSchema = z
  .object({
    id: z.string(),
    moduleId: z.string(),
    moduleTitle: z.string(),
    start: z.string().openapi({ description: 'ISO 8601 met offset; getoond in Europe/Amsterdam' }),
    end: z.string(),
    location: z.string().optional(),
    meetingUrl: z.string().optional(),
    trainers: z.array(z.object({ id: z.string().optional().openapi({ description: 'Alleen voor de trainers van de sessie en de academie' }), name: z.string() })),
    capacity: z.number().int(),
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
    status: z.enum(['planned', 'cancelled']),
  })
  .openapi('Session');

export const ParticipantListSchema = z
  .object({
    session: SessionSchema,
    participants: z.array(
      z.object({ userId: z.string(), name: z.string(), status: z.enum(['enrolled', 'waitlisted', 'cancelled', 'attended', 'absent']), waitlistPosition: z.number().int().optional() }),
    ),
  })
  .openapi('ParticipantList');

export const TrainerSessionSchema = z
  .object({ id: z.string(), moduleId: z.string(), title: z.string(), start: z.string(), end: z.string(), enrolled: z.number().int(), capacity: z.number().int() })
  .openapi('TrainerSession');

export const PathDetailSchema = z
  .object({
    path: z.object({
      id: z.string(),
      version: z.number().int(),
      title: z.string(),
      description: z.string(),
      minOptional: z.number().int(),
      steps: z.array(
        z.object({
          id: z.string(),
          moduleId: z.string(),
          required: z.boolean(),
          unlockAfter: z.array(z.string()),
          module: z.object({ id: z.string(), kind: z.string().optional(), title: z.string(), durationMinutes: z.number() }),
        }),
      ),
    }),
    my: MyPathStateSchema.optional(),
  })
  .openapi('PathDetail');

export const ModuleSchema = z
  .object({
    id: z.string(),
    kind: Kind,
    title: z.string(),
    description: z.string().openapi({ description: 'Markdown' }),
    descriptionHtml: z.string().optional().openapi({ description: 'Gesaneerde HTML van de beschrijving' }),
    learningGoals: z.array(z.string()),
    durationMinutes: z.number(),
    networkId: z.string().optional(),
    themes: z.array(z.string()),
    targetAudience: z.array(z.string()),
    accreditation: z.array(Points.extend({ accreditationNumber: z.string().optional(), edition: z.string().optional() })),
    enrolAudience: z.enum(['employees', 'partners', 'public']),
    language: z.enum(['nl', 'en']),
    status: z.enum(['draft', 'published', 'archived']),
    articleSlug: z.string().optional(),
    eventType: z.string().optional(),
    provider: z.string().optional(),
    scormRetakes: z.boolean().optional().openapi({ description: 'E-learning: herkansen toegestaan (nieuwe poging na een afgeronde)' }),
    rev: z.number().int().openapi({ description: 'Optimistische versie: stuur mee als expectedRev bij wijzigen' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Module');

const FileRef = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number(), url: z.string() });
export const SubmissionSchema = z
  .object({
    text: z.string(),
    files: z.array(FileRef).optional(),
    status: z.enum(['submitted', 'approved', 'returned']),
    submittedAt: z.string(),
    feedback: z.string().optional(),
    reviewedBy: z.object({ id: z.string(), name: z.string() }).optional(),
  })
  .openapi('Submission');

export const ModuleDetailSchema = z
  .object({
    module: ModuleSchema,
    sessions: z.array(SessionSchema.extend({ seatsLeft: z.number().int(), myStatus: z.string().optional(), myWaitlistPosition: z.number().int().optional() })),
    my: z
      .object({
        completed: z.boolean(),
        completedAt: z.string().optional(),
        enrolled: z.boolean(),
        submission: SubmissionSchema.optional(),
        evidence: z.string().optional(),
        evidenceFiles: z.array(FileRef).optional(),
      })
      .optional()
      .openapi({ description: 'Alleen voor een aangemelde lezer' }),
  })
  .openapi('ModuleDetail');

export const ReviewResultSchema = z.object({ decision: z.enum(['approved', 'returned']) }).openapi('ReviewResult');

export const AttendanceSchema = z
  .object({ userId: z.string(), name: z.string(), status: z.enum(['enrolled', 'waitlisted', 'cancelled', 'attended', 'absent']) })
  .openapi('Attendance');

const Question = z.enum(['learned', 'apply', 'improve']);
export const EvaluationSchema = z
  .object({
    targetType: z.enum(['module', 'path']),
    targetId: z.string(),
    rating: z.number().int().min(1).max(5),
    answers: z.object({ learned: z.string().optional(), apply: z.string().optional(), improve: z.string().optional() }),
    createdAt: z.string(),
  })
  .openapi('Evaluation');

export const EvaluationSummarySchema = z
  .object({
    count: z.number().int(),
    average: z.number().nullable(),
    distribution: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
    comments: z.array(z.object({ question: Question, text: z.string(), createdAt: z.string() })),
  })
  .openapi('EvaluationSummary');

/** A learner's handed-in file (POST /api/modules/{id}/files/{uploadId}/complete); `url` downloads it. */
export const LearnerFileSchema = z
  .object({ id: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number(), url: z.string() })
  .openapi('LearnerFile');

/** GET /api/trainer/submissions: one hand-in waiting for a trainer. */
export const WaitingSubmissionSchema = z
  .object({
    moduleId: z.string(),
    title: z.string(),
    learnerId: z.string(),
    learnerName: z.string(),
    submission: z.object({ text: z.string(), files: z.array(LearnerFileSchema).optional(), status: z.literal('submitted'), submittedAt: z.string(), feedback: z.string().optional() }),
  })
  .openapi('WaitingSubmission');

/** GET /api/academy/modules: every module with its revision, for the academy's forms. */
export const ManagedModuleSchema = ModuleSchema.omit({ descriptionHtml: true });

/** POST /api/sessions/{id}/enrolment: a seat, or a place on the waitlist. */
export const EnrolmentSchema = z.object({ status: z.enum(['enrolled', 'waitlisted']), position: z.number().optional() });
/** DELETE /api/sessions/{id}/enrolment */
export const CancellationSchema = z.object({ status: z.literal('cancelled') });
/** POST /api/modules/{id}/enrol */
export const ModuleEnrolmentSchema = z.object({ enrolled: z.boolean() });
/** POST /api/modules/{id}/complete */
export const CompletionSchema = z.object({ completedAt: z.string() });
/** DELETE /api/modules/{id}/files/{fileId} */
export const FileDeletedSchema = z.object({ deleted: z.string() });
/** POST /api/paths and POST /api/paths/{id}/versions */
export const PublishedPathSchema = z.object({ id: z.string(), version: z.number() });

// ---- network events (sessions/network-events.ts) ---------------------------------------------------
export const NetworkEventTypeSchema = z.enum(['regional-meeting', 'kenniscafe', 'symposium', 'case-discussion']).openapi({ description: 'regiobijeenkomst, kenniscafé, symposium of casusbespreking' });

/** POST /api/networks/{id}/events: a session of one of the network's event modules. */
export const NetworkEventInputSchema = z
  .object({
    moduleId: z.string().min(1).max(80),
    start: isoDateTime,
    end: isoDateTime,
    location: z.string().max(200).optional(),
    meetingUrl: z.string().url().max(500).refine((u) => /^https:\/\//i.test(u), say('Alleen een https-link', 'Only an https link')).optional(),
    capacity: z.number().int().min(1).max(1000),
    eventType: NetworkEventTypeSchema.optional().openapi({ description: 'Weggelaten: het type van de module' }),
    hosts: z.array(z.string().min(1).max(100)).max(5).optional().openapi({ description: 'Gebruikers-id’s van wie de bijeenkomst leidt (registreert aanwezigheid): medewerkers die lid zijn van het netwerk; weggelaten: de planner' }),
  })
  .openapi('NetworkEventInput');

export const NetworkEventSchema = z
  .object({
    id: z.string(),
    moduleId: z.string(),
    title: z.string(),
    networkId: z.string(),
    networkName: z.string(),
    eventType: z.string().optional(),
    start: z.string(),
    end: z.string(),
    location: z.string().optional(),
    online: z.boolean(),
    hosts: z.array(z.string()),
    capacity: z.number().int(),
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
  })
  .openapi('NetworkEvent');

export const NetworkEventsSchema = z
  .object({
    mayPlan: z.boolean(),
    modules: z.array(z.object({ id: z.string(), title: z.string(), eventType: z.string().optional() })).openapi({ description: 'Evenementmodules van het netwerk (alleen voor wie mag plannen)' }),
    events: z.array(NetworkEventSchema),
  })
  .openapi('NetworkEvents');
