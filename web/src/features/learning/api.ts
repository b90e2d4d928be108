/**
 * Every request the learning pages make (learners, trainers and the academy), and the shapes they
 * exchange. The shapes are the API's own zod schemas (functions/src/learning/schemas.ts,
 * functions/src/learning/files/routes.ts), imported as types only: no backend code reaches the
 * bundle, and a changed field fails `npm run typecheck` here or where a page uses it.
 */
import type { z } from 'zod';
import type { LearnerFileSchema } from '../../../../functions/src/learning/files/routes';
import type {
  AttendanceSchema,
  CatalogueResultSchema,
  EvaluationSummarySchema,
  ModuleDetailSchema,
  ModuleSchema,
  MyLearningSchema,
  MyPathStateSchema,
  ParticipantListSchema,
  PathDetailSchema,
  PathSummarySchema,
  ReviewResultSchema,
  SessionSchema,
  SubmissionSchema,
  TrainerSessionSchema,
} from '../../../../functions/src/learning/schemas';
import type { ModuleKind } from '../../../../functions/src/learning/domain/types';
import type { uploadRequestSchema } from '../../../../functions/src/platform/uploads/schemas';
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
export type ManagedModule = Omit<Module, 'descriptionHtml'>;
export type UploadRequest = z.input<ReturnType<typeof uploadRequestSchema>>;

// ---- Shapes the API declares inline in functions/src/learning/routes.ts (no exported schema yet) --
// Kept minimal and local until the API exports them; see web/README.md "Typed contracts".

/** POST/DELETE /api/sessions/{id}/enrolment (inline responses). */
export interface EnrolmentResult {
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  position?: number;
}

/** POST /api/modules/{id}/complete (inline response). */
export interface Completion {
  completedAt: string;
}

/** GET /api/trainer/submissions (inline, not exported `WaitingSubmission`). */
export interface WaitingSubmission {
  moduleId: string;
  title: string;
  learnerId: string;
  learnerName: string;
  submission: { text: string; files?: LearnerFile[]; status: 'submitted'; submittedAt: string; feedback?: string };
}

/** POST /api/paths and POST /api/paths/{id}/versions (inline response). */
export interface PublishedPath {
  id: string;
  version: number;
}

// Request bodies of the academy's forms (inline `ModuleInput`, `SessionInput`, `PathInput`) and of
// the evaluation, review, attendance and completion requests are built by the pages as the API's
// validation messages describe them; they stay `unknown` here until the API exports their schemas.

// ---- Requests ------------------------------------------------------------------------------------
const enc = encodeURIComponent;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });

export const catalogue = (path: string, signal?: AbortSignal) => api<Catalogue>(path, { signal });
export const moduleView = (id: string) => api<ModuleView>(`/api/modules/${enc(id)}`);
export const enrolInSession = (sessionId: string) => post<EnrolmentResult>(`/api/sessions/${enc(sessionId)}/enrolment`);
export const cancelEnrolment = (sessionId: string) => api<EnrolmentResult>(`/api/sessions/${enc(sessionId)}/enrolment`, { method: 'DELETE' });
export const enrolInModule = (moduleId: string) => post<{ enrolled: boolean }>(`/api/modules/${enc(moduleId)}/enrol`);
export const completeModule = (moduleId: string, body: { evidence?: string; files?: string[] }) => post<Completion>(`/api/modules/${enc(moduleId)}/complete`, body);
export const handIn = (moduleId: string, body: { text: string; files: string[] }) => post<Submission>(`/api/modules/${enc(moduleId)}/submission`, body);
export const startFileUpload = (moduleId: string, body: UploadRequest) => post<UploadTicket>(`/api/modules/${enc(moduleId)}/files`, body);
export const completeFileUpload = (moduleId: string, uploadId: string) => post<LearnerFile>(`/api/modules/${enc(moduleId)}/files/${enc(uploadId)}/complete`);
export const deleteFile = (moduleId: string, fileId: string) => api<unknown>(`/api/modules/${enc(moduleId)}/files/${enc(fileId)}`, { method: 'DELETE' });

export const paths = () => api<PathSummary[]>('/api/paths');
export const pathView = (id: string, version?: 'latest') => api<PathView>(`/api/paths/${enc(id)}${version ? `?version=${version}` : ''}`);
export const enrolInPath = (id: string) => post<MyPath>(`/api/paths/${enc(id)}/enrol`);
export const migratePath = (id: string) => post<MyPath>(`/api/paths/${enc(id)}/migrate`);
export const myLearning = () => api<MyLearning>('/api/me/learning');

export const evaluate = (body: { targetType: 'module' | 'path'; targetId: string; rating: number; answers: Record<string, string> }) => post<unknown>('/api/evaluations', body);
export const evaluationSummary = (targetType: 'module' | 'path', targetId: string) => api<EvaluationSummary>(`/api/evaluations/${targetType}/${enc(targetId)}`);

export const trainerSessions = () => api<TrainerSession[]>('/api/trainer/sessions');
export const participants = (sessionId: string) => api<ParticipantList>(`/api/sessions/${enc(sessionId)}/participants`);
export const registerAttendance = (sessionId: string, userId: string, present: boolean) => api<Attendance>(`/api/sessions/${enc(sessionId)}/attendance/${enc(userId)}`, { method: 'PUT', body: { present } });
export const waitingSubmissions = () => api<WaitingSubmission[]>('/api/trainer/submissions');
export const reviewSubmission = (w: Pick<WaitingSubmission, 'moduleId' | 'learnerId'>, body: { decision: ReviewResult['decision']; feedback: string; submittedAt: string }) =>
  post<ReviewResult>(`/api/modules/${enc(w.moduleId)}/submission/${enc(w.learnerId)}/review`, body);

export const managedModules = () => api<ManagedModule[]>('/api/academy/modules');
export const createModule = (body: unknown) => post<Module>('/api/modules', body);
export const updateModule = (id: string, body: unknown) => api<Module>(`/api/modules/${enc(id)}`, { method: 'PUT', body });
export const planSession = (moduleId: string, body: unknown) => post<z.infer<typeof SessionSchema>>(`/api/modules/${enc(moduleId)}/sessions`, body);
export const changeCapacity = (sessionId: string, capacity: number) => api<z.infer<typeof SessionSchema>>(`/api/sessions/${enc(sessionId)}`, { method: 'PATCH', body: { capacity } });
export const publishPath = (existingId: string | null, body: unknown) => post<PublishedPath>(existingId ? `/api/paths/${enc(existingId)}/versions` : '/api/paths', body);
