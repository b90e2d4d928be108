import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { get, query, transact } from '../../platform/store/table';

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

/** The signal and the article's counters change together, so counts never drift from signals. */
export async function createSignal(store: StoreClients, s: Signal): Promise<void> {
  await transact(store, [
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
    {
      Update: {
        Key: keys.article(s.articleId),
        UpdateExpression: 'ADD useful :u, notUseful :n, openSignals :o',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':u': s.useful ? 1 : 0, ':n': s.useful ? 0 : 1, ':o': s.status === 'open' ? 1 : 0 },
      },
    },
  ]);
}

export async function getSignal(store: StoreClients, articleId: string, signalId: string): Promise<Signal | undefined> {
  return fromItem<Signal>(await get(store, keys.signal(articleId, signalId)));
}

/** Answering closes the signal (leaves the network's open list) and lowers the open count. */
export async function answerSignal(store: StoreClients, s: Signal, answer: string, by: { id: string; name: string }, at: string): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      {
        Update: {
          Key: keys.signal(s.articleId, s.id),
          UpdateExpression: 'SET #status = :closed, answer = :a, answeredBy = :by, answeredAt = :at REMOVE GSI2PK, GSI2SK',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':closed': 'closed', ':open': 'open', ':a': answer, ':by': by, ':at': at },
        },
      },
      {
        Update: {
          Key: keys.article(s.articleId),
          UpdateExpression: 'ADD openSignals :minus',
          ExpressionAttributeValues: { ':minus': -1 },
        },
      },
    ]),
  );
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
