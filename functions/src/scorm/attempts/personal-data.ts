import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { retryOnContention } from '../../platform/store/items';
import { queryAll, transact, type Item } from '../../platform/store/table';
import { eraseObjectsUnder, scrubPerson, scrubText, type PersonTraces, type Pseudonym } from '../../platform/audit';
import { listAttempts, listScos, stateSpillPrefix } from './store';

/**
 * A learner's SCORM attempts, for the personal-data export and for an erasure
 * (functions/docs/privacy.md). Attempts live in one partition per learner × module
 * (`SCORM#{moduleId}#{userId}`); the modules come from the learner's record in learning (launching
 * an e-learning enrols the learner), so no index by learner is needed.
 */

export async function scormDataOf(store: StoreClients, userId: string, moduleIds: string[]) {
  const out: Array<{ moduleId: string; attempts: Array<Record<string, unknown>> }> = [];
  for (const moduleId of [...new Set(moduleIds)]) {
    const attempts = await listAttempts(store, moduleId, userId);
    if (attempts.length === 0) continue;
    out.push({
      moduleId,
      attempts: await Promise.all(
        attempts.map(async (a) => ({ ...a, scos: (await listScos(store, moduleId, userId, a.attemptId)).map((r) => ({ scoId: r.scoId, updatedAt: r.updatedAt, state: r.state })) })),
      ),
    });
  }
  return out;
}

const spillPrefixOf = (moduleId: string, userId: string) => `${stateSpillPrefix}${encodeURIComponent(moduleId)}/${encodeURIComponent(userId)}/`;

/** A SCO row's state under the pseudonym: a spilled state is copied (scrubbed) to the pseudonym's key; inline JSON is scrubbed in place. */
async function scrubbedScoRow(store: StoreClients, row: Item, person: PersonTraces, pseudonym: Pseudonym): Promise<Item> {
  const copy = scrubPerson(row, person, pseudonym);
  if (typeof row.stateJson === 'string') copy.stateJson = JSON.stringify(scrubPerson(JSON.parse(row.stateJson), person, pseudonym));
  if (typeof row.stateKey === 'string') {
    const res = await store.s3.send(new GetObjectCommand({ Bucket: store.buckets.attachments, Key: row.stateKey }));
    const state = scrubPerson(JSON.parse(await res.Body!.transformToString('utf-8')), person, pseudonym);
    const key = scrubText(row.stateKey, { id: encodeURIComponent(person.id) }, { id: encodeURIComponent(pseudonym.id), name: pseudonym.name });
    await store.s3.send(new PutObjectCommand({ Bucket: store.buckets.attachments, Key: key, Body: JSON.stringify(state), ContentType: 'application/json' }));
    copy.stateKey = key;
  }
  return copy;
}

/**
 * Erases the learner's attempts: each item of each partition moves to the pseudonym's partition
 * (copy written, original deleted, in one transaction), with `userId` and `learnerName` the
 * pseudonym; the module's index entry of an attempt (GSI1) holds no person and stays, so the module
 * report counts the same learners, attempts, scores and answers. The learner's spilled states under
 * their own prefix are then deleted (every version). Running it again finds only what is left.
 */
export async function eraseScormLearner(store: StoreClients, person: PersonTraces, pseudonym: Pseudonym, moduleIds: string[]): Promise<{ items: number; objects: number }> {
  let moved = 0;
  let objects = 0;
  for (const moduleId of [...new Set(moduleIds)]) {
    const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.scormLearner(moduleId, person.id).PK }, ConsistentRead: true });
    for (const item of items) {
      const kind = item.type as string;
      const copy = kind === 'scorm-sco' ? await scrubbedScoRow(store, item, person, pseudonym) : scrubPerson(item, person, pseudonym);
      if (kind === 'scorm-attempt' || kind === 'scorm-learner') copy.userId = pseudonym.id;
      if (kind === 'scorm-attempt') copy.learnerName = pseudonym.name;
      await retryOnContention(() =>
        transact(store, [
          { Put: { Item: copy } },
          { Delete: { Key: { PK: item.PK, SK: item.SK } } },
        ]),
      );
      moved++;
    }
    objects += await eraseObjectsUnder(store, 'attachments', spillPrefixOf(moduleId, person.id));
  }
  return { items: moved, objects };
}

export type ScormAttemptData = Awaited<ReturnType<typeof scormDataOf>>[number];
