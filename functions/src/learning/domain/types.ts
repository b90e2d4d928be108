/**
 * The academy's learning model: modules in every learning form, blended paths that order them,
 * sessions for the forms that happen at a time and place. Plain data shared by the pure domain
 * functions (progress, validation, calendar) and the store.
 */
export const moduleKinds = ['elearning', 'classroom', 'online-session', 'event', 'intervision', 'reading', 'assignment', 'external'] as const;
export type ModuleKind = (typeof moduleKinds)[number];

/** Kinds whose completion comes from attending a session. */
export const sessionKinds: readonly ModuleKind[] = ['classroom', 'online-session', 'event', 'intervision'];

export type EnrolAudience = 'employees' | 'partners' | 'public';
export type PublicationStatus = 'draft' | 'published' | 'archived';

export interface Accreditation {
  /** e.g. "V&VN Kwaliteitsregister", "Register Vaktherapie", "NIP", "BIG-herregistratie", "FGzPt" */
  register: string;
  points: number;
  accreditationNumber?: string;
  /** The edition (PE-online "editie") of the accredited course that the attendance export reports under. */
  edition?: string;
}

export interface LearningModule {
  id: string;
  kind: ModuleKind;
  title: string;
  description: string; // Markdown
  learningGoals: string[];
  durationMinutes: number;
  networkId?: string;
  themes: string[];
  targetAudience: string[]; // disciplines/roles, e.g. "verpleegkundigen", "psychologen"
  accreditation: Accreditation[];
  enrolAudience: EnrolAudience;
  language: 'nl' | 'en';
  status: PublicationStatus;
  /** kind = reading: the knowledge article it links to. */
  articleSlug?: string;
  /** kind = event: symposium | kenniscafe | regional-meeting | case-discussion */
  eventType?: string;
  /** kind = external: provider name */
  provider?: string;
  /** kind = elearning: a new SCORM attempt may start after a completed one (read by functions/src/scorm/attempts). */
  scormRetakes?: boolean;
}

export interface PathStep {
  id: string; // stable within a path, e.g. "s1"
  moduleId: string;
  required: boolean;
  /** Step ids that must be complete before this step opens. */
  unlockAfter: string[];
}

export interface LearningPath {
  id: string;
  version: number;
  title: string;
  description: string;
  steps: PathStep[];
  /** How many optional steps must be complete, on top of all required ones. */
  minOptional: number;
  status: PublicationStatus;
}

/** A learner's completed steps on the path version they are enrolled in. */
export interface StepCompletion {
  stepId: string;
  completedAt: string;
  /** What completed it: attendance, self-report, approval, SCORM result, reading. */
  source: 'attendance' | 'reading' | 'assignment-approved' | 'external-evidence' | 'scorm' | 'manual';
}
