import type { StoreClients } from '../../platform/store/clients';
import { fileChecks, type LearnerFileRef } from '../files/store';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { get, transact, update, type TransactPart } from '../../platform/store/table';
import { counterParts, negated, type ActivityDelta } from '../../platform/store/activity-counters';
import type { Accreditation } from '../domain/types';
import type { CompletedModule, CompletionResult, LearnerModule, LearningEvent } from '../shared/store';

/** Writes to the learner's record that mark progress: joining a module, completing it, completing a path. */

/** What a completion records of its module. `rev` and `accreditation` are frozen on the record with it. */
export interface ModuleFacts {
  moduleId: string;
  title: string;
  kind: string;
  rev?: number;
  accreditation?: Accreditation[];
}

/** The copy of a module a completion keeps (undefined when the caller did not know the module's accreditation). */
export function frozenCopy(m: ModuleFacts): CompletedModule | undefined {
  if (!m.accreditation) return undefined;
  return { ...(m.rev !== undefined ? { rev: m.rev } : {}), title: m.title, accreditation: m.accreditation.map((a) => ({ ...a })) };
}

/**
 * Joins once; a repeat keeps the first date. True when this call was the one that joined: then the
 * month's enrolment counter went up in the same transaction (a repeat counts nothing).
 */
export async function enrolInModule(store: StoreClients, userId: string, m: { moduleId: string; title: string; kind: string }, at: string): Promise<boolean> {
  const write = {
    UpdateExpression: 'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, enrolledAt = if_not_exists(enrolledAt, :at)',
    ExpressionAttributeNames: { '#type': 'type', '#title': 'title', '#kind': 'kind' },
    ExpressionAttributeValues: { ':t': 'learner-module', ':m': m.moduleId, ':title': m.title, ':kind': m.kind, ':at': at },
  };
  const first = await conditional(() =>
    transact(store, [
      { Update: { Key: keys.learnerModule(userId, m.moduleId), ...write, ConditionExpression: 'attribute_not_exists(enrolledAt)' } },
      ...counterParts([{ at, targetType: 'module', targetId: m.moduleId, enrolments: 1 }]),
    ]),
  );
  // Already joined: the title and form still follow the module, as before.
  if (!first) await update(store, keys.learnerModule(userId, m.moduleId), write);
  return first;
}

/**
 * Records a module as completed once; a later completion never moves the first date, nor the
 * module copy frozen with it. Files named as evidence must still exist when the completion is
 * written (one transaction with a check of each), so a file deleted at the same moment is never
 * named: `'file-gone'` then, and nothing is written.
 */
export async function completeModule(store: StoreClients, userId: string, m: ModuleFacts, at: string, source: string, evidence?: string, evidenceFiles: LearnerFileRef[] = [], result?: CompletionResult): Promise<LearnerModule | 'file-gone'> {
  const files = evidenceFiles.length > 0;
  const copy = frozenCopy(m);
  const write = {
    UpdateExpression:
      // GSI1PK/GSI1SK: the module's completions (keys.completionByModule; the PE-online attendance export).
      'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, completedAt = if_not_exists(completedAt, :at), #source = if_not_exists(#source, :src), GSI1PK = :g1pk, GSI1SK = :g1sk' +
      // `lastCompletedAt` moves with every completion (a renewal: mandatory training), `completedAt` stays the first.
      ', lastCompletedAt = :at' +
      (copy ? ', completedModule = if_not_exists(completedModule, :copy)' : '') +
      (evidence ? ', evidence = :ev' : '') +
      (files ? ', evidenceFiles = :files' : '') +
      // An e-learning's result is frozen with the completion, like its date.
      (result ? ', #result = if_not_exists(#result, :result)' : ''),
    ExpressionAttributeNames: { '#type': 'type', '#source': 'source', '#title': 'title', '#kind': 'kind', ...(result ? { '#result': 'result' } : {}) },
    ExpressionAttributeValues: {
      ':t': 'learner-module',
      ':m': m.moduleId,
      ':title': m.title,
      ':kind': m.kind,
      ':at': at,
      ':src': source,
      ':g1pk': keys.completionByModule(m.moduleId, userId).GSI1PK,
      ':g1sk': keys.completionByModule(m.moduleId, userId).GSI1SK,
      ...(copy ? { ':copy': copy } : {}),
      ...(evidence ? { ':ev': evidence } : {}),
      ...(files ? { ':files': evidenceFiles } : {}),
      ...(result ? { ':result': result } : {}),
    },
  };
  // The first completion is written with its counter (conditional on being the first); a repeat
  // (which keeps the first date and copy) is written as before and counts nothing.
  const counted = [{ Update: { Key: keys.learnerModule(userId, m.moduleId), ...write, ConditionExpression: 'attribute_not_exists(completedAt)' } }, ...fileChecks(userId, m.moduleId, evidenceFiles), ...counterParts([completionDelta(m.moduleId, at, copy)])];
  try {
    await retryOnContention(() => transact(store, counted));
    return fromItem<LearnerModule>((await get(store, keys.learnerModule(userId, m.moduleId), { ConsistentRead: true }))!);
  } catch (err) {
    if (evidenceFiles.some((_, i) => conditionFailed(err, i + 1))) return 'file-gone';
    if (!conditionFailed(err, 0)) throw err;
  }
  if (!files) {
    const res = await update(store, keys.learnerModule(userId, m.moduleId), { ...write, ReturnValues: 'ALL_NEW' });
    return fromItem<LearnerModule>(res.Attributes)!;
  }
  try {
    await retryOnContention(() => transact(store, [{ Update: { Key: keys.learnerModule(userId, m.moduleId), ...write } }, ...fileChecks(userId, m.moduleId, evidenceFiles)]));
  } catch (err) {
    if (evidenceFiles.some((_, i) => conditionFailed(err, i + 1))) return 'file-gone';
    throw err;
  }
  return fromItem<LearnerModule>((await get(store, keys.learnerModule(userId, m.moduleId), { ConsistentRead: true }))!);
}

/** A module completion as counted: one completion, with the points of the copy frozen with it. */
export function completionDelta(moduleId: string, at: string, copy: Pick<CompletedModule, 'accreditation'> | undefined, sign: 1 | -1 = 1): ActivityDelta {
  const d: ActivityDelta = { at, targetType: 'module', targetId: moduleId, completions: 1, points: (copy?.accreditation ?? []).map((a) => ({ register: a.register, points: a.points })) };
  return sign === 1 ? d : negated(d);
}

/**
 * Freezes the module copy on a completion recorded before copies existed: once, and only while
 * it is still a completion without one. Returns false when another request froze it first.
 */
export async function freezeCompletion(store: StoreClients, userId: string, moduleId: string, copy: CompletedModule): Promise<boolean> {
  return conditional(() =>
    update(store, keys.learnerModule(userId, moduleId), {
      UpdateExpression: 'SET completedModule = :copy',
      ConditionExpression: 'attribute_exists(completedAt) AND attribute_not_exists(completedModule)',
      ExpressionAttributeValues: { ':copy': copy },
    }),
  );
}

/**
 * Records a path as completed once, with its event. `relied` are the attendance completions the
 * path's completion was computed from: attendance can be corrected, so each must still stand as
 * read (same `completedAt`), or nothing is written.
 */
export async function markPathCompleted(store: StoreClients, userId: string, pathId: string, completedAt: string, event: LearningEvent, relied: Array<{ moduleId: string; completedAt: string }> = []): Promise<'recorded' | 'already' | 'changed'> {
  try {
    await retryOnContention(() => transact(store, [
      {
        Update: {
          Key: keys.learnerPath(userId, pathId),
          UpdateExpression: 'SET completedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(completedAt)',
          ExpressionAttributeValues: { ':at': completedAt },
        },
      },
      { Put: { Item: { ...keys.learnerEvent(userId, pathEventId(pathId, completedAt)), type: 'learning-event', ...event } } },
      ...relied.map((r) => ({ ConditionCheck: { Key: keys.learnerModule(userId, r.moduleId), ConditionExpression: 'completedAt = :c', ExpressionAttributeValues: { ':c': r.completedAt } } })),
      ...counterParts([pathCompletionDelta(pathId, completedAt)]),
    ]));
    return 'recorded';
  } catch (err) {
    if (conditionFailed(err, 0)) return 'already';
    if (conditionFailed(err)) return 'changed';
    throw err;
  }
}

export const pathEventId = (pathId: string, completedAt: string) => `${completedAt}#path#${pathId}`;

/** A path completion as counted (no points: a path's points are its modules', counted with them). */
const pathCompletionDelta = (pathId: string, at: string, completions: 1 | -1 = 1): ActivityDelta => ({ at, targetType: 'path', targetId: pathId, completions });

// ---- attendance: completing by it, and taking back what a correction removes --------------------

/**
 * The learner-module part of registering attendance: the session joins the attended set; when the
 * module is not yet complete, this attendance completes it (with the module's frozen copy). Each
 * variant is conditional on what was read, so a correction running at the same moment makes one
 * of the two start again from the new state.
 */
export function attendedPart(userId: string, m: ModuleFacts, sessionId: string, read: LearnerModule | undefined, at: string, sessionStart?: string): TransactPart {
  const Key = keys.learnerModule(userId, m.moduleId);
  // A renewal (mandatory training) counts from the session's day: the later of the stored latest completion and this session's start.
  const held = read?.lastCompletedAt ?? read?.completedAt;
  const started = sessionStart ? new Date(sessionStart).toISOString() : at;
  const renews = held === undefined || Date.parse(started) > Date.parse(held);
  if (read?.completedAt) {
    return {
      Update: {
        Key,
        UpdateExpression: renews ? 'SET lastCompletedAt = :last ADD attendedSessions :sid' : 'ADD attendedSessions :sid',
        ConditionExpression: renews ? `completedAt = :c AND ${read.lastCompletedAt ? 'lastCompletedAt = :prev' : 'attribute_not_exists(lastCompletedAt)'}` : 'completedAt = :c',
        ExpressionAttributeValues: { ':sid': new Set([sessionId]), ':c': read.completedAt, ...(renews ? { ':last': started } : {}), ...(renews && read.lastCompletedAt ? { ':prev': read.lastCompletedAt } : {}) },
      },
    };
  }
  const copy = frozenCopy(m);
  return {
    Update: {
      Key,
      UpdateExpression:
        'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, completedAt = :at, lastCompletedAt = :last, #source = :src, completedVia = :sid, GSI1PK = :g1pk, GSI1SK = :g1sk' + (copy ? ', completedModule = :copy' : '') + ' ADD attendedSessions :sids',
      ConditionExpression: 'attribute_not_exists(completedAt)',
      ExpressionAttributeNames: { '#type': 'type', '#source': 'source', '#title': 'title', '#kind': 'kind' },
      ExpressionAttributeValues: {
        ':t': 'learner-module',
        ':m': m.moduleId,
        ':title': m.title,
        ':kind': m.kind,
        ':at': at,
        ':last': started,
        ':src': 'attendance',
        ':sid': sessionId,
        ':sids': new Set([sessionId]),
        ':g1pk': keys.completionByModule(m.moduleId, userId).GSI1PK,
        ':g1sk': keys.completionByModule(m.moduleId, userId).GSI1SK,
        ...(copy ? { ':copy': copy } : {}),
      },
    },
  };
}

/** What a correction to absent does to the module's completion. */
export type AbsenceEffect = { kind: 'keep' } | { kind: 'remove' } | { kind: 'move'; via: string; at: string };

/**
 * The learner-module part of correcting attendance to absent: the session leaves the attended set
 * and, as `effect` says, the completion stays, goes (with its frozen copy), or moves to another
 * attended session of the module. Conditional on the completion and the attended set as read.
 */
export function absentPart(userId: string, moduleId: string, sessionId: string, read: LearnerModule | undefined, effect: AbsenceEffect, renewal?: string): TransactPart {
  const Key = keys.learnerModule(userId, moduleId);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions: string[] = [];
  if (read?.completedAt) {
    conditions.push('completedAt = :c');
    values[':c'] = read.completedAt;
  } else conditions.push('attribute_not_exists(completedAt)');
  if (read?.attendedSessions && read.attendedSessions.size > 0) {
    conditions.push('attendedSessions = :read');
    values[':read'] = read.attendedSessions;
  } else conditions.push('attribute_not_exists(attendedSessions)');
  const ConditionExpression = conditions.join(' AND ');

  const clauses: string[] = [];
  if (effect.kind === 'remove') {
    // GSI1PK/GSI1SK: no longer among the module's completions (keys.completionByModule).
    clauses.push('REMOVE completedAt, #source, completedModule, completedVia, GSI1PK, GSI1SK, lastCompletedAt');
    names['#source'] = 'source';
  } else if (effect.kind === 'move') {
    clauses.push(`SET completedAt = :at, completedVia = :via${renewal ? ', lastCompletedAt = :last' : ''}`);
    values[':at'] = effect.at;
    values[':via'] = effect.via;
  } else if (renewal && read?.completedAt) {
    // The latest completion falls back to the latest attendance that still stands.
    clauses.push('SET lastCompletedAt = :last');
  }
  if (renewal && effect.kind !== 'remove' && read?.completedAt) values[':last'] = renewal;
  if (read?.attendedSessions?.has(sessionId)) {
    clauses.push('DELETE attendedSessions :sid');
    values[':sid'] = new Set([sessionId]);
  }
  const withValues = Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {};
  if (clauses.length === 0) return { ConditionCheck: { Key, ConditionExpression, ...withValues } };
  return {
    Update: {
      Key,
      UpdateExpression: clauses.join(' '),
      ConditionExpression,
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ...withValues,
    },
  };
}

/** A path whose completion a correction takes back: the completion and its event go together. */
export function pathUncompletedParts(userId: string, pathId: string, completedAt: string): TransactPart[] {
  return [
    {
      Update: {
        Key: keys.learnerPath(userId, pathId),
        UpdateExpression: 'REMOVE completedAt',
        ConditionExpression: 'completedAt = :c',
        ExpressionAttributeValues: { ':c': completedAt },
      },
    },
    { Delete: { Key: keys.learnerEvent(userId, pathEventId(pathId, completedAt)) } },
    ...counterParts([pathCompletionDelta(pathId, completedAt, -1)]),
  ];
}

/**
 * A path whose completion moves to another moment (the module it relied on is now completed by a
 * later attendance): its date and its event (keyed by the date) move together, from the date read.
 */
export function pathCompletionMovedParts(userId: string, pathId: string, from: string, event: LearningEvent & { completedAt: string }): TransactPart[] {
  return [
    {
      Update: {
        Key: keys.learnerPath(userId, pathId),
        UpdateExpression: 'SET completedAt = :to',
        ConditionExpression: 'completedAt = :from',
        ExpressionAttributeValues: { ':to': event.completedAt, ':from': from },
      },
    },
    { Delete: { Key: keys.learnerEvent(userId, pathEventId(pathId, from)) } },
    { Put: { Item: { ...keys.learnerEvent(userId, pathEventId(pathId, event.completedAt)), type: 'learning-event', ...event } } },
    // Counted in its new month (nothing changes when the month stays).
    ...counterParts([pathCompletionDelta(pathId, from, -1), pathCompletionDelta(pathId, event.completedAt)]),
  ];
}

/** A path the correction found not complete, pinned so: a completion recorded at the same moment makes the correction read again. */
export function pathStillOpenPart(userId: string, pathId: string): TransactPart {
  return { ConditionCheck: { Key: keys.learnerPath(userId, pathId), ConditionExpression: 'attribute_not_exists(completedAt)' } };
}

/** A path that stays complete after a correction, with the points of what still counts. */
export function pathPointsPart(userId: string, pathId: string, completedAt: string, accreditation: LearningEvent['accreditation']): TransactPart {
  return {
    Update: {
      Key: keys.learnerEvent(userId, pathEventId(pathId, completedAt)),
      UpdateExpression: 'SET accreditation = :a',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':a': accreditation },
    },
  };
}

/** All parts or none; false when a condition no longer held (the caller reads again and retries). */
export async function writeTogether(store: StoreClients, parts: TransactPart[]): Promise<boolean> {
  return conditional(() => transact(store, parts));
}
