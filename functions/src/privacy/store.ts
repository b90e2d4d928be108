import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { conditional, fromItem } from '../platform/store/items';
import { del, get, put, query, queryAll, update, type TransactPart } from '../platform/store/table';
import type { AuditEntry } from '../platform/audit';

/**
 * Erasure records and reads of the audit log (functions/docs/privacy.md, access patterns P1–P6).
 * The log itself is written through platform/audit by every feature.
 */

export interface ErasureStep {
  step: string;
  at: string;
  counts: Record<string, number>;
}

export interface ErasureRecord {
  ref: string;
  status: 'in-progress' | 'done';
  reason: string;
  requestedBy: { ref: string };
  requestedAt: string;
  completedAt?: string;
  steps: ErasureStep[];
}

export async function getErasure(store: StoreClients, ref: string): Promise<ErasureRecord | undefined> {
  return fromItem<ErasureRecord>(await get(store, keys.erasure(ref), { ConsistentRead: true }));
}

/** Starts the record of an erasure; false when there is one already (a re-run resumes it). */
export function startErasure(store: StoreClients, e: ErasureRecord): Promise<boolean> {
  return conditional(() => put(store, { ...keys.erasure(e.ref), ...keys.erasureIndex(e.requestedAt, e.ref), type: 'erasure', ...e }, { ConditionExpression: 'attribute_not_exists(PK)' }));
}

/** One step done (appended while the erasure is in progress). */
export async function recordStep(store: StoreClients, ref: string, step: ErasureStep): Promise<void> {
  await update(store, keys.erasure(ref), {
    UpdateExpression: 'SET steps = list_append(steps, :s)',
    ConditionExpression: '#st = :progress',
    ExpressionAttributeNames: { '#st': 'status' },
    ExpressionAttributeValues: { ':s': [step], ':progress': 'in-progress' },
  });
}

/** The part of the final transaction that marks the erasure done, once. */
export function finishErasurePart(ref: string, at: string): TransactPart {
  return {
    Update: {
      Key: keys.erasure(ref),
      UpdateExpression: 'SET #st = :done, completedAt = :at',
      ConditionExpression: '#st = :progress',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':done': 'done', ':progress': 'in-progress', ':at': at },
    },
  };
}

export async function listErasures(store: StoreClients, limit = 200): Promise<ErasureRecord[]> {
  const res = await query(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'ERASURES' }, ScanIndexForward: false, Limit: limit });
  return (res.Items ?? []).map((i) => fromItem<ErasureRecord>(i));
}

/** The platform's own items of a user: their rate-limit counters (they expire within minutes, but hold the id until then). */
export async function eraseRateLimits(store: StoreClients, userId: string): Promise<number> {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.rateLimit(userId, '', 0).PK }, ProjectionExpression: 'PK, SK' });
  for (const i of items) await del(store, { PK: i.PK, SK: i.SK });
  return items.length;
}

/**
 * Entries of one month between two instants, newest first, optionally of one action and one actor
 * (filters: a month is read whole within the period, the filters only leave entries out).
 */
export async function auditEntries(store: StoreClients, month: string, fromIso: string, toIso: string, filter: { action?: string; actorRef?: string }, limit: number): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': keys.auditMonth(month).PK, ':from': fromIso, ':to': toIso };
  const filters: string[] = [];
  if (filter.action) {
    filters.push('#action = :action');
    names['#action'] = 'action';
    values[':action'] = filter.action;
  }
  if (filter.actorRef) {
    filters.push('actor.#ref = :actor');
    names['#ref'] = 'ref';
    values[':actor'] = filter.actorRef;
  }
  const entries: AuditEntry[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await query(store, {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      ExclusiveStartKey,
    });
    entries.push(...(res.Items ?? []).map((i) => fromItem<AuditEntry>(i)));
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey && entries.length <= limit);
  return { entries: entries.slice(0, limit), more: entries.length > limit || ExclusiveStartKey !== undefined };
}
