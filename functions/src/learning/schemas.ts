import { z } from '@hono/zod-openapi';
import { moduleKinds } from './domain/types';

/**
 * Response shapes of the academy's read routes, for the OpenAPI document (what a client may rely
 * on). Fields added later are additions, never breaking changes.
 */
const Points = z.object({ register: z.string(), points: z.number() });
const Kind = z.enum(moduleKinds);

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
          accreditation: z.array(Points.extend({ accreditationNumber: z.string().optional() })),
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
    completed: z.array(z.object({ moduleId: z.string(), title: z.string(), kind: z.string(), completedAt: z.string(), points: z.array(Points) })),
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
    accreditation: z.array(Points.extend({ accreditationNumber: z.string().optional() })),
    enrolAudience: z.enum(['employees', 'partners', 'public']),
    language: z.enum(['nl', 'en']),
    status: z.enum(['draft', 'published', 'archived']),
    articleSlug: z.string().optional(),
    eventType: z.string().optional(),
    provider: z.string().optional(),
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
