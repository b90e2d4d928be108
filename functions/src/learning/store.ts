import type { StoreClients } from '../platform/store/clients';
import type { LearnerFileRef } from './files/store';
import { keys } from '../platform/store/keys';
import { conditional, conditionFailed, fromItem } from '../platform/store/items';
import { batchGet, del, get, put, queryAll, transact, update } from '../platform/store/table';
import type { LearningModule, LearningPath, PathStep } from './domain/types';

export interface StoredModule extends LearningModule {
  descriptionHtml: string;
  rev: number;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  id: string;
  moduleId: string;
  moduleTitle: string;
  start: string;
  end: string;
  location?: string;
  meetingUrl?: string;
  trainers: Array<{ id: string; name: string }>;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  status: 'planned' | 'cancelled';
}

export type SeatStatus = 'enrolled' | 'waitlisted' | 'cancelled' | 'attended' | 'absent';
export interface Seat {
  sessionId: string;
  userId: string;
  name: string;
  status: SeatStatus;
  waitlistPosition?: string;
  createdAt: string;
  start: string;
  /** Copied from the session so "Mijn leren" needs no extra read per seat. */
  moduleId?: string;
  title?: string;
  end?: string;
  location?: string;
  meetingUrl?: string;
}

export interface LearnerModule {
  moduleId: string;
  title: string;
  kind: string;
  enrolledAt?: string;
  completedAt?: string;
  source?: string;
  evidence?: string;
  evidenceFiles?: LearnerFileRef[];
  submission?: { text: string; files?: LearnerFileRef[]; status: 'submitted' | 'approved' | 'returned'; submittedAt: string; feedback?: string; reviewedBy?: { id: string; name: string } };
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

export async function putModule(store: StoreClients, m: StoredModule, expectedRev: number | null) {
  return conditional(() =>
    put(store, { ...keys.module(m.id), ...keys.moduleByStatus(m.status, m.title, m.id), type: 'module', ...m }, {
      ConditionExpression: expectedRev === null ? 'attribute_not_exists(PK)' : 'rev = :rev',
      ExpressionAttributeValues: expectedRev === null ? undefined : { ':rev': expectedRev },
    }),
  );
}

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

/** The published catalogue without descriptions (list fields only): one paginated Query. */
export async function listPublishedModules(store: StoreClients): Promise<StoredModule[]> {
  // Everything but the rendered description: the list never shows it, and it is the bulk of an item.
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': 'MODULES#published' },
    ProjectionExpression: 'id, kind, title, description, learningGoals, durationMinutes, networkId, themes, targetAudience, accreditation, enrolAudience, #lang, #status, articleSlug, eventType, provider',
    ExpressionAttributeNames: { '#lang': 'language', '#status': 'status' },
  });
  return items.map((i) => fromItem<StoredModule>(i)!);
}

/** Every module in one status, with all fields (academy management lists). */
export async function listModulesByStatus(store: StoreClients, status: 'draft' | 'published' | 'archived'): Promise<StoredModule[]> {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': `MODULES#${status}` } });
  return items.map((i) => fromItem<StoredModule>(i)!);
}

// ---- sessions --------------------------------------------------------------------------------

export async function putSession(store: StoreClients, s: Session) {
  await put(store, { ...keys.session(s.id), ...keys.sessionByModule(s.moduleId, s.start, s.id), ...keys.sessionByStart(s.start, s.id), type: 'session', ...s }, {
    ConditionExpression: 'attribute_not_exists(PK)',
  });
}

export async function getSession(store: StoreClients, id: string) {
  return fromItem<Session>(await get(store, keys.session(id), { ConsistentRead: true }));
}

export async function sessionsOfModule(store: StoreClients, moduleId: string, fromIso?: string) {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: fromIso ? 'GSI1PK = :pk AND GSI1SK >= :from' : 'GSI1PK = :pk',
    ExpressionAttributeValues: fromIso ? { ':pk': `MODULE#${moduleId}#SESSIONS`, ':from': fromIso } : { ':pk': `MODULE#${moduleId}#SESSIONS` },
  });
  return items.map((i) => fromItem<Session>(i)!);
}

export async function sessionsBetween(store: StoreClients, fromIso: string, toIso: string) {
  const items = await queryAll(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': 'SESSIONS', ':from': fromIso, ':to': `${toIso}\uffff` },
  });
  return items.map((i) => fromItem<Session>(i)!);
}

export async function setCapacity(store: StoreClients, sessionId: string, capacity: number): Promise<boolean> {
  return conditional(() =>
    update(store, keys.session(sessionId), {
      UpdateExpression: 'SET #cap = :c',
      ConditionExpression: 'attribute_exists(PK) AND enrolled <= :c',
      ExpressionAttributeNames: { '#cap': 'capacity' },
      ExpressionAttributeValues: { ':c': capacity },
    }),
  );
}

export async function getSeat(store: StoreClients, sessionId: string, userId: string) {
  return fromItem<Seat>(await get(store, keys.seat(sessionId, userId)));
}

export async function seatsOfSession(store: StoreClients, sessionId: string) {
  const items = await queryAll(store, {
    ConsistentRead: true,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
    ExpressionAttributeValues: { ':pk': `SESSION#${sessionId}`, ':s': keys.seatPrefix },
  });
  return items.map((i) => fromItem<Seat>(i)!);
}

/**
 * The first learner in the queue, read from the session's own partition with a consistent read:
 * the waitlist index (GSI2) is eventually consistent on AWS, and handing a seat to someone who
 * already has one, or missing who just joined, would leave a seat empty while people wait.
 */
export async function firstWaitlisted(store: StoreClients, sessionId: string) {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
    FilterExpression: '#status = :w',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': `SESSION#${sessionId}`, ':s': keys.seatPrefix, ':w': 'waitlisted' },
    ConsistentRead: true,
  });
  const waiting = items.map((i) => fromItem<Seat>(i)!).sort((a, b) => a.waitlistPosition!.localeCompare(b.waitlistPosition!));
  return waiting[0];
}

export async function seatsOfLearner(store: StoreClients, userId: string, fromIso: string) {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :from',
    ExpressionAttributeValues: { ':pk': `USER#${userId}#SESSIONS`, ':from': fromIso },
  });
  return items.map((i) => fromItem<Seat>(i)!);
}

const transactionConflict = (err: unknown) =>
  (err as { name?: string }).name === 'TransactionCanceledException' &&
  ((err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');

/** DynamoDB cancels transactions that touch the same item at once; those are retried, conditions are not. */
export async function withConflictRetry<T>(fn: () => Promise<T>, attempts = 12): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!transactionConflict(err) || i >= attempts - 1) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * (i + 1)));
    }
  }
}

/**
 * Takes a seat: the seat counter and the learner's seat change together, conditional on a free
 * seat, a session not yet started, and no active seat of this learner. Returns why it failed.
 */
export async function takeSeat(store: StoreClients, session: Session, seat: Seat, now: string): Promise<'enrolled' | 'full' | 'started' | 'already'> {
  try {
    await withConflictRetry(() =>
      transact(store, [
        {
          Update: {
            Key: keys.session(session.id),
            UpdateExpression: 'SET enrolled = enrolled + :one',
            // Nobody may pass the queue: while anyone waits, a free seat is theirs (see promote).
            ConditionExpression: 'enrolled < #cap AND waitlisted = :zero AND #start > :now AND #status = :planned',
            ExpressionAttributeNames: { '#start': 'start', '#status': 'status', '#cap': 'capacity' },
            ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':now': now, ':planned': 'planned' },
          },
        },
        {
          Put: {
            Item: { ...keys.seat(session.id, seat.userId), ...keys.seatByLearner(seat.userId, session.start, session.id), type: 'seat', ...seat, status: 'enrolled' },
            ConditionExpression: 'attribute_not_exists(PK) OR #status = :cancelled',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled' },
          },
        },
      ]),
    );
    return 'enrolled';
  } catch (err) {
    if (conditionFailed(err, 1)) return 'already';
    if (conditionFailed(err, 0)) return session.start <= now ? 'started' : 'full';
    throw err;
  }
}

export async function joinWaitlist(store: StoreClients, session: Session, seat: Seat, position: string): Promise<boolean> {
  return conditional(() =>
    withConflictRetry(() =>
      transact(store, [
        {
          Update: {
            Key: keys.session(session.id),
            UpdateExpression: 'SET waitlisted = waitlisted + :one',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        {
          Put: {
            Item: {
              ...keys.seat(session.id, seat.userId),
              ...keys.seatByLearner(seat.userId, session.start, session.id),
              type: 'seat',
              ...seat,
              status: 'waitlisted',
              waitlistPosition: position,
            },
            ConditionExpression: 'attribute_not_exists(PK) OR #status = :cancelled',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled' },
          },
        },
      ]),
    ),
  );
}

/** Gives up a seat or a waitlist place; the matching counter goes down in the same transaction. */
export async function releaseSeat(store: StoreClients, sessionId: string, userId: string, from: 'enrolled' | 'waitlisted'): Promise<boolean> {
  const counter = from === 'enrolled' ? 'enrolled' : 'waitlisted';
  return conditional(() =>
    withConflictRetry(() =>
      transact(store, [
        {
          Update: {
            Key: keys.seat(sessionId, userId),
            UpdateExpression: 'SET #status = :cancelled REMOVE GSI2PK, GSI2SK, waitlistPosition',
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled', ':from': from },
          },
        },
        {
          Update: {
            Key: keys.session(sessionId),
            UpdateExpression: `SET ${counter} = ${counter} - :one`,
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ]),
    ),
  );
}

/** Moves the first waitlisted learner into a free seat (both counters and the seat in one transaction). */
export async function promote(store: StoreClients, sessionId: string, userId: string): Promise<boolean> {
  return conditional(() =>
    withConflictRetry(() =>
      transact(store, [
        {
          Update: {
            Key: keys.seat(sessionId, userId),
            UpdateExpression: 'SET #status = :enrolled REMOVE GSI2PK, GSI2SK, waitlistPosition',
            ConditionExpression: '#status = :waitlisted',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':enrolled': 'enrolled', ':waitlisted': 'waitlisted' },
          },
        },
        {
          Update: {
            Key: keys.session(sessionId),
            UpdateExpression: 'SET enrolled = enrolled + :one, waitlisted = waitlisted - :one',
            ConditionExpression: 'enrolled < #cap',
            ExpressionAttributeNames: { '#cap': 'capacity' },
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ]),
    ),
  );
}

export async function setSeatStatus(store: StoreClients, sessionId: string, userId: string, status: 'attended' | 'absent'): Promise<boolean> {
  return conditional(() =>
    update(store, keys.seat(sessionId, userId), {
      UpdateExpression: 'SET #status = :s',
      ConditionExpression: '#status IN (:enrolled, :attended, :absent)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':s': status, ':enrolled': 'enrolled', ':attended': 'attended', ':absent': 'absent' },
    }),
  );
}

// ---- paths -----------------------------------------------------------------------------------

export interface PathMeta {
  id: string;
  title: string;
  description: string;
  latestVersion: number;
  status: 'draft' | 'published' | 'archived';
  rev: number;
  createdAt: string;
  updatedAt: string;
}

export async function getPathMeta(store: StoreClients, id: string) {
  return fromItem<PathMeta>(await get(store, keys.path(id)));
}

export async function getPathVersion(store: StoreClients, id: string, version: number) {
  return fromItem<LearningPath>(await get(store, keys.pathVersion(id, version)));
}

export async function listPublishedPaths(store: StoreClients) {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'PATHS#published' } });
  return items.map((i) => fromItem<PathMeta>(i)!);
}

/** Publishing a path version: the immutable version item and the pointer move together. */
export async function publishPathVersion(store: StoreClients, meta: PathMeta, version: { title: string; description: string; steps: PathStep[]; minOptional: number }, now: string): Promise<number | null> {
  const next = meta.latestVersion + 1;
  try {
    await transact(store, [
      {
        Put: {
          Item: { ...keys.pathVersion(meta.id, next), type: 'path-version', id: meta.id, version: next, status: 'published', ...version, publishedAt: now },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          Item: {
            ...keys.path(meta.id),
            ...keys.pathByStatus('published', version.title, meta.id),
            type: 'path',
            ...meta,
            title: version.title,
            description: version.description,
            latestVersion: next,
            status: 'published',
            rev: meta.rev + 1,
            updatedAt: now,
          },
          ConditionExpression: meta.rev === 0 ? 'attribute_not_exists(PK)' : 'rev = :rev',
          ExpressionAttributeValues: meta.rev === 0 ? undefined : { ':rev': meta.rev },
        },
      },
    ]);
    return next;
  } catch (err) {
    if (conditionFailed(err)) return null;
    throw err;
  }
}

// ---- the learner's record --------------------------------------------------------------------

export async function learnerRecord(store: StoreClients, userId: string) {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `LEARNER#${userId}` } });
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

export async function getLearnerModule(store: StoreClients, userId: string, moduleId: string) {
  return fromItem<LearnerModule>(await get(store, keys.learnerModule(userId, moduleId)));
}

export async function getLearnerPath(store: StoreClients, userId: string, pathId: string) {
  return fromItem<LearnerPath>(await get(store, keys.learnerPath(userId, pathId)));
}

export async function enrolInPath(store: StoreClients, userId: string, p: LearnerPath): Promise<boolean> {
  return conditional(() =>
    put(store, { ...keys.learnerPath(userId, p.pathId), type: 'learner-path', ...p }, { ConditionExpression: 'attribute_not_exists(PK)' }),
  );
}

export async function migratePath(store: StoreClients, userId: string, pathId: string, from: number, to: number): Promise<boolean> {
  return conditional(() =>
    update(store, keys.learnerPath(userId, pathId), {
      UpdateExpression: 'SET #v = :to',
      ConditionExpression: '#v = :from',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':to': to, ':from': from },
    }),
  );
}

export async function markPathCompleted(store: StoreClients, userId: string, pathId: string, completedAt: string, event: LearningEvent): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      {
        Update: {
          Key: keys.learnerPath(userId, pathId),
          UpdateExpression: 'SET completedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(completedAt)',
          ExpressionAttributeValues: { ':at': completedAt },
        },
      },
      { Put: { Item: { ...keys.learnerEvent(userId, `${completedAt}#path#${pathId}`), type: 'learning-event', ...event } } },
    ]),
  );
}

/** Records a module as completed once; a later completion never moves the first date. */
export async function completeModule(store: StoreClients, userId: string, m: { moduleId: string; title: string; kind: string }, at: string, source: string, evidence?: string, evidenceFiles: LearnerFileRef[] = []) {
  const files = evidenceFiles.length > 0;
  const res = await update(store, keys.learnerModule(userId, m.moduleId), {
    UpdateExpression:
      'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, completedAt = if_not_exists(completedAt, :at), #source = if_not_exists(#source, :src)' +
      (evidence ? ', evidence = :ev' : '') +
      (files ? ', evidenceFiles = :files' : ''),
    ExpressionAttributeNames: { '#type': 'type', '#source': 'source', '#title': 'title', '#kind': 'kind' },
    ExpressionAttributeValues: { ':t': 'learner-module', ':m': m.moduleId, ':title': m.title, ':kind': m.kind, ':at': at, ':src': source, ...(evidence ? { ':ev': evidence } : {}), ...(files ? { ':files': evidenceFiles } : {}) },
    ReturnValues: 'ALL_NEW',
  });
  return fromItem<LearnerModule>(res.Attributes)!;
}

export async function saveSubmission(store: StoreClients, learner: { id: string; name: string }, m: { moduleId: string; title: string; kind: string }, submission: NonNullable<LearnerModule['submission']>) {
  const userId = learner.id;
  // Re-submitting is allowed until approved; an approved assignment stays approved.
  const waiting = keys.submissionWaiting(m.moduleId, submission.submittedAt, userId);
  return conditional(() =>
    update(store, keys.learnerModule(userId, m.moduleId), {
      UpdateExpression: 'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, submission = :s, GSI2PK = :g2, GSI2SK = :g2s, learnerId = :u, learnerName = :n',
      ConditionExpression: 'attribute_not_exists(submission) OR submission.#st <> :approved',
      ExpressionAttributeNames: { '#type': 'type', '#st': 'status', '#title': 'title', '#kind': 'kind' },
      ExpressionAttributeValues: {
        ':t': 'learner-module',
        ':m': m.moduleId,
        ':title': m.title,
        ':kind': m.kind,
        ':s': submission,
        ':approved': 'approved',
        ':u': userId,
        ':n': learner.name,
        ':g2': waiting.GSI2PK,
        ':g2s': waiting.GSI2SK,
      },
    }),
  );
}

export async function waitingSubmissions(store: StoreClients) {
  const items = await queryAll(store, { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': 'SUBMISSIONS#WAITING' } });
  return items.map((i) => ({ ...fromItem<LearnerModule>(i)!, learnerId: i.learnerId as string, learnerName: (i.learnerName as string | undefined) ?? (i.learnerId as string) }));
}

export async function reviewSubmission(store: StoreClients, userId: string, moduleId: string, decision: 'approved' | 'returned', feedback: string, by: { id: string; name: string }, seenSubmittedAt: string) {
  return conditional(() =>
    update(store, keys.learnerModule(userId, moduleId), {
      UpdateExpression: 'SET submission.#st = :d, submission.feedback = :f, submission.reviewedBy = :by REMOVE GSI2PK, GSI2SK',
      ConditionExpression: 'submission.#st = :submitted AND submission.submittedAt = :seen',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':d': decision, ':f': feedback, ':by': by, ':submitted': 'submitted', ':seen': seenSubmittedAt },
    }),
  );
}

export async function enrolInModule(store: StoreClients, userId: string, m: { moduleId: string; title: string; kind: string }, at: string) {
  await update(store, keys.learnerModule(userId, m.moduleId), {
    UpdateExpression: 'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, enrolledAt = if_not_exists(enrolledAt, :at)',
    ExpressionAttributeNames: { '#type': 'type', '#title': 'title', '#kind': 'kind' },
    ExpressionAttributeValues: { ':t': 'learner-module', ':m': m.moduleId, ':title': m.title, ':kind': m.kind, ':at': at },
  });
}

// ---- evaluations -----------------------------------------------------------------------------

export async function putEvaluation(store: StoreClients, userId: string, e: Record<string, unknown> & { targetType: string; targetId: string }): Promise<boolean> {
  return conditional(() =>
    put(store, { ...keys.evaluation(e.targetType, e.targetId, userId), type: 'evaluation', ...e }, { ConditionExpression: 'attribute_not_exists(PK)' }),
  );
}

export async function evaluationsOf(store: StoreClients, targetType: string, targetId: string) {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `EVAL#${targetType}#${targetId}` } });
  return items.map((i) => fromItem<Record<string, unknown>>(i)!);
}

export async function evaluatedTargets(store: StoreClients, userId: string, targets: Array<{ targetType: string; targetId: string }>) {
  const done = new Set<string>();
  for (const item of await batchGet(store, targets.map((t) => keys.evaluation(t.targetType, t.targetId, userId)))) done.add(`${item.targetType}#${item.targetId}`);
  return done;
}

// ---- the cap on a learner's files ------------------------------------------------------------

/**
 * How many files a learner keeps for one module, counted in one item beside the learner's record.
 * Counting the file records before writing one lets uploads completed side by side all pass the
 * cap together; a place taken and given back conditionally on this counter lets exactly `max` in.
 */
const fileCountKey = (userId: string, moduleId: string) => ({ PK: keys.learner(userId).PK, SK: `FILECOUNT#${moduleId}` });

/** Takes a place for one more file; false at the cap. The first use starts from the files already kept. */
export async function takeFilePlace(store: StoreClients, userId: string, moduleId: string, max: number, kept: () => Promise<number>): Promise<boolean> {
  const Key = fileCountKey(userId, moduleId);
  const existing = await get(store, Key, { ConsistentRead: true });
  if (!existing) {
    // Only files kept before the counter existed are counted here: a new file needs a place, so the counter, first.
    const files = await kept();
    await conditional(() => put(store, { ...Key, type: 'learner-file-count', moduleId, files }, { ConditionExpression: 'attribute_not_exists(PK)' }));
  }
  return conditional(() =>
    update(store, Key, {
      UpdateExpression: 'SET #files = #files + :one',
      ConditionExpression: '#files < :max',
      ExpressionAttributeNames: { '#files': 'files' },
      ExpressionAttributeValues: { ':one': 1, ':max': max },
    }),
  );
}

/** Gives a place back: an upload that did not become a file, or a deleted file. */
export async function giveBackFilePlace(store: StoreClients, userId: string, moduleId: string): Promise<void> {
  await conditional(() =>
    update(store, fileCountKey(userId, moduleId), {
      UpdateExpression: 'SET #files = #files - :one',
      ConditionExpression: '#files > :zero',
      ExpressionAttributeNames: { '#files': 'files' },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    }),
  );
}

/** Deletes a learner's file record; true only for the one call that removed it (so its place is given back once). */
export async function deleteLearnerFileOnce(store: StoreClients, f: { userId: string; moduleId: string; id: string }): Promise<boolean> {
  return conditional(() => del(store, keys.learnerFile(f.userId, f.moduleId, f.id), { ConditionExpression: 'attribute_exists(PK)' }));
}
