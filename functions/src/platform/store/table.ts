/**
 * Every call on the single table goes through here, so the table's name is filled in in one place
 * and nowhere else. Each function takes the AWS SDK's own input for its operation without
 * `TableName` (and without `Key`/`Item` where those are its first argument), adds the table, and
 * sends it unchanged. Nothing more happens here: no retries, no error mapping (see items.ts for
 * `conditional()` and `conditionFailed()`), no reshaping of results.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type GetCommandInput,
  type PutCommandInput,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { StoreClients } from './clients';
import { table } from './schema';

/** A primary key (`PK`, `SK`) as made by keys.ts. */
export type ItemKey = Record<string, unknown>;
export type Item = Record<string, unknown>;

/** The condition of a write: the expression and the names and values it uses. */
export type Condition = Pick<PutCommandInput, 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

/** One item; `undefined` when there is none. Options: `ConsistentRead`, `ProjectionExpression`. */
export async function get(store: StoreClients, key: ItemKey, options?: Omit<GetCommandInput, 'TableName' | 'Key'>): Promise<Item | undefined> {
  const res = await store.doc.send(new GetCommand({ ...options, TableName: store.tableName, Key: key }));
  return res.Item;
}

export function put(store: StoreClients, item: Item, condition?: Condition) {
  return store.doc.send(new PutCommand({ ...condition, TableName: store.tableName, Item: item }));
}

/** `update` takes the UpdateExpression with its condition, names, values and ReturnValues. */
export function update(store: StoreClients, key: ItemKey, input: Omit<UpdateCommandInput, 'TableName' | 'Key'>) {
  return store.doc.send(new UpdateCommand({ ...input, TableName: store.tableName, Key: key }));
}

export function del(store: StoreClients, key: ItemKey, condition?: Condition) {
  return store.doc.send(new DeleteCommand({ ...condition, TableName: store.tableName, Key: key }));
}

export type QueryInput = Omit<QueryCommandInput, 'TableName'>;

/** One page of a Query (callers that set a `Limit` or only want `Count`). */
export function query(store: StoreClients, input: QueryInput) {
  return store.doc.send(new QueryCommand({ ...input, TableName: store.tableName }));
}

/** Every page of a Query: callers read whole partitions (a learner's record, a session's seats). */
export async function queryAll(store: StoreClients, input: QueryInput): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await query(store, { ...input, ExclusiveStartKey });
    items.push(...(res.Items ?? []));
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** Items by key, in chunks of 100 (the BatchGetItem limit), until DynamoDB has returned every one. Keys must be distinct. Option: `ConsistentRead`. */
export async function batchGet(store: StoreClients, itemKeys: ItemKey[], options: { ConsistentRead?: boolean } = {}): Promise<Item[]> {
  const items: Item[] = [];
  for (let i = 0; i < itemKeys.length; i += 100) {
    let request: Record<string, { Keys: ItemKey[]; ConsistentRead?: boolean }> | undefined = { [store.tableName]: { Keys: itemKeys.slice(i, i + 100), ...options } };
    while (request && Object.keys(request).length > 0) {
      const res = await store.doc.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(res.Responses?.[store.tableName] ?? []));
      request = res.UnprocessedKeys as typeof request;
    }
  }
  return items;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Without<T> = Omit<NonNullable<T>, 'TableName'>;

/** One part of a transaction: the SDK's Put, Update, Delete or ConditionCheck, without `TableName`. */
export type TransactPart =
  | { Put: Without<TransactItem['Put']> }
  | { Update: Without<TransactItem['Update']> }
  | { Delete: Without<TransactItem['Delete']> }
  | { ConditionCheck: Without<TransactItem['ConditionCheck']> };

/** All parts or none. A part's index in `parts` is its index in `conditionFailed(err, index)`. */
export function transact(store: StoreClients, parts: TransactPart[]) {
  const TableName = store.tableName;
  const TransactItems: TransactItem[] = parts.map((part) => {
    if ('Put' in part) return { Put: { ...part.Put, TableName } };
    if ('Update' in part) return { Update: { ...part.Update, TableName } };
    if ('Delete' in part) return { Delete: { ...part.Delete, TableName } };
    return { ConditionCheck: { ...part.ConditionCheck, TableName } };
  });
  return store.doc.send(new TransactWriteCommand({ TransactItems }));
}

/**
 * The cheapest call that proves the table answers with our own permissions: a GetItem on a key
 * that never exists, on the low-level client, abandoned when `abortSignal` fires (health check).
 */
export function ping(store: StoreClients, abortSignal: AbortSignal) {
  return store.ddb.send(
    new GetItemCommand({
      TableName: store.tableName,
      Key: { [table.partitionKey]: { S: 'HEALTH' }, [table.sortKey]: { S: 'HEALTH' } },
    }),
    { abortSignal },
  );
}
