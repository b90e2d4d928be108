import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { get, query, transact, type TransactPart } from '../../platform/store/table';
import { conditional, conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { voteChange } from '../domain/votes';

/** A reader's feedback on an article: useful or not, optionally with a remark or question. */
export interface Signal {
  id: string;
  articleId: string;
  articleSlug: string;
  articleTitle: string;
  networkId: string;
  reader: { id: string; name: string };
  useful: boolean;
  remark?: string;
  /** Only signals with a remark need an answer; a bare vote is closed on arrival. */
  status: 'open' | 'closed';
  answer?: string;
  answeredBy?: { id: string; name: string };
  answeredAt?: string;
  createdAt: string;
}

/**
 * A reader's current vote on an article, one item per reader (`keys.vote`, beside the article),
 * so a vote counts once and a changed mind moves the count instead of adding to it.
 */
export async function getVote(store: StoreClients, articleId: string, userId: string): Promise<boolean | undefined> {
  const item = await get(store, keys.vote(articleId, userId), { ConsistentRead: true });
  return item ? (item.useful as boolean) : undefined;
}

/**
 * The signal, the reader's vote and the article's counters change together, so counts never
 * drift from votes: the vote item's condition names the vote this change was computed from, and
 * a reader voting twice at once makes the later write start again from the earlier one's result.
 * Returns false when the vote changed under it (the caller reads it again and retries).
 */
export async function recordSignal(store: StoreClients, s: Signal, previous: boolean | undefined): Promise<boolean> {
  const change = voteChange(previous, s.useful);
  const open = s.status === 'open' ? 1 : 0;
  const parts: TransactPart[] = [
    {
      Put: {
        Item: { ...keys.vote(s.articleId, s.reader.id), type: 'vote', articleId: s.articleId, userId: s.reader.id, useful: s.useful, at: s.createdAt },
        ConditionExpression: previous === undefined ? 'attribute_not_exists(PK)' : 'useful = :prev',
        ExpressionAttributeValues: previous === undefined ? undefined : { ':prev': previous },
      },
    },
    {
      Put: {
        Item: {
          ...keys.signal(s.articleId, s.id),
          ...keys.signalByReader(s.reader.id, s.id),
          ...(s.status === 'open' ? keys.openSignalByNetwork(s.networkId, s.id) : {}),
          type: 'signal',
          ...s,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
  if (change.useful !== 0 || change.notUseful !== 0 || open !== 0) {
    parts.push({
      Update: {
        Key: keys.article(s.articleId),
        UpdateExpression: 'ADD useful :u, notUseful :n, openSignals :o',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':u': change.useful, ':n': change.notUseful, ':o': open },
      },
    });
  }
  try {
    await retryOnContention(() => transact(store, parts));
    return true;
  } catch (err) {
    if (conditionFailed(err, 0)) return false;
    throw err;
  }
}

export async function getSignal(store: StoreClients, articleId: string, signalId: string): Promise<Signal | undefined> {
  return fromItem<Signal>(await get(store, keys.signal(articleId, signalId)));
}

/**
 * Answering closes the signal (leaves the network's open list) and lowers the open count, which
 * never goes below zero: should it already be zero (a count that drifted before votes had their
 * own items), the signal is closed without lowering it.
 */
export async function answerSignal(store: StoreClients, s: Signal, answer: string, by: { id: string; name: string }, at: string): Promise<boolean> {
  const close: TransactPart = {
    Update: {
      Key: keys.signal(s.articleId, s.id),
      UpdateExpression: 'SET #status = :closed, answer = :a, answeredBy = :by, answeredAt = :at REMOVE GSI2PK, GSI2SK',
      ConditionExpression: '#status = :open',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':a': answer, ':by': by, ':at': at },
    },
  };
  const lower: TransactPart = {
    Update: {
      Key: keys.article(s.articleId),
      UpdateExpression: 'ADD openSignals :minus',
      ConditionExpression: 'openSignals > :zero',
      ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
    },
  };
  try {
    await retryOnContention(() => transact(store, [close, lower]));
    return true;
  } catch (err) {
    if (conditionFailed(err, 0)) return false;
    if (!conditionFailed(err, 1)) throw err;
    return conditional(() => transact(store, [close]));
  }
}

export async function signalsOfReader(store: StoreClients, userId: string): Promise<Signal[]> {
  const res = await query(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': `USER#${userId}#SIGNALS` },
    ScanIndexForward: false,
    Limit: 100,
  });
  return (res.Items ?? []).map((i) => fromItem<Signal>(i));
}

export async function openSignalsOfNetwork(store: StoreClients, networkId: string): Promise<Signal[]> {
  const res = await query(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': `NETWORK#${networkId}#SIGNALS#OPEN` },
    ScanIndexForward: false,
    Limit: 200,
  });
  return (res.Items ?? []).map((i) => fromItem<Signal>(i));
}
