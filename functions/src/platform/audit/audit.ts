import type { StoreClients } from '../store/clients';
import { keys, timeId } from '../store/keys';
import { retryOnContention } from '../store/items';
import { transact, type TransactPart } from '../store/table';
import { personRefOf, personRefPart } from './person-ref';

/**
 * The audit log: who did what to which, when, in which request. Any feature appends to it, in the
 * same transaction as the change it records (`auditParts`) or on its own (`appendAudit`).
 * Append-only: each entry is written once (`attribute_not_exists`) and never updated or deleted,
 * not even by an erasure; which is why people are in it only as pseudonymous references
 * (./person-ref.ts): an erasure forgets whose reference it was and leaves the entries as they are.
 * `details` are for facts about the action (counts, a status, an object's id), never a person's
 * name, e-mail or free text about them.
 */

export interface AuditInput {
  /** Who acted (the signed-in user); stored as their reference. */
  actor: { id: string };
  /** What happened, `kind.verb`: `person.export`, `person.erase`, `certificate.revoke`, … */
  action: string;
  /** What it happened to: an object by id, or a person (`personId`, stored as their reference; or `ref` when only that is known). */
  target: { kind: string; id?: string; personId?: string; ref?: string };
  /** The request's id (`c.get('requestId')`), to find the request in the logs. */
  requestId: string;
  details?: Record<string, string | number | boolean>;
  /** ISO time; now when left out. */
  at?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  actor: { ref: string };
  target: { kind: string; id?: string; ref?: string };
  requestId: string;
  details?: Record<string, string | number | boolean>;
}

/** The month partition an instant falls in (UTC `yyyy-mm`). */
export const auditMonthOf = (at: string) => at.slice(0, 7);

/** The entry as it will be stored (references made, time and id given). */
export async function auditEntryOf(store: StoreClients, input: AuditInput): Promise<AuditEntry> {
  const at = input.at ?? new Date().toISOString();
  const targetRef = input.target.ref ?? (input.target.personId ? await personRefOf(store, input.target.personId) : undefined);
  return {
    id: timeId(Date.parse(at)),
    at,
    action: input.action,
    actor: { ref: await personRefOf(store, input.actor.id) },
    target: { kind: input.target.kind, ...(input.target.id ? { id: input.target.id } : {}), ...(targetRef ? { ref: targetRef } : {}) },
    requestId: input.requestId,
    ...(input.details && Object.keys(input.details).length > 0 ? { details: input.details } : {}),
  };
}

/**
 * The parts to put in the transaction of the change itself: the entry (written once) and the
 * actor's reference remembered (so the audit page can name them while they exist).
 */
export async function auditParts(store: StoreClients, input: AuditInput): Promise<TransactPart[]> {
  const entry = await auditEntryOf(store, input);
  return [auditEntryPart(entry), personRefPart(entry.actor.ref, input.actor.id)];
}

export function auditEntryPart(entry: AuditEntry): TransactPart {
  return { Put: { Item: { ...keys.auditEntry(auditMonthOf(entry.at), entry.at, entry.id), type: 'audit', ...entry }, ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** Appends an entry on its own (after a change that has no transaction of its own, or a read such as an export). */
export async function appendAudit(store: StoreClients, input: AuditInput): Promise<AuditEntry> {
  const entry = await auditEntryOf(store, input);
  await retryOnContention(() => transact(store, [auditEntryPart(entry), personRefPart(entry.actor.ref, input.actor.id)]));
  return entry;
}
