/**
 * Response shapes of the learning API (`/api/modules`, `/api/paths`, `/api/sessions`,
 * `/api/me/learning`, `/api/evaluations`, `/api/trainer/sessions`), as the pages use them.
 * The model itself is shared with the API (type-only import, no runtime coupling).
 */
import type { Accreditation, EnrolAudience, LearningModule, ModuleKind } from '../../../../functions/src/learning/types';

export type { Accreditation, LearningModule, ModuleKind };

export type Facet = Record<string, number>;

export interface NextSession {
  id: string;
  start: string;
  end: string;
  location?: string;
  seatsLeft: number;
}

export interface ModuleSummary {
  id: string;
  kind: ModuleKind;
  title: string;
  summary: string;
  durationMinutes: number;
  networkId?: string;
  themes: string[];
  accreditation: Accreditation[];
  enrolAudience: EnrolAudience;
  language: 'nl' | 'en' | string;
  nextSession?: NextSession;
}

export interface Catalogue {
  total: number;
  modules: ModuleSummary[];
  facets?: Partial<Record<'kind' | 'network' | 'theme' | 'register' | 'language', Facet>>;
}

export type SessionStatus = 'enrolled' | 'waitlisted' | 'attended' | 'absent' | 'cancelled';

export interface Session {
  id: string;
  start: string;
  end: string;
  location?: string;
  meetingUrl?: string;
  trainers: Array<{ id: string; name: string }>;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  seatsLeft: number;
  myStatus?: SessionStatus;
  myWaitlistPosition?: number;
}

/** A checked file a learner handed in; `url` downloads it (with the bearer token). */
export interface LearnerFile {
  id: string;
  fileName: string;
  contentType: string;
  bytes: number;
  url: string;
}

export interface Submission {
  status: 'submitted' | 'approved' | 'returned';
  feedback?: string;
  text?: string;
  files?: LearnerFile[];
  submittedAt?: string;
}

export interface ModuleView {
  module: LearningModule & { descriptionHtml?: string; summary?: string };
  sessions: Session[];
  my?: {
    completed: boolean;
    completedAt?: string;
    enrolled: boolean;
    submission?: Submission;
    evidence?: string;
    evidenceFiles?: LearnerFile[];
  };
}

export interface EnrolmentResult {
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  position?: number;
}

export interface PathSummary {
  id: string;
  title: string;
  description: string;
  version: number;
  stepCount: number;
  kinds: ModuleKind[];
}

export type StepStatus = 'locked' | 'open' | 'complete';

export interface PathStepView {
  id: string;
  moduleId: string;
  required: boolean;
  unlockAfter: string[];
  module: { id: string; kind: ModuleKind; title: string; durationMinutes: number };
}

export interface NextStep {
  stepId: string;
  moduleId: string;
  title: string;
  kind: ModuleKind;
}

export interface PathProgress {
  percent: number;
  complete: boolean;
  completedAt?: string;
  steps: Array<{ stepId: string; status: StepStatus }>;
  /** The API may send the next step as an object or just its step id. */
  nextStep?: NextStep | string;
}

export interface MyPath {
  enrolledVersion: number;
  latestVersion: number;
  completedAt?: string;
  progress: PathProgress;
}

export interface PathView {
  path: {
    id: string;
    version: number;
    title: string;
    description: string;
    minOptional: number;
    steps: PathStepView[];
  };
  my?: MyPath;
}

export interface MyLearning {
  paths: Array<{
    pathId: string;
    title: string;
    enrolledVersion: number;
    latestVersion: number;
    percent: number;
    complete: boolean;
    nextStep?: NextStep;
  }>;
  /** The API may send only `sessionId`, `start` and `status`; the rest is shown when present. */
  upcomingSessions: Array<{
    sessionId: string;
    moduleId?: string;
    title?: string;
    start: string;
    end?: string;
    location?: string;
    meetingUrl?: string;
    status: SessionStatus | string;
  }>;
  enrolledModules: Array<{ moduleId: string; title: string; kind: string; enrolledAt: string }>;
  assignments: Array<{ moduleId: string; title: string; status: string }>;
  completed: Array<{ moduleId: string; title: string; kind: ModuleKind; completedAt: string; points: Array<{ register: string; points: number }> }>;
  pendingEvaluations: Array<{ targetType: 'module' | 'path'; targetId: string; title: string }>;
  accreditation: Array<{ register: string; points: number }>;
}

export interface EvaluationSummary {
  count: number;
  /** Mean rating to one decimal; null without evaluations. */
  average: number | null;
  distribution: Record<string, number>;
  /** Non-empty answers, newest first. */
  comments: Array<{ question: 'learned' | 'apply' | 'improve' | string; text: string; createdAt: string }>;
}

/** GET /api/trainer/submissions: an assignment handed in and waiting for a decision. */
export interface WaitingSubmission {
  moduleId: string;
  title: string;
  learnerId: string;
  learnerName: string;
  submission: { text: string; files?: LearnerFile[]; status: 'submitted'; submittedAt: string };
}

export interface TrainerSession {
  id: string;
  moduleId: string;
  title: string;
  start: string;
  end: string;
  enrolled: number;
  capacity: number;
  location?: string;
}

export interface Participant {
  userId: string;
  name: string;
  status: SessionStatus | string;
  waitlistPosition?: number;
}

export interface ParticipantList {
  session: Partial<Session> & { id: string; moduleId?: string; title?: string; moduleTitle?: string; start: string; end: string };
  participants: Participant[];
}
