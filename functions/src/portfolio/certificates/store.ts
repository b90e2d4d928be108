import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { batchGet, del, get, query, queryAll, transact, update } from '../../platform/store/table';
import type { CertificateContent } from './domain/layout';

/**
 * Certificates (functions/docs/certificates.md): the record under its verification code
 * (`CERT#{code}`, what the public verify page reads; GSI1 `CERTIFICATES` lists them newest first)
 * and the learner's pointer to it (`LEARNER#{userId}`, `CERT#{kind}#{targetId}`), written together
 * so a completion has exactly one certificate.
 */

export interface CertificateRecord extends CertificateContent {
  userId: string;
  targetId: string;
  revokedAt?: string;
  revokedBy?: { id: string; name: string };
  revokeReason?: string;
}

interface LearnerPointer {
  kind: 'module' | 'path';
  targetId: string;
  code: string;
}

export async function getCertificate(store: StoreClients, code: string, opts: { consistent?: boolean } = {}) {
  return fromItem<CertificateRecord>(await get(store, keys.certificate(code), opts.consistent ? { ConsistentRead: true } : undefined));
}

export async function getPointer(store: StoreClients, userId: string, kind: string, targetId: string) {
  return fromItem<LearnerPointer>(await get(store, keys.learnerCertificate(userId, kind, targetId), { ConsistentRead: true }));
}

/** The learner's certificates (pointers, then the records in one batch). */
export async function certificatesOfLearner(store: StoreClients, userId: string): Promise<CertificateRecord[]> {
  const pointers = (
    await queryAll(store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :c)',
      ExpressionAttributeValues: { ':pk': keys.learner(userId).PK, ':c': keys.learnerCertificatePrefix },
    })
  ).map((i) => fromItem<LearnerPointer>(i));
  if (pointers.length === 0) return [];
  return (await batchGet(store, pointers.map((p) => keys.certificate(p.code)))).map((i) => fromItem<CertificateRecord>(i));
}

/**
 * Issues once per completion: the pointer (`attribute_not_exists`) and the record (its code new)
 * in one transaction. `'exists'` when the learner's pointer was written first by another request;
 * `'code-taken'` when the random code met an existing one (the caller draws another).
 */
/** Issues `c`: the learner's pointer is new, or still the `previous` certificate's (one of an earlier completion). */
export async function issue(store: StoreClients, c: CertificateRecord, previous?: string): Promise<'issued' | 'exists' | 'code-taken'> {
  const pointer = { Item: { ...keys.learnerCertificate(c.userId, c.kind, c.targetId), type: 'certificate-pointer', kind: c.kind, targetId: c.targetId, code: c.code } };
  try {
    await retryOnContention(() =>
      transact(store, [
        { Put: previous ? { ...pointer, ConditionExpression: 'code = :previous', ExpressionAttributeValues: { ':previous': previous } } : { ...pointer, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { Item: { ...keys.certificate(c.code), ...keys.certificateByIssue(c.issuedAt, c.code), type: 'certificate', ...c }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ]),
    );
    return 'issued';
  } catch (err) {
    if (conditionFailed(err, 0)) return 'exists';
    if (conditionFailed(err, 1)) return 'code-taken';
    throw err;
  }
}

/** Revokes once: false when it was already revoked (or is gone). */
export async function revoke(store: StoreClients, code: string, at: string, by: { id: string; name: string }, reason: string): Promise<boolean> {
  return conditional(() =>
    update(store, keys.certificate(code), {
      UpdateExpression: 'SET revokedAt = :at, revokedBy = :by, revokeReason = :r',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
      ExpressionAttributeValues: { ':at': at, ':by': by, ':r': reason },
    }),
  );
}

/** One page of every certificate, newest first; `cursor` is the opaque position the previous page ended at. */
export async function listCertificates(store: StoreClients, limit: number, cursor?: Record<string, unknown>) {
  const res = await query(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.certificateByIssue('', '').GSI1PK },
    ScanIndexForward: false,
    Limit: limit,
    ...(cursor ? { ExclusiveStartKey: cursor } : {}),
  });
  return { items: (res.Items ?? []).map((i) => fromItem<CertificateRecord>(i)), next: res.LastEvaluatedKey };
}

/**
 * Erasure: the learner's pointers and the records they point to are deleted, so the verify page
 * answers "not found" for their codes and nothing of the person is left (functions/docs/certificates.md).
 */
export async function eraseOfLearner(store: StoreClients, userId: string): Promise<number> {
  const pointers = (
    await queryAll(store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :c)',
      ExpressionAttributeValues: { ':pk': keys.learner(userId).PK, ':c': keys.learnerCertificatePrefix },
    })
  ).map((i) => ({ key: { PK: i.PK, SK: i.SK }, code: String(i.code) }));
  for (const p of pointers) {
    // The record only when it is this learner's (a pointer never names another's, but deleting is for good).
    await conditional(() => del(store, keys.certificate(p.code), { ConditionExpression: 'userId = :u', ExpressionAttributeValues: { ':u': userId } }));
    await del(store, p.key);
  }
  return pointers.length;
}
