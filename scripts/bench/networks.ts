/**
 * Bench section `networks` (BENCH_ONLY=networks): the networks overview with 26 networks × 500
 * members. The demo's networks are completed with bench networks to 26, and every network gets
 * members up to 500 (two lead experts in each bench network), batch-written as the membership
 * transactions leave them (row, memberships index, lead index, META count). Then the overview
 * (anonymous, signed in, searching) and one network's page against the raw DynamoDB Queries the
 * overview makes, in the same run.
 */
import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/src/platform/store/keys';
import { createNetwork, listMembers, listNetworks } from '../../functions/src/networks';
import type { LocalStack } from '../local/stack';
import { measure, printTable, ratio } from './measure';

const networkCount = 26;
const membersPerNetwork = 500;
const themes = ['angst', 'depressie', 'bipolaire stoornis', 'adhd', 'hechting', 'zingeving', 'somatiek', 'slaap', 'werk en herstel', 'dementie', 'lvb', 'forensisch'];

async function batchWrite(stack: LocalStack, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, Array<{ PutRequest: { Item: Record<string, unknown> } }>> | undefined = { [stack.store.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) {
      const res = await stack.store.doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = res.UnprocessedItems as typeof request;
    }
  }
}

export async function benchNetworks(stack: LocalStack, opts: { requests: number; concurrency: number }) {
  console.log('\n## Netwerken\n');
  const { tableName, doc } = stack.store;
  const t0 = performance.now();
  const existing = await listNetworks(stack.store);
  for (let i = existing.length; i < networkCount; i++) {
    const id = `bench-netwerk-${i}`;
    const leads = [0, 1].map((k) => ({ userId: `u-bench-lead-${i}-${k}`, name: `Leidend expert ${i}.${k}`, role: 'lead' as const }));
    await createNetwork(stack.store, { id, name: `Expertnetwerk ${themes[i % themes.length]} ${i}`, theme: themes[i % themes.length]!, kind: i % 2 ? 'diagnosis' : 'cross-cutting', openToPartners: i % 3 === 0, description: `Het benchnetwerk over ${themes[i % themes.length]}: kennis, scholing en casuïstiek.`, goals: '## Doelen\n\n- Kennis delen', leads: leads.map((l) => l.userId) }, leads);
  }
  const networks = await listNetworks(stack.store);
  const now = new Date().toISOString();
  let written = 0;
  for (const n of networks) {
    const have = (await listMembers(stack.store, n.id)).length;
    const items = Array.from({ length: Math.max(0, membersPerNetwork - have) }, (_, k) => {
      const userId = `u-bench-member-${n.id}-${k}`;
      return { ...keys.member(n.id, userId), ...keys.memberIndex(userId, n.id), type: 'membership', networkId: n.id, networkName: n.name, userId, name: `Lid ${k} van ${n.name}`, role: 'member', joinedAt: now };
    });
    await batchWrite(stack, items);
    written += items.length;
    await doc.send(new UpdateCommand({ TableName: tableName, Key: keys.network(n.id), UpdateExpression: 'SET memberCount = :c', ExpressionAttributeValues: { ':c': have + items.length } }));
  }
  console.log(`seeded ${networks.length} networks × ${membersPerNetwork} members (${written.toLocaleString('en')} membership rows written) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const userId = 'u-noor-hendriks';
  const token = ((await (await fetch(`${stack.appUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json()) as { token: string }).token;
  const get = (path: string, auth: boolean) => async () => {
    const res = await fetch(`${stack.appUrl}${path}`, auth ? { headers: { authorization: `Bearer ${token}` } } : undefined);
    await res.arrayBuffer();
    return res.status === 200;
  };
  const check = (await (await fetch(`${stack.appUrl}/api/networks`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ memberCount: number; leadExperts: unknown[] }>;
  console.log(`overview check: ${check.length} networks, ${check.reduce((s, n) => s + n.memberCount, 0).toLocaleString('en')} members, ${check.reduce((s, n) => s + n.leadExperts.length, 0)} lead experts named`);

  // The raw reads the overview makes, in parallel: every network (GSI1), every lead (GSI2), the caller's memberships (GSI1).
  const q = (input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) => doc.send(new QueryCommand({ TableName: tableName, ...input }));
  const rawAnonymous = async () => {
    const [n, l] = await Promise.all([
      q({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'NETWORKS' } }),
      q({ IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': keys.leadIndex('', '').GSI2PK } }),
    ]);
    return (n.Items?.length ?? 0) === networks.length && (l.Items?.length ?? 0) > 0;
  };
  const rawSignedIn = async () => {
    const [ok] = await Promise.all([rawAnonymous(), q({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.memberIndex(userId, '').GSI1PK } })]);
    return ok;
  };
  const small = { requests: Math.min(opts.requests, 1000), concurrency: opts.concurrency };
  await measure('warm-up', get('/api/networks', true), { requests: 200, concurrency: opts.concurrency, warmup: 0 });
  const raw2 = await measure('raw: networks Query ∥ leads Query', rawAnonymous, small);
  const raw3 = await measure('raw: networks ∥ leads ∥ memberships Query', rawSignedIn, small);
  const anonymous = await measure(`GET /api/networks (anonymous, ${networks.length} networks)`, get('/api/networks', false), small);
  const signedIn = await measure('GET /api/networks (signed in: lead names, my roles)', get('/api/networks', true), small);
  const search = await measure('GET /api/networks?q=psychose&openToPartners=true', get('/api/networks?q=psychose&openToPartners=true', true), small);
  const page = await measure(`GET /api/networks/{id} (${membersPerNetwork} members, signed in)`, get(`/api/networks/${networks[0]!.id}`, true), { requests: Math.min(opts.requests, 300), concurrency: 4 });

  printTable([raw2, raw3, anonymous, signedIn, search, page]);
  console.log('');
  console.log(`ratio overview (anonymous) to its raw Queries:  ${ratio(anonymous, raw2)}`);
  console.log(`ratio overview (signed in) to its raw Queries:  ${ratio(signedIn, raw3)}`);
  console.log(`ratio search to the same raw Queries:           ${ratio(search, raw3)}`);
}
