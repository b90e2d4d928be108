/**
 * Bench section `portfolio` (BENCH_ONLY=portfolio): the learner's records as the issue asks to
 * measure them, each against the raw DynamoDB reads the route makes, in the same run:
 * - the portfolio page of a learner with 500 entries (external learning added through the API),
 * - register progress of a learner registered in 10 registers,
 * - team compliance of a team of 200 (profiles in the team index, learner-module items for every
 *   mandatory module, as completions leave them).
 */
import { BatchGetCommand, BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureUser } from '../../functions/src/identity';
import { keys } from '../../functions/src/platform/store/keys';
import type { LocalStack } from '../local/stack';
import { measure, printTable, ratio } from './measure';

const entries = 500;
const teamSize = 200;

async function tokenFor(stack: LocalStack, userId: string) {
  const res = await fetch(`${stack.appUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  if (res.status !== 200) throw new Error(`token for ${userId}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function call(stack: LocalStack, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${stack.appUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** Runs `n` tasks, `width` at a time. */
async function inParallel(n: number, width: number, task: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await task(next++);
  }));
}

async function batchWrite(stack: LocalStack, items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, Array<{ PutRequest: { Item: Record<string, unknown> } }>> | undefined = { [stack.store.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) request = (await stack.store.doc.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems as typeof request;
  }
}

export async function benchPortfolio(stack: LocalStack, opts: { requests: number; concurrency: number }) {
  console.log('\n## Portfolio, registers and team compliance\n');
  const { doc, tableName } = stack.store;
  const small = { requests: Math.min(opts.requests, 400), concurrency: 8 };
  const admin = await tokenFor(stack, 'u-sanne-de-vries');

  // ---- a learner with 500 entries and 10 registrations ----
  const learnerId = 'u-bench-portfolio';
  await ensureUser(stack.store, { id: learnerId, name: 'Bench Portfolio', roles: ['employee'], department: 'Volwassenen Noord', profession: 'verpleegkundige', createdAt: new Date().toISOString() });
  const learner = await stack.issuer.mint({ id: learnerId, name: 'Bench Portfolio', roles: ['employee'] });
  const registers = (await call(stack, learner, 'GET', '/api/registers')) as Array<{ id: string; registrationNumberExample: string }>;
  for (let i = registers.length; i < 10; i++) {
    await call(stack, admin, 'POST', '/api/registers', {
      id: `bench-register-${i}`,
      name: `Benchregister ${i}`,
      unit: 'points',
      cycleYears: 5,
      requiredTotal: 200,
      registrationNumberPattern: '^\\d{6}$',
      registrationNumberExample: '123456',
    }).catch((err: Error) => {
      if (!/409/.test(err.message)) throw err;
    });
  }
  const ten = ((await call(stack, learner, 'GET', '/api/registers')) as typeof registers).slice(0, 10);
  const t0 = performance.now();
  for (const r of ten) await call(stack, learner, 'POST', '/api/me/portfolio/registrations', { registerId: r.id, registrationNumber: r.registrationNumberExample, cycleStart: '2023-01-01' }).catch((err: Error) => {
    if (!/409/.test(err.message)) throw err;
  });
  await inParallel(entries, 8, (i) =>
    call(stack, learner, 'POST', '/api/me/portfolio/entries', {
      title: `Nascholing ${i}`,
      provider: 'Bench Academie',
      date: new Date(Date.UTC(2023, 0, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10),
      hours: 2,
      ...(i % 2 === 0 ? { accreditationNumber: `ACC-${i}` } : {}),
      points: [{ registerId: ten[i % ten.length]!.id, amount: 1 + (i % 4) }],
    }),
  );
  console.log(`learner ${learnerId}: ${entries} external entries and ${ten.length} registrations added through the API in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // The reads a portfolio page makes: the learning record, the portfolio partition and the registers, side by side.
  const rawPortfolio = async () => {
    const [record, items, regs] = await Promise.all([
      doc.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.learner(learnerId).PK } })),
      (async () => {
        let last: Record<string, unknown> | undefined;
        let n = 0;
        do {
          const page = await doc.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.portfolio(learnerId).PK }, ExclusiveStartKey: last }));
          n += page.Items?.length ?? 0;
          last = page.LastEvaluatedKey;
        } while (last);
        return n;
      })(),
      doc.send(new QueryCommand({ TableName: tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'REGISTERS' } })),
    ]);
    return record !== undefined && items >= entries && (regs.Items?.length ?? 0) >= 10;
  };
  const get = (token: string, path: string) => async () => {
    const res = await fetch(`${stack.appUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    return res.status === 200;
  };
  await measure('warm-up', get(learner, '/api/me/portfolio'), { requests: 30, concurrency: 4, warmup: 0 });
  const rawP = await measure('raw: learning record ∥ portfolio partition (500+) ∥ registers', rawPortfolio, small);
  const page = await measure(`GET /api/me/portfolio (${entries} entries)`, get(learner, '/api/me/portfolio'), small);
  const progress = await measure('GET /api/me/portfolio/registers (10 registrations)', get(learner, '/api/me/portfolio/registers'), small);

  // ---- a team of 200 ----
  const teamId = 'bench-team';
  const managerId = 'u-bench-manager';
  await ensureUser(stack.store, { id: managerId, name: 'Bench Teamleider', roles: ['team-manager', 'employee'], teamId, teamName: 'Benchteam', department: 'Benchafdeling', createdAt: new Date().toISOString() });
  const moduleIds = ((await call(stack, admin, 'GET', '/api/academy/mandatory')) as { requirements: Array<{ moduleId: string }> }).requirements.map((r) => r.moduleId);
  const members = Array.from({ length: teamSize }, (_, i) => `u-bench-member-${String(i).padStart(3, '0')}`);
  await inParallel(members.length, 8, (i) =>
    ensureUser(stack.store, { id: members[i]!, name: `Benchcollega ${i}`, roles: ['employee'], teamId, teamName: 'Benchteam', department: 'Benchafdeling', profession: i % 2 ? 'verpleegkundige' : 'psycholoog', createdAt: new Date().toISOString() }),
  );
  // Completions as the learning feature writes them, a spread of dates so statuses differ.
  const now = Date.now();
  await batchWrite(
    stack,
    members.flatMap((userId, i) =>
      moduleIds.flatMap((moduleId, j) => {
        if ((i + j) % 5 === 0) return [];
        const at = new Date(now - ((i * 7 + j * 31) % 800) * 86_400_000).toISOString();
        return [{ ...keys.learnerModule(userId, moduleId), type: 'learner-module', moduleId, title: moduleId, kind: 'classroom', enrolledAt: at, completedAt: at, lastCompletedAt: at }];
      }),
    ),
  );
  console.log(`team ${teamId}: ${members.length} members × ${moduleIds.length} mandatory modules`);
  const manager = await stack.issuer.mint({ id: managerId, name: 'Bench Teamleider', roles: ['team-manager', 'employee'] });

  // The reads team compliance makes: the team (GSI2), the requirements, then the members' learner-module items by key.
  const rawTeamOnly = async () => {
    const team = await doc.send(new QueryCommand({ TableName: tableName, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': `TEAM#${teamId}` } }));
    const ids = (team.Items ?? []).map((u) => u.id as string);
    const wanted = ids.flatMap((id) => moduleIds.map((m) => keys.learnerModule(id, m)));
    const chunks = [];
    for (let i = 0; i < wanted.length; i += 100) chunks.push(wanted.slice(i, i + 100));
    await Promise.all(chunks.map((Keys) => doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys } } }))));
    return ids.length >= teamSize;
  };
  await measure('warm-up', get(manager, `/api/teams/${teamId}/compliance`), { requests: 20, concurrency: 4, warmup: 0 });
  const rawT = await measure(`raw: team Query (GSI2) + BatchGet ${teamSize}×${moduleIds.length} learner-module keys`, rawTeamOnly, small);
  const team = await measure(`GET /api/teams/{team}/compliance (${teamSize} members)`, get(manager, `/api/teams/${teamId}/compliance`), small);

  printTable([rawP, page, progress, rawT, team]);
  console.log('');
  console.log(`ratio portfolio page to its raw reads:        ${ratio(page, rawP)}`);
  console.log(`ratio register progress to the same reads:    ${ratio(progress, rawP)}`);
  console.log(`ratio team compliance to its raw reads:       ${ratio(team, rawT)}`);
}
