/**
 * Every request the learning pages make (learners, trainers and the academy), and the shapes they
 * exchange. The shapes are the API's own zod schemas (functions/src/learning/schemas.ts), imported
 * as types only: no backend code reaches the bundle, and a changed field fails `npm run typecheck`
 * here or where a page uses it. Responses use `z.infer`, request bodies `z.input` (what the API
 * accepts before defaults).
 */
import type { z } from 'zod';
import type {
  AttendanceInputSchema,
  AttendanceSchema,
  CancellationSchema,
  CapacityInputSchema,
  CatalogueResultSchema,
  CompletionReportSchema,
  CompletionSchema,
  EnrolmentSchema,
  EvaluationInputSchema,
  EvaluationSchema,
  EvaluationSummarySchema,
  FileDeletedSchema,
  HandInSchema,
  LearnerFileSchema,
  ManagedModuleSchema,
  ModuleDetailSchema,
  ModuleEnrolmentSchema,
  ModuleInputSchema,
  ModuleSchema,
  ModuleUpdateSchema,
  MyLearningSchema,
  MyPathStateSchema,
  ParticipantListSchema,
  PathDetailSchema,
  PathInputSchema,
  PathSummarySchema,
  PublishedPathSchema,
  ReviewInputSchema,
  ReviewResultSchema,
  SessionInputSchema,
  SessionSchema,
  SubmissionSchema,
  TrainerSessionSchema,
  WaitingSubmissionSchema,
} from '../../../../functions/src/learning/schemas';
import type { ModuleKind } from '../../../../functions/src/learning/domain/types';
import type { NetworkEventSchema } from '../../../../functions/src/learning/schemas';
import type { uploadRequestSchema } from '../../../../functions/src/platform/uploads/schemas';
import type { PackageUploadRequestSchema, ScormImportSchema, ScormPackageSchema } from '../../../../functions/src/scorm/schemas';
import type { ScormReportSchema } from '../../../../functions/src/scorm/reports/schemas';
import type { AttemptHistorySchema } from '../../../../functions/src/scorm/attempts/schemas';
import { api } from '../../api';
import type { UploadTicket } from '../../ui/upload';

export type { ModuleKind };
export type Catalogue = z.infer<typeof CatalogueResultSchema>;
export type ModuleSummary = Catalogue['modules'][number];
export type Accreditation = ModuleSummary['accreditation'][number];
export type Module = z.infer<typeof ModuleSchema>;
export type ModuleView = z.infer<typeof ModuleDetailSchema>;
export type Session = ModuleView['sessions'][number];
export type Submission = z.infer<typeof SubmissionSchema>;
export type LearnerFile = z.infer<typeof LearnerFileSchema>;
export type PathSummary = z.infer<typeof PathSummarySchema>;
export type PathView = z.infer<typeof PathDetailSchema>;
export type PathStepView = PathView['path']['steps'][number];
export type MyPath = z.infer<typeof MyPathStateSchema>;
export type StepStatus = MyPath['progress']['steps'][number]['status'];
export type MyLearning = z.infer<typeof MyLearningSchema>;
export type NextStep = NonNullable<MyLearning['paths'][number]['nextStep']>;
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;
export type TrainerSession = z.infer<typeof TrainerSessionSchema>;
export type ParticipantList = z.infer<typeof ParticipantListSchema>;
export type Participant = ParticipantList['participants'][number];
export type Attendance = z.infer<typeof AttendanceSchema>;
export type ReviewResult = z.infer<typeof ReviewResultSchema>;
/** GET /api/academy/modules: every module with its revision, for the academy's forms. */
export type ManagedModule = z.infer<typeof ManagedModuleSchema>;
export type PlannedSession = z.infer<typeof SessionSchema>;
export type UploadRequest = z.input<ReturnType<typeof uploadRequestSchema>>;
/** POST /api/sessions/{id}/enrolment (a seat or the waitlist) and DELETE (cancelled). */
export type EnrolmentResult = z.infer<typeof EnrolmentSchema> | z.infer<typeof CancellationSchema>;
export type ModuleEnrolment = z.infer<typeof ModuleEnrolmentSchema>;
export type Completion = z.infer<typeof CompletionSchema>;
export type WaitingSubmission = z.infer<typeof WaitingSubmissionSchema>;
export type PublishedPath = z.infer<typeof PublishedPathSchema>;
export type Evaluation = z.infer<typeof EvaluationSchema>;
export type FileDeleted = z.infer<typeof FileDeletedSchema>;
/** SCORM (functions/src/scorm): an import's status, a module's package versions, the module report. */
export type ScormImport = z.infer<typeof ScormImportSchema>;
export type ScormPackage = z.infer<typeof ScormPackageSchema>;
export type ScormVersion = ScormPackage['versions'][number];
export type ScormReport = z.infer<typeof ScormReportSchema>;
export type ScormUploadRequest = z.input<typeof PackageUploadRequestSchema>;
/** GET /api/me/scorm/attempts: the learner's own attempts at an e-learning (newest first), and whether retakes are allowed. */
export type AttemptHistory = z.infer<typeof AttemptHistorySchema>;
export type AttemptSummary = AttemptHistory['attempts'][number];

// Request bodies, as the API accepts them (before its defaults).
export type ModuleInput = z.input<typeof ModuleInputSchema>;
export type ModuleUpdate = z.input<typeof ModuleUpdateSchema>;
export type SessionInput = z.input<typeof SessionInputSchema>;
export type PathInput = z.input<typeof PathInputSchema>;
export type CompletionReport = z.input<typeof CompletionReportSchema>;
export type HandIn = z.input<typeof HandInSchema>;
export type ReviewInput = z.input<typeof ReviewInputSchema>;
export type EvaluationInput = z.input<typeof EvaluationInputSchema>;
export type CapacityInput = z.input<typeof CapacityInputSchema>;
export type AttendanceInput = z.input<typeof AttendanceInputSchema>;

// ---- Requests ------------------------------------------------------------------------------------
/** The answer of `POST /api/modules/{id}/scorm/launch` (contract of the SCORM attempts API). */
export interface ElearningLaunch {
  attemptId: string;
  packageVersion?: unknown;
  scormVersion?: string;
  launchUrl: string;
  expiresAt?: string;
}

const enc = encodeURIComponent;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });

export const catalogue = (path: string, signal?: AbortSignal) => api<Catalogue>(path, { signal });
export const moduleView = (id: string) => api<ModuleView>(`/api/modules/${enc(id)}`);
export const enrolInSession = (sessionId: string) => post<EnrolmentResult>(`/api/sessions/${enc(sessionId)}/enrolment`);
export const cancelEnrolment = (sessionId: string) => api<EnrolmentResult>(`/api/sessions/${enc(sessionId)}/enrolment`, { method: 'DELETE' });
export const enrolInModule = (moduleId: string) => post<ModuleEnrolment>(`/api/modules/${enc(moduleId)}/enrol`);
/** A launch of the module's e-learning: `launchUrl` opens the player on the content origin (functions/src/scorm/attempts). */
export const launchElearning = (moduleId: string) => post<ElearningLaunch>(`/api/modules/${enc(moduleId)}/scorm/launch`);
/** The learner's own attempts at the module's e-learning; results are self-reported by the package. */
export const myAttempts = (moduleId: string) => api<AttemptHistory>(`/api/me/scorm/attempts?moduleId=${enc(moduleId)}`);
export const completeModule = (moduleId: string, body: CompletionReport) => post<Completion>(`/api/modules/${enc(moduleId)}/complete`, body);
export const handIn = (moduleId: string, body: HandIn) => post<Submission>(`/api/modules/${enc(moduleId)}/submission`, body);
export const startFileUpload = (moduleId: string, body: UploadRequest) => post<UploadTicket>(`/api/modules/${enc(moduleId)}/files`, body);
export const completeFileUpload = (moduleId: string, uploadId: string) => post<LearnerFile>(`/api/modules/${enc(moduleId)}/files/${enc(uploadId)}/complete`);
export const deleteFile = (moduleId: string, fileId: string) => api<FileDeleted>(`/api/modules/${enc(moduleId)}/files/${enc(fileId)}`, { method: 'DELETE' });

export const paths = () => api<PathSummary[]>('/api/paths');
export const pathView = (id: string, version?: 'latest') => api<PathView>(`/api/paths/${enc(id)}${version ? `?version=${version}` : ''}`);
export const enrolInPath = (id: string) => post<MyPath>(`/api/paths/${enc(id)}/enrol`);
export const migratePath = (id: string) => post<MyPath>(`/api/paths/${enc(id)}/migrate`);
export const myLearning = () => api<MyLearning>('/api/me/learning');
/** Mijn leren, "Netwerkbijeenkomsten": upcoming events of the reader's networks they have not enrolled in. */
export type NetworkEvent = z.infer<typeof NetworkEventSchema>;
export const myNetworkEvents = () => api<NetworkEvent[]>('/api/me/network-events');

export const evaluate = (body: EvaluationInput) => post<Evaluation>('/api/evaluations', body);
export const evaluationSummary = (targetType: EvaluationInput['targetType'], targetId: string) => api<EvaluationSummary>(`/api/evaluations/${targetType}/${enc(targetId)}`);

export const trainerSessions = () => api<TrainerSession[]>('/api/trainer/sessions');
export const participants = (sessionId: string) => api<ParticipantList>(`/api/sessions/${enc(sessionId)}/participants`);
export const registerAttendance = (sessionId: string, userId: string, present: boolean) => api<Attendance>(`/api/sessions/${enc(sessionId)}/attendance/${enc(userId)}`, { method: 'PUT', body: { present } satisfies AttendanceInput });
export const waitingSubmissions = () => api<WaitingSubmission[]>('/api/trainer/submissions');
export const reviewSubmission = (w: Pick<WaitingSubmission, 'moduleId' | 'learnerId'>, body: ReviewInput) =>
  post<ReviewResult>(`/api/modules/${enc(w.moduleId)}/submission/${enc(w.learnerId)}/review`, body);

export const managedModules = () => api<ManagedModule[]>('/api/academy/modules');
// The academy's module and session forms still build `Record<string, unknown>` bodies
// (academy-admin/module-editor.ts); these take `ModuleInput`, `ModuleUpdate` and `SessionInput`
// once that page builds them as such.
export const createModule = (body: unknown) => post<Module>('/api/modules', body);
export const updateModule = (id: string, body: unknown) => api<Module>(`/api/modules/${enc(id)}`, { method: 'PUT', body });
export const planSession = (moduleId: string, body: unknown) => post<PlannedSession>(`/api/modules/${enc(moduleId)}/sessions`, body);
export const changeCapacity = (sessionId: string, capacity: number) => api<PlannedSession>(`/api/sessions/${enc(sessionId)}`, { method: 'PATCH', body: { capacity } satisfies CapacityInput });
// SCORM packages and reports (academy and authors).
export const startScormUpload = (moduleId: string, body: ScormUploadRequest) => post<UploadTicket>(`/api/modules/${enc(moduleId)}/scorm/uploads`, body);
export const completeScormUpload = (moduleId: string, uploadId: string) => post<ScormImport>(`/api/modules/${enc(moduleId)}/scorm/uploads/${enc(uploadId)}/complete`);
export const scormImport = (moduleId: string, importId: string) => api<ScormImport>(`/api/modules/${enc(moduleId)}/scorm/imports/${enc(importId)}`);
export const scormPackage = (moduleId: string) => api<ScormPackage>(`/api/modules/${enc(moduleId)}/scorm`);
export const scormReport = (moduleId: string) => api<ScormReport>(`/api/modules/${enc(moduleId)}/scorm/report`);
/** The report as CSV: fetched with the token by `downloadLink` (common.ts), not by `api`. */
export const scormReportCsvUrl = (moduleId: string) => `/api/modules/${enc(moduleId)}/scorm/report.csv`;
export const publishPath = (existingId: string | null, body: PathInput) => post<PublishedPath>(existingId ? `/api/paths/${enc(existingId)}/versions` : '/api/paths', body);
