import type { StoreClients } from '../../platform/store/clients';
import type { LearnerFileRef } from '../files/store';
import { keys } from '../../platform/store/keys';
import { fromItem } from '../../platform/store/items';
import { batchGet, get, queryAll } from '../../platform/store/table';
import type { Accreditation, LearningModule, LearningPath } from '../domain/types';

/**
 * The records every part of learning reads: modules (written by ../catalogue), published path
 * versions (written by ../paths), and the learner's record (`LEARNER#{id}`: module enrolments and
 * completions, path enrolments, completion events; written by ../completion, ../paths and
 * ../assignments).
 */

export interface StoredModule extends LearningModule {
  descriptionHtml: string;
  rev: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The module as it was when the learner completed it, kept on the completion: what Mijn leren
 * totals, path completions and (later) the portfolio report. A later change to the module never
 * changes it. Completions recorded before this copy existed get it the first time they are read
 * (`backfilledAt` says when, and that it is the module as it was then).
 */
export interface CompletedModule {
  /** The module's revision (`rev`) at completion; absent when the module no longer existed. */
  rev?: number;
  title: string;
  /** The whole accreditation as it was: register, points and accreditation number. */
  accreditation: Accreditation[];
  backfilledAt?: string;
}

export interface LearnerModule {
  moduleId: string;
  title: string;
  kind: string;
  enrolledAt?: string;
  completedAt?: string;
  /**
   * The latest completion (renewals included): every completion path writes it, while
   * `completedAt` keeps the first (points and paths count that one). Attendance writes the
   * session's start (UTC), the later of stored and new. Mandatory training's validity runs from it
   * (functions/docs/mandatory-training.md); absent on completions recorded before it existed.
   */
  lastCompletedAt?: string;
  source?: string;
  completedModule?: CompletedModule;
  /** Attendance only: the session whose attendance completed the module. */
  completedVia?: string;
  /** Attendance only: every session of this module the learner attended (a string set). */
  attendedSessions?: Set<string>;
  evidence?: string;
  evidenceFiles?: LearnerFileRef[];
  /** E-learning (SCORM) only: what the attempt that completed the module measured; frozen with the completion. */
  result?: CompletionResult;
  submission?: { text: string; files?: LearnerFileRef[]; status: 'submitted' | 'approved' | 'returned'; submittedAt: string; feedback?: string; reviewedBy?: { id: string; name: string } };
}

/**
 * What an e-learning attempt reported when it completed the module: self-reported by the package
 * in the learner's browser (range-checked by the SCORM runtime, functions/src/scorm/attempts).
 */
export interface CompletionResult {
  source: 'scorm';
  selfReported: true;
  attemptId: string;
  success: 'passed' | 'failed' | 'unknown';
  score?: { raw?: number; min?: number; max?: number; scaled?: number };
  /** 0–100, when the score gives one. */
  percent?: number;
  /** Time in the attempt, summed by the server from the package's session times. */
  timeSeconds: number;
}

export interface LearnerPath {
  pathId: string;
  title: string;
  version: number;
  enrolledAt: string;
  completedAt?: string;
}

/** A completion the portfolio builds on (one item per completed path, written once). */
export interface LearningEvent {
  kind: 'path-completed';
  pathId: string;
  version: number;
  title: string;
  completedAt: string;
  accreditation: Array<{ register: string; points: number }>;
}

// ---- modules ---------------------------------------------------------------------------------

export async function getModule(store: StoreClients, id: string) {
  return fromItem<StoredModule>(await get(store, keys.module(id)));
}

export async function getModules(store: StoreClients, ids: string[]): Promise<Map<string, StoredModule>> {
  const out = new Map<string, StoredModule>();
  const unique = [...new Set(ids)];
  for (const item of await batchGet(store, unique.map((id) => keys.module(id)))) {
    const m = fromItem<StoredModule>(item);
    out.set(m.id, m);
  }
  return out;
}

// ---- published path versions -----------------------------------------------------------------

async function getPathVersion(store: StoreClients, id: string, version: number) {
  return fromItem<LearningPath>(await get(store, keys.pathVersion(id, version)));
}

const pathVersionCache = new Map<string, LearningPath>();

/** Published path versions never change, so they are cached without expiry. */
export async function pathVersion(store: StoreClients, pathId: string, version: number): Promise<LearningPath | undefined> {
  const key = `${pathId}#${version}`;
  const hit = pathVersionCache.get(key);
  if (hit) return hit;
  const v = await getPathVersion(store, pathId, version);
  if (v) pathVersionCache.set(key, v);
  return v;
}

// ---- the learner's record --------------------------------------------------------------------

/** The whole record in one Query; `consistent` where a conditional write follows from what was read. */
export async function learnerRecord(store: StoreClients, userId: string, opts: { consistent?: boolean } = {}) {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `LEARNER#${userId}` }, ...(opts.consistent ? { ConsistentRead: true } : {}) });
  const paths: LearnerPath[] = [];
  const modules: LearnerModule[] = [];
  const events: LearningEvent[] = [];
  for (const i of items) {
    if (String(i.SK).startsWith('PATH#')) paths.push(fromItem<LearnerPath>(i)!);
    else if (String(i.SK).startsWith('MODULE#')) modules.push(fromItem<LearnerModule>(i)!);
    else if (String(i.SK).startsWith('EVENT#')) events.push(fromItem<LearningEvent>(i)!);
  }
  return { paths, modules, events };
}

export async function getLearnerModule(store: StoreClients, userId: string, moduleId: string, opts: { consistent?: boolean } = {}) {
  return fromItem<LearnerModule>(await get(store, keys.learnerModule(userId, moduleId), opts.consistent ? { ConsistentRead: true } : undefined));
}

export async function getLearnerPath(store: StoreClients, userId: string, pathId: string) {
  return fromItem<LearnerPath>(await get(store, keys.learnerPath(userId, pathId)));
}
