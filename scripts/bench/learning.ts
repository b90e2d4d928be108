import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LearningCtx } from '../../functions/src/learning/shared/context';
import { getModule, learnerRecord } from '../../functions/src/learning/shared/store';
import { listPublishedModules, putModule } from '../../functions/src/learning/catalogue/store';
import { forgetCatalogue, searchCatalogue } from '../../functions/src/learning/catalogue/service';
import { listPublishedPaths } from '../../functions/src/learning/paths/store';
import { enrolInPath } from '../../functions/src/learning/paths/service';
import { getSeat, sessionsBetween } from '../../functions/src/learning/sessions/store';
import { enrol } from '../../functions/src/learning/sessions/service';
import { completeModule } from '../../functions/src/learning/completion/store';
import { moduleKinds, type ModuleKind } from '../../functions/src/learning/domain/types';
import type { LocalStack } from '../local/stack';
import { measure, printTable, ratio } from './measure';

const themes = ['suïcidepreventie', 'herstel', 'ervaringsdeskundigheid', 'naasten', 'ketensamenwerking', 'crisis', 'communicatie', 'vroegsignalering', 'behandeling', 'privacy'];
const registers = ['V&VN Kwaliteitsregister', 'NIP (Nederlands Instituut van Psychologen)', 'FGzPt', 'Registerplein', 'NVvP (accreditatie psychiaters)'];

/** Academy figures: catalogue list/filter over 2,000 modules and "Mijn leren" for a learner with 30 enrolments. */
export async function benchLearning(stack: LocalStack, opts: { requests: number; concurrency: number }) {
  console.log('\n## Academie\n');
  const now = new Date().toISOString();
  const existing = (await listPublishedModules(stack.store)).length;
  for (let i = existing; i < 2000; i++) {
    const kind: ModuleKind = moduleKinds[i % moduleKinds.length]!;
    await putModule(
      stack.store,
      {
        id: `m-bench-${i}`,
        kind: kind === 'reading' ? 'online-session' : kind,
        title: `Benchmarkmodule ${i} over ${themes[i % themes.length]}`,
        description: `Module ${i} voor de benchmark, over ${themes[i % themes.length]} en ${themes[(i + 3) % themes.length]}.`,
        descriptionHtml: `<p>Module ${i}</p>`,
        learningGoals: ['Kennis vergroten', 'Toepassen in de praktijk'],
        durationMinutes: 60 + (i % 5) * 30,
        networkId: 'suicidepreventie',
        themes: [themes[i % themes.length]!, themes[(i + 3) % themes.length]!],
        targetAudience: ['verpleegkundigen'],
        accreditation: [{ register: registers[i % registers.length]!, points: 1 + (i % 6) }],
        enrolAudience: i % 10 === 0 ? 'partners' : 'employees',
        language: i % 15 === 0 ? 'en' : 'nl',
        status: 'published',
        rev: 1,
        createdAt: now,
        updatedAt: now,
      },
      null,
    );
  }
  forgetCatalogue();

  // A learner with 30 enrolments: 3 paths, 15 sessions, 12 completed modules.
  const learner = 'u-daan-smit';
  const ctx: LearningCtx = { store: stack.store, principal: { id: learner, name: 'Daan Smit', roles: ['employee'] } };
  // Already enrolled (a second run on the same data) is fine; any other refusal is a broken setup.
  const alreadyOk = (err: unknown) => {
    if (!(err instanceof Error && /al ingeschreven|wachtlijst/.test(err.message))) throw err;
  };
  for (const p of await listPublishedPaths(stack.store)) await enrolInPath(ctx, p.id).catch(alreadyOk);
  const sessions = (await sessionsBetween(stack.store, now, '9999')).filter((s) => s.status === 'planned').slice(0, 15);
  for (const s of sessions) await enrol(ctx, s.id).catch(alreadyOk);
  for (let i = 0; i < 12; i++) await completeModule(stack.store, learner, { moduleId: `m-bench-${i}`, title: `Benchmarkmodule ${i}`, kind: 'classroom' }, now, 'attendance');
  const record = await learnerRecord(stack.store, learner);
  const seats = (await Promise.all(sessions.map((s) => getSeat(stack.store, s.id, learner)))).filter((x) => x && x.status !== 'cancelled').length;
  const enrolments = record.paths.length + seats + record.modules.filter((m) => m.completedAt).length;
  console.log(`learner ${learner}: ${record.paths.length} paths + ${seats} sessions + ${record.modules.filter((m) => m.completedAt).length} completed modules = ${enrolments} enrolments`);
  const token = ((await (await fetch(`${stack.appUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: learner }) })).json()) as { token: string }).token;
  const auth = { headers: { authorization: `Bearer ${token}` } };

  const get = (path: string) => async () => {
    const res = await fetch(`${stack.appUrl}${path}`, auth);
    await res.arrayBuffer();
    return res.status === 200;
  };
  const rawCatalogue = async () => (await listPublishedModules(stack.store)).length >= 2000;
  const rawLearner = async () => Boolean((await stack.store.doc.send(new QueryCommand({ TableName: stack.store.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `LEARNER#${learner}` } }))).Items);
  const filters = ['', 'kind=classroom', 'theme=herstel', `register=${encodeURIComponent('FGzPt')}`, 'q=suïcidepreventie', 'kind=online-session&theme=crisis&language=nl'];
  const small = { requests: Math.min(opts.requests, 300), concurrency: 4 };

  await measure('warm-up', get('/api/modules'), { requests: 50, concurrency: 4, warmup: 0 });
  await measure('warm-up', get('/api/me/learning'), { requests: 50, concurrency: 4, warmup: 0 });
  const rawQueryAll = await measure('raw Query: whole catalogue, 2,000 items (paginated)', rawCatalogue, { requests: 30, concurrency: 2 });
  const catalogue = await measure('GET /api/modules (filters, 2,000 modules, cached ≤5 s)', async (i) => get(`/api/modules?${filters[i % filters.length]}`)(), opts);
  const catalogueCold = await measure('GET /api/modules, cache forgotten each time (in-process)', async (i) => {
    forgetCatalogue();
    return (await searchCatalogue(ctx, { limit: 24, offset: 0, kind: i % 2 ? 'classroom' : undefined })).total > 0;
  }, { requests: 30, concurrency: 1 });
  // Same requests and concurrency for the route and its raw call, so the ratio compares like with like.
  const rawMine = await measure('raw Query: learner partition', rawLearner, small);
  const mine = await measure(`GET /api/me/learning (${enrolments} enrolments)`, get('/api/me/learning'), small);
  const moduleIds = (await listPublishedModules(stack.store)).map((m) => m.id);
  const rawModule = await measure('raw GetItem: one module', async (i) => Boolean(await getModule(stack.store, moduleIds[i % moduleIds.length]!)), opts);

  printTable([rawQueryAll, rawModule, catalogue, catalogueCold, rawMine, mine]);
  console.log('');
  console.log(`ratio catalogue GET (cached) to raw GetItem of one module: ${ratio(catalogue, rawModule)}`);
  console.log(`ratio catalogue GET (cached) to raw catalogue Query: ${ratio(catalogue, rawQueryAll)}`);
  console.log(`ratio catalogue, uncached, to raw catalogue Query: ${ratio(catalogueCold, rawQueryAll)}`);
  console.log(`ratio Mijn leren to raw learner Query: ${ratio(mine, rawMine)}`);
}
