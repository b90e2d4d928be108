import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { batchGet, get, queryAll, transact, update, type Item } from '../../platform/store/table';
import { scrubPerson, type PersonTraces, type Pseudonym } from '../../platform/audit';
import type { Signal } from '../signals/store';
import { questionsOfAsker } from '../questions/store';

/**
 * A reader's personal data in the knowledge base, for the export and for an erasure
 * (functions/docs/privacy.md): the signals they gave, their votes and their network memberships.
 * An erasure keeps signals and votes under the reader's pseudonym, so an article's counters
 * (`useful`, `notUseful`, `openSignals`) and a network's list of open signals stay as they are; it
 * pseudonymises the questions they asked. Memberships are the networks feature's to erase
 * (`eraseMemberships`: row, count and lead list together).
 */

async function signalItems(store: StoreClients, userId: string): Promise<Item[]> {
  return queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.signalByReader(userId, '').GSI1PK } });
}

/** A vote sits beside each article the reader signalled on (a signal always writes the vote with it). */
async function voteItems(store: StoreClients, userId: string, signals: Item[]): Promise<Item[]> {
  const articles = [...new Set(signals.map((s) => s.articleId as string))];
  return batchGet(store, articles.map((a) => keys.vote(a, userId)));
}

async function membershipItems(store: StoreClients, userId: string): Promise<Item[]> {
  return queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.memberIndex(userId, '').GSI1PK } });
}

export async function knowledgeDataOf(store: StoreClients, userId: string) {
  const signals = await signalItems(store, userId);
  const [votes, memberships, questions] = await Promise.all([voteItems(store, userId, signals), membershipItems(store, userId), questionsOfAsker(store, userId)]);
  return {
    questions: questions.map((q) => ({ id: q.id, networkId: q.networkId, visibility: q.visibility, title: q.title, body: q.body, askedAt: q.askedAt, ...(q.answer ? { answer: { text: q.answer.text, by: q.answer.by.name, at: q.answer.at } } : {}) })),
    signals: signals.map((s) => fromItem<Signal>(s)),
    votes: votes.map((v) => ({ articleId: v.articleId as string, useful: v.useful as boolean, at: v.at as string })),
    memberships: memberships.map((m) => ({ networkId: m.networkId as string, networkName: m.networkName as string | undefined, role: m.role as string })),
  };
}

/** Moves an item to its pseudonymous key (copy written, original deleted, in one transaction). */
async function moveVote(store: StoreClients, vote: Item, person: PersonTraces, pseudonym: Pseudonym) {
  for (let attempt = 1; ; attempt++) {
    const read = await get(store, { PK: vote.PK, SK: vote.SK }, { ConsistentRead: true });
    if (!read) return;
    try {
      await retryOnContention(() =>
        transact(store, [
          { Put: { Item: scrubPerson(read, person, pseudonym), ConditionExpression: 'attribute_not_exists(PK)' } },
          // A changed vote at the same moment (the counters moved with it) makes the move start again.
          { Delete: { Key: { PK: read.PK, SK: read.SK }, ConditionExpression: 'useful = :u', ExpressionAttributeValues: { ':u': read.useful } } },
        ]),
      );
      return;
    } catch (err) {
      if (!conditionFailed(err) || attempt >= 5) throw err;
    }
  }
}

/** Erases the reader from the knowledge base; running it again finds only what is left. */
export async function eraseReader(store: StoreClients, person: PersonTraces, pseudonym: Pseudonym): Promise<{ signals: number; votes: number; questions: number }> {
  const userId = person.id;
  const signals = await signalItems(store, userId);
  const votes = await voteItems(store, userId, signals);
  for (const v of votes) await moveVote(store, v, person, pseudonym);
  for (const s of signals) {
    // The signal stays where it is (its key holds no person): its reader, its remark and its index entry change.
    const scrubbed = scrubPerson(fromItem<Signal>(s), person, pseudonym);
    await retryOnContention(() =>
      update(store, { PK: s.PK, SK: s.SK }, {
        UpdateExpression: 'SET reader = :r, GSI1PK = :g' + (scrubbed.remark !== undefined ? ', remark = :m' : ''),
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':r': { id: pseudonym.id, name: pseudonym.name }, ':g': keys.signalByReader(pseudonym.id, '').GSI1PK, ...(scrubbed.remark !== undefined ? { ':m': scrubbed.remark } : {}) },
      }),
    ).catch((err) => {
      if (!conditionFailed(err)) throw err;
    });
  }
  // Questions stay for the network (their answers are the network's knowledge) under the asker's pseudonym.
  const questions = await questionsOfAsker(store, userId);
  for (const q of questions) {
    const scrubbed = scrubPerson(q, person, pseudonym);
    await retryOnContention(() =>
      update(store, keys.question(q.id), {
        UpdateExpression: 'SET asker = :a, title = :t, #body = :x, GSI2PK = :g',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#body': 'body' },
        ExpressionAttributeValues: { ':a': { id: pseudonym.id, name: pseudonym.name }, ':t': scrubbed.title, ':x': scrubbed.body, ':g': keys.questionByAsker(pseudonym.id, '', '').GSI2PK },
      }),
    ).catch((err) => {
      if (!conditionFailed(err)) throw err;
    });
  }
  return { signals: signals.length, votes: votes.length, questions: questions.length };
}
