import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { batchGet, del, get, queryAll, transact, type Item } from '../../platform/store/table';
import { eraseObjectsUnder, objectKeysUnder, scrubPerson, type PersonTraces, type Pseudonym } from '../../platform/audit';
import { learnerRecord } from '../shared/store';
import type { LearnerFile } from '../files/store';

/**
 * A learner's personal data in the academy, for the export and for an erasure
 * (functions/docs/privacy.md): the learner's record (`LEARNER#{id}`), their seats, the evaluations
 * they gave and their files. An erasure keeps what other people's figures count, under the
 * learner's pseudonym: seats (a session's `enrolled`/`waitlisted` counters count them) and
 * evaluations (a module's averages); it deletes the rest.
 */

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Set ? [...x] : x)));

const filesPrefix = (userId: string) => `learners/${userId}/`;

async function learnerFiles(store: StoreClients, userId: string): Promise<LearnerFile[]> {
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :f)', ExpressionAttributeValues: { ':pk': keys.learner(userId).PK, ':f': 'FILE#' } });
  return items.map((i) => fromItem<LearnerFile>(i));
}

/** The learner's seats, every session (past, future, cancelled), from the learner's index. */
async function seatItems(store: StoreClients, userId: string): Promise<Item[]> {
  return queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.seatByLearner(userId, '', '').GSI1PK } });
}

/** The evaluations the learner gave: one per completed module or path, so the record says where to look. */
async function evaluationItems(store: StoreClients, userId: string, record: Awaited<ReturnType<typeof learnerRecord>>): Promise<Item[]> {
  const targets = [
    ...record.modules.filter((m) => m.completedAt).map((m) => keys.evaluation('module', m.moduleId, userId)),
    ...record.paths.filter((p) => p.completedAt).map((p) => keys.evaluation('path', p.pathId, userId)),
  ];
  return batchGet(store, targets);
}

/** Everything learning holds about the learner, as plain JSON (sets as lists, no storage keys). */
export async function learningDataOf(store: StoreClients, userId: string) {
  const record = await learnerRecord(store, userId);
  const [seats, evaluations, files, objects] = await Promise.all([
    seatItems(store, userId),
    evaluationItems(store, userId, record),
    learnerFiles(store, userId),
    objectKeysUnder(store, 'attachments', filesPrefix(userId)),
  ]);
  return {
    record: plain(record) as Record<string, unknown>,
    sessions: seats.map((s) => plain(fromItem(s)) as Record<string, unknown>),
    evaluations: evaluations.map((e) => plain(fromItem(e)) as Record<string, unknown>),
    files: files.map((f) => plain(f) as Record<string, unknown>),
    fileObjects: objects,
  };
}

/** The modules the learner started or completed: where their e-learning attempts are (SCORM enrols on launch). */
export async function modulesOfLearner(store: StoreClients, userId: string): Promise<string[]> {
  return (await learnerRecord(store, userId)).modules.map((m) => m.moduleId);
}

/**
 * Moves an item to its pseudonymous copy in one transaction: the copy is written
 * (`attribute_not_exists`) and the original deleted, conditional on a field as read, so a change at
 * the same moment (a seat given up, a waitlist promotion) makes the move start again from the new state.
 */
async function moveToPseudonym(store: StoreClients, read: () => Promise<Item | undefined>, guard: string, person: PersonTraces, pseudonym: Pseudonym, set: Item = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const item = await read();
    if (!item) return;
    const copy = { ...scrubPerson(item, person, pseudonym), ...set };
    try {
      await retryOnContention(() =>
        transact(store, [
          { Put: { Item: copy, ConditionExpression: 'attribute_not_exists(PK)' } },
          {
            Delete: {
              Key: { PK: item.PK, SK: item.SK },
              ConditionExpression: item[guard] === undefined ? 'attribute_exists(PK)' : '#g = :g',
              ...(item[guard] === undefined ? {} : { ExpressionAttributeNames: { '#g': guard }, ExpressionAttributeValues: { ':g': item[guard] } }),
            },
          },
        ]),
      );
      return;
    } catch (err) {
      if (!conditionFailed(err) || attempt >= 5) throw err;
    }
  }
}

/**
 * Erases the learner from learning: evaluations and seats move to the pseudonym (the session's
 * counters and a module's evaluation summary stay as they were: nothing is added or removed), the
 * files' objects are deleted (every version), then the learner's record partition. Each part finds
 * only what is left, so running it again after an interruption finishes the job.
 */
export async function eraseLearner(store: StoreClients, person: PersonTraces, pseudonym: Pseudonym): Promise<{ evaluations: number; seats: number; objects: number; records: number }> {
  const userId = person.id;
  const record = await learnerRecord(store, userId, { consistent: true });
  const evaluations = await evaluationItems(store, userId, record);
  for (const e of evaluations) await moveToPseudonym(store, () => get(store, { PK: e.PK, SK: e.SK }, { ConsistentRead: true }), 'createdAt', person, pseudonym);
  const seats = await seatItems(store, userId);
  for (const s of seats) await moveToPseudonym(store, () => get(store, { PK: s.PK, SK: s.SK }, { ConsistentRead: true }), 'status', person, pseudonym, { userId: pseudonym.id, name: pseudonym.name });
  const objects = await eraseObjectsUnder(store, 'attachments', filesPrefix(userId));
  const items = await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.learner(userId).PK }, ConsistentRead: true, ProjectionExpression: 'PK, SK' });
  for (const i of items) await del(store, { PK: i.PK, SK: i.SK });
  return { evaluations: evaluations.length, seats: seats.length, objects, records: items.length };
}
