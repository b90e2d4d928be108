import { describe, expect, it } from 'vitest';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { batchGet, del, get, put, query, queryAll, transact, update } from '../../functions/src/platform/store/table';

/**
 * The table module only adds the table name to the SDK's own inputs (and pages through Query and
 * BatchGet); these tests look at the commands it sends to a recording stand-in for the client.
 */
function recording(respond: (name: string, input: Record<string, unknown>, call: number) => unknown = () => ({})) {
  const sent: Array<{ name: string; input: Record<string, unknown> }> = [];
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    sent.push({ name: command.constructor.name, input: command.input });
    return respond(command.constructor.name, command.input, sent.length);
  };
  const store = { doc: { send }, ddb: { send }, tableName: 'academy-test' } as unknown as StoreClients;
  return { store, sent };
}

describe('table access', () => {
  it('fills in the table name and passes everything else through unchanged', async () => {
    const { store, sent } = recording((name) => (name === 'GetCommand' ? { Item: { PK: 'A', SK: 'B', x: 1 } } : {}));
    expect(await get(store, { PK: 'A', SK: 'B' }, { ConsistentRead: true })).toEqual({ PK: 'A', SK: 'B', x: 1 });
    await put(store, { PK: 'A', SK: 'B' }, { ConditionExpression: 'attribute_not_exists(PK)' });
    await update(store, { PK: 'A', SK: 'B' }, { UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 1 }, ReturnValues: 'ALL_NEW' });
    await del(store, { PK: 'A', SK: 'B' });
    await query(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'A' }, Limit: 5 });
    expect(sent).toEqual([
      { name: 'GetCommand', input: { TableName: 'academy-test', Key: { PK: 'A', SK: 'B' }, ConsistentRead: true } },
      { name: 'PutCommand', input: { TableName: 'academy-test', Item: { PK: 'A', SK: 'B' }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { name: 'UpdateCommand', input: { TableName: 'academy-test', Key: { PK: 'A', SK: 'B' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 1 }, ReturnValues: 'ALL_NEW' } },
      { name: 'DeleteCommand', input: { TableName: 'academy-test', Key: { PK: 'A', SK: 'B' } } },
      { name: 'QueryCommand', input: { TableName: 'academy-test', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'A' }, Limit: 5 } },
    ]);
  });

  it('sends a transaction with the table name in every part, in the given order', async () => {
    const { store, sent } = recording();
    await transact(store, [
      { Put: { Item: { PK: 'A', SK: '1' }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Update: { Key: { PK: 'A', SK: '2' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 1 } } },
      { Delete: { Key: { PK: 'A', SK: '3' } } },
      { ConditionCheck: { Key: { PK: 'A', SK: '4' }, ConditionExpression: 'attribute_exists(PK)' } },
    ]);
    expect(sent).toEqual([
      {
        name: 'TransactWriteCommand',
        input: {
          TransactItems: [
            { Put: { TableName: 'academy-test', Item: { PK: 'A', SK: '1' }, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Update: { TableName: 'academy-test', Key: { PK: 'A', SK: '2' }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': 1 } } },
            { Delete: { TableName: 'academy-test', Key: { PK: 'A', SK: '3' } } },
            { ConditionCheck: { TableName: 'academy-test', Key: { PK: 'A', SK: '4' }, ConditionExpression: 'attribute_exists(PK)' } },
          ],
        },
      },
    ]);
  });

  it('reads every page of a Query', async () => {
    const { store, sent } = recording((_name, _input, call) => (call === 1 ? { Items: [{ n: 1 }], LastEvaluatedKey: { PK: 'A', SK: '1' } } : { Items: [{ n: 2 }] }));
    expect(await queryAll(store, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'A' }, ConsistentRead: true })).toEqual([{ n: 1 }, { n: 2 }]);
    expect(sent.map((s) => s.input)).toEqual([
      { TableName: 'academy-test', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'A' }, ConsistentRead: true, ExclusiveStartKey: undefined },
      { TableName: 'academy-test', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'A' }, ConsistentRead: true, ExclusiveStartKey: { PK: 'A', SK: '1' } },
    ]);
  });

  it('batch-gets in chunks of 100 and asks again for unprocessed keys', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => ({ PK: `K#${i}`, SK: 'META' }));
    const { store, sent } = recording((_name, input, call) => {
      const requested = (input.RequestItems as Record<string, { Keys: Array<Record<string, string>> }>)['academy-test']!.Keys;
      // The first request leaves its first key unprocessed; every other one is answered in full.
      if (call === 1) return { Responses: { 'academy-test': requested.slice(1) }, UnprocessedKeys: { 'academy-test': { Keys: requested.slice(0, 1) } } };
      return { Responses: { 'academy-test': requested }, UnprocessedKeys: {} };
    });
    const items = await batchGet(store, keys);
    expect(sent.map((s) => (s.input.RequestItems as Record<string, { Keys: unknown[] }>)['academy-test']!.Keys.length)).toEqual([100, 1, 50]);
    expect(items).toHaveLength(150);
    expect(new Set(items.map((i) => i.PK)).size).toBe(150);
    expect(await batchGet(recording().store, [])).toEqual([]);
  });
});
