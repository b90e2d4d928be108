import { createHmac, randomBytes } from 'node:crypto';
import type { StoreClients } from '../store/clients';
import { keys } from '../store/keys';
import { conditional } from '../store/items';
import { batchGet, get, put, type TransactPart } from '../store/table';

/**
 * Pseudonymous references to people: `p-` and 20 hex digits of an HMAC-SHA256 of the user id, under
 * one random key kept in the table (`PRIVACY#KEY`, made once). The same person always gets the same
 * reference, so an erasure can be re-run and resumes where it stopped, and the audit log can say
 * "the same person" without holding who. While the person exists, `PERSONREF#{ref}` says whose
 * reference it is (how the audit page shows names); their erasure deletes it, after which the
 * reference leads to nobody without both the key and the former id. See functions/docs/privacy.md.
 */

const keyCache = new Map<string, Promise<Buffer>>();

async function loadKey(store: StoreClients): Promise<Buffer> {
  const read = async () => (await get(store, keys.pseudonymKey(), { ConsistentRead: true }))?.secret as string | undefined;
  const stored = await read();
  if (stored) return Buffer.from(stored, 'base64');
  // Two instances making it at once: one wins the condition, both then use the stored one.
  await conditional(() => put(store, { ...keys.pseudonymKey(), type: 'pseudonym-key', secret: randomBytes(32).toString('base64') }, { ConditionExpression: 'attribute_not_exists(PK)' }));
  return Buffer.from((await read())!, 'base64');
}

function pseudonymKey(store: StoreClients): Promise<Buffer> {
  let key = keyCache.get(store.tableName);
  if (!key) {
    key = loadKey(store);
    keyCache.set(store.tableName, key);
    key.catch(() => keyCache.delete(store.tableName));
  }
  return key;
}

/** The person's reference: deterministic per person and table, not reversible without the key. */
export async function personRefOf(store: StoreClients, userId: string): Promise<string> {
  return refWith(await pseudonymKey(store), userId);
}

export const refWith = (key: Buffer, userId: string) => `p-${createHmac('sha256', key).update(userId, 'utf8').digest('hex').slice(0, 20)}`;

/** Remembers whose reference it is (an unconditional put: writing it again changes nothing). */
export function personRefPart(ref: string, userId: string): TransactPart {
  return { Put: { Item: { ...keys.personRef(ref), type: 'person-ref', ref, userId } } };
}

/** The part of an erasure that forgets whose reference it was. */
export function forgetPersonRefPart(ref: string): TransactPart {
  return { Delete: { Key: keys.personRef(ref) } };
}

/** Who the references stand for, where still known (erased people are not). */
export async function peopleOfRefs(store: StoreClients, refs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(refs)];
  const out = new Map<string, string>();
  for (const item of await batchGet(store, unique.map((r) => keys.personRef(r)))) out.set(item.ref as string, item.userId as string);
  return out;
}
