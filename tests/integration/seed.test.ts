import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../functions/src/config';
import { createStoreClients } from '../../functions/src/store/clients';
import { seedContent } from '../../scripts/local/seed';
import { stack } from '../support/api';

const contentDir = join(resolve(import.meta.dirname, '../..'), 'content');

describe('seeding demo content', () => {
  it('is idempotent: seeding again duplicates and overwrites nothing', async () => {
    const store = createStoreClients(loadConfig(stack().env));
    const countUsers = async () =>
      (await store.doc.send(new QueryCommand({ TableName: store.tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': 'USERS' } }))).Items ?? [];
    const before = await countUsers();
    const report = await seedContent(store, contentDir);
    await seedContent(store, contentDir);
    const after = await countUsers();
    expect(report.users).toBe(10);
    expect(after.filter((u) => u.demo).length).toBe(report.users);
    expect(after.map((u) => u.PK).sort()).toEqual(before.map((u) => u.PK).sort());
    expect(after.map((u) => u.createdAt).sort()).toEqual(before.map((u) => u.createdAt).sort());
  });
});
