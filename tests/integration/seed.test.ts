import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../functions/src/platform/config';
import { buildDeps } from '../../functions/src/deps';
import { keys } from '../../functions/src/platform/store/keys';
import { getSlug, listNetworkArticles, listVersions } from '../../functions/src/knowledge/articles/store';
import { listMembers, listNetworks } from '../../functions/src/networks';
import { getSession, sessionsOfModule } from '../../functions/src/learning/sessions/store';
import { listModulesByStatus } from '../../functions/src/learning/catalogue/store';
import { listPublishedPaths } from '../../functions/src/learning/paths/store';
import { seedContent } from '../../scripts/local/seed';
import { parseArticleFile, seedKnowledge } from '../../scripts/local/seed-knowledge';
import { seedLearning } from '../../scripts/local/seed-learning';
import { demoQuestions, seedQuestions } from '../../scripts/local/seed-questions';
import { seedScorm } from '../../scripts/local/seed-scorm';
import { seedPortfolio } from '../../scripts/local/seed-portfolio';
import { seedMandatory } from '../../scripts/local/seed-mandatory';
import { seedHistory } from '../../scripts/local/seed-history';
import { listVersions as listScormVersions } from '../../functions/src/scorm/store';
import { api, demo as demoUsers, stack, tokenFor } from '../support/api';
import { syntheticEmployees } from '../support/learning';

/**
 * The one test that knows the demo content: it reads content/ itself and checks that the local
 * stack's seed (which ran when the test stack started) leaves everything as it is when it runs again.
 */
const contentDir = join(resolve(import.meta.dirname, '../..'), 'content');
const readJson = <T>(...path: string[]) => JSON.parse(readFileSync(join(contentDir, ...path), 'utf8')) as T;

const demo = {
  users: readJson<Array<{ id: string }>>('people', 'users.json'),
  organisations: readJson<Array<{ id: string }>>('people', 'organisations.json'),
  networks: readJson<Array<{ id: string; name: string }>>('networks', 'networks.json'),
  articles: readdirSync(join(contentDir, 'articles'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const { front } = parseArticleFile(join(contentDir, 'articles', f));
      const history = join(contentDir, 'articles', 'history', front.slug);
      const older = existsSync(history) ? readdirSync(history).filter((h) => /^v\d+\.md$/.test(h)).length : 0;
      return { slug: front.slug, title: front.title, network: front.network, versions: older + 1 };
    }),
  modules: readJson<Array<{ id: string; title: string; kind: string; scormPackage?: string }>>('learning', 'modules.json'),
  paths: readJson<Array<{ id: string; title: string }>>('learning', 'paths.json'),
  sessions: readJson<Array<{ id: string; moduleId: string }>>('learning', 'sessions.json'),
};

type Store = ReturnType<typeof buildDeps>['store'];

/**
 * Everything the seed writes, found both by its stable id and by what a duplicate would share with
 * it (name, title, module and start), so a second copy under a new id shows up as well as an
 * overwrite (a new rev, createdAt or updatedAt).
 */
async function snapshot(store: Store) {
  const get = async (key: Record<string, string>) => (await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }))).Item;
  const users = (await store.doc.send(new QueryCommand({ TableName: store.tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': 'USERS' } }))).Items ?? [];
  const demoUsers = users.filter((u) => u.demo);

  const networkNames = new Set(demo.networks.map((n) => n.name));
  const networks = (await listNetworks(store)).filter((n) => networkNames.has(n.name));
  const members = Object.fromEntries(await Promise.all(demo.networks.map(async (n) => [n.id, (await listMembers(store, n.id)).map((m) => `${m.userId}:${m.role}`).sort()])));

  const articleTitles = new Set(demo.articles.map((a) => a.title));
  const articleIds: Record<string, string | undefined> = Object.fromEntries(await Promise.all(demo.articles.map(async (a) => [a.slug, (await getSlug(store, a.slug))?.articleId] as const)));
  const articlesByTitle = (await Promise.all([...new Set(demo.articles.map((a) => a.network))].map((n) => listNetworkArticles(store, n, 1000))))
    .flat()
    .filter((a) => articleTitles.has(a.title))
    .map((a) => ({ id: a.id, title: a.title, createdAt: a.createdAt, publishedVersion: a.publishedVersion }));
  const versions: Record<string, string[]> = Object.fromEntries(
    await Promise.all(Object.entries(articleIds).map(async ([slug, id]) => [slug, id ? (await listVersions(store, id)).map((v) => `${v.version}:${v.publishedAt}`).sort() : []] as const)),
  );

  const moduleTitles = new Set(demo.modules.map((m) => m.title));
  const modules = (await Promise.all((['draft', 'published', 'archived'] as const).map((s) => listModulesByStatus(store, s))))
    .flat()
    .filter((m) => moduleTitles.has(m.title))
    .map((m) => ({ id: m.id, title: m.title, rev: m.rev, createdAt: m.createdAt, updatedAt: m.updatedAt }));

  const pathTitles = new Set(demo.paths.map((p) => p.title));
  const paths = (await listPublishedPaths(store)).filter((p) => pathTitles.has(p.title)).map((p) => ({ id: p.id, title: p.title, latestVersion: p.latestVersion, rev: p.rev, updatedAt: p.updatedAt }));
  const pathVersions = Object.fromEntries(
    await Promise.all(
      demo.paths.map(async (p) => [
        p.id,
        ((await store.doc.send(new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)', ExpressionAttributeValues: { ':pk': keys.path(p.id).PK, ':v': 'V#' } }))).Items ?? []).map((v) => v.SK as string),
      ]),
    ),
  );

  // A session is the demo's if it has a demo session's module and start: the seed's copy would share both.
  const demoSessions = await Promise.all(demo.sessions.map((s) => getSession(store, s.id)));
  const demoSlots = new Set(demoSessions.flatMap((s) => (s ? [`${s.moduleId}#${s.start}`] : [])));
  const sessions = (await Promise.all([...new Set(demo.sessions.map((s) => s.moduleId))].map((m) => sessionsOfModule(store, m))))
    .flat()
    .filter((s) => demoSlots.has(`${s.moduleId}#${s.start}`))
    .map((s) => ({ id: s.id, moduleId: s.moduleId, start: s.start, end: s.end, capacity: s.capacity }));

  const organisations = await Promise.all(demo.organisations.map(async (o) => (await get(keys.organisation(o.id)))?.PK));
  return {
    users: demoUsers.map((u) => ({ PK: u.PK, createdAt: u.createdAt, name: u.name })).sort((a, b) => String(a.PK).localeCompare(String(b.PK))),
    organisations,
    networks: networks.map((n) => ({ id: n.id, name: n.name })).sort((a, b) => a.id.localeCompare(b.id)),
    members,
    articleIds,
    articlesByTitle: articlesByTitle.sort((a, b) => a.id.localeCompare(b.id)),
    versions,
    modules: modules.sort((a, b) => a.id.localeCompare(b.id)),
    paths: paths.sort((a, b) => a.id.localeCompare(b.id)),
    pathVersions,
    sessions: sessions.sort((a, b) => a.id.localeCompare(b.id)),
    scormVersions: Object.fromEntries(await Promise.all(demoScorm.map(async (m) => [m.id, (await listScormVersions(store, m.id)).map((v) => `${v.version}:${v.importId}`)] as const))),
  };
}

/** The demo e-learning modules whose SCORM package is built from content/scorm/<id>/. */
const demoScorm = demo.modules.filter((m) => m.kind === 'elearning' && m.scormPackage && existsSync(join(contentDir, 'scorm', m.scormPackage, 'imsmanifest.xml')));

describe('seeding demo content', () => {
  it('is idempotent: seeding again duplicates and overwrites nothing', async () => {
    const deps = buildDeps(loadConfig(stack().env));
    const store = deps.store;
    const before = await snapshot(store);

    // What the first seed (at stack start) left: each piece of content once, under its own id.
    expect(before.users.map((u) => u.PK).sort()).toEqual(demo.users.map((u) => keys.user(u.id).PK).sort());
    expect(before.organisations).toEqual(demo.organisations.map((o) => keys.organisation(o.id).PK));
    expect(before.networks.map((n) => n.id)).toEqual(demo.networks.map((n) => n.id).sort());
    for (const n of demo.networks) expect(before.members[n.id]!.length, n.id).toBeGreaterThan(0);
    expect(Object.values(before.articleIds).every(Boolean)).toBe(true);
    expect(before.articlesByTitle.map((a) => a.id)).toEqual(Object.values(before.articleIds).sort());
    expect(Object.fromEntries(Object.entries(before.versions).map(([slug, v]) => [slug, v.length]))).toEqual(Object.fromEntries(demo.articles.map((a) => [a.slug, a.versions])));
    expect(before.modules.map((m) => m.id)).toEqual(demo.modules.map((m) => m.id).sort());
    expect(before.paths.map((p) => p.id)).toEqual(demo.paths.map((p) => p.id).sort());
    for (const p of demo.paths) expect(before.pathVersions[p.id], p.id).toHaveLength(1);
    expect(demoScorm.length).toBe(2);
    for (const m of demoScorm) expect(before.scormVersions[m.id], m.id).toHaveLength(1);
    expect(before.sessions.map((s) => s.id)).toEqual(demo.sessions.map((s) => s.id).sort());

    // Twice more, exactly as `npm start` seeds.
    const runs = [];
    for (let i = 0; i < 2; i++) {
      runs.push({
        content: await seedContent(store, contentDir),
        knowledge: await seedKnowledge(store, deps.search, contentDir),
        learning: await seedLearning(store, contentDir),
        scorm: await seedScorm(store, contentDir, mkdtempSync(join(tmpdir(), 'seed-scorm-'))),
        portfolio: await seedPortfolio(store, contentDir),
        mandatory: await seedMandatory(store, contentDir),
        history: await seedHistory(store),
        questions: await seedQuestions(store, deps.search),
      });
    }
    for (const run of runs) {
      expect(run.content).toEqual({ organisations: demo.organisations.length, users: demo.users.length });
      expect(run.knowledge).toEqual({ networks: demo.networks.length, versionsPublished: 0 });
      expect(run.learning).toEqual({ modules: demo.modules.length, modulesCreated: 0, paths: demo.paths.length, sessions: demo.sessions.length });
      // The same package (same hash) is already the latest version: not imported again.
      expect(run.scorm).toEqual({ packages: demoScorm.length, imported: 0 });
      // Every demo question is already asked (and answered): none again.
      expect(run.questions).toEqual({ questions: demoQuestions.length, asked: 0 });
      // Registers, mandatory training and the demo history are there: nothing written again.
      expect(run.portfolio.created).toBe(0);
      expect(run.mandatory.created).toBe(0);
      expect(run.history.seeded).toBe(false);
    }

    const after = await snapshot(store);
    for (const part of Object.keys(before) as Array<keyof typeof before>) expect(after[part], part).toEqual(before[part]);
  });
});

describe('demo SCORM packages', () => {
  it('are imported and ready after seeding, linked to their published e-learning modules, and launchable by an employee', async () => {
    const admin = await tokenFor(demoUsers.admin);
    const [learner] = await syntheticEmployees(1, 'u-seed-scorm');
    const expected: Record<string, { title: string; scormVersion: string; scoCount: number }> = {
      'm-suicidepreventie-elearning': { title: 'Suïcidepreventie: signaleren en bespreekbaar maken', scormVersion: '1.2', scoCount: 1 },
      'm-deescalatie-elearning': { title: 'Omgaan met agressie: de-escalatie in de praktijk', scormVersion: '2004', scoCount: 5 },
    };
    expect(demoScorm.map((m) => m.id).sort()).toEqual(Object.keys(expected).sort());
    for (const [moduleId, want] of Object.entries(expected)) {
      const pkg = await api(`/api/modules/${moduleId}/scorm`, { token: admin });
      expect(pkg.status, JSON.stringify(pkg.data)).toBe(200);
      expect(pkg.data.latestVersion, moduleId).toBe(1);
      expect(pkg.data.latest).toMatchObject(want);
      const launch = await api(`/api/modules/${moduleId}/scorm/launch`, { method: 'POST', token: learner!.token });
      expect(launch.status, JSON.stringify(launch.data)).toBe(201);
      expect(launch.data).toMatchObject({ packageVersion: 1, scormVersion: want.scormVersion, resumed: false });
      const token = new URLSearchParams(new URL(launch.data.launchUrl).hash.slice(1)).get('launch')!;
      const rt = await api(`/api/scorm/runtime/${launch.data.attemptId}`, { headers: { authorization: `Launch ${token}` } });
      expect(rt.status).toBe(200);
      expect(rt.data.package.title).toBe(want.title);
      // The launch file is there, behind the package cookie, on the content origin.
      const cookie = await fetch(`${stack().contentUrl}/launch-cookie`, { method: 'POST', headers: { authorization: `Launch ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ attemptId: launch.data.attemptId }) });
      expect(cookie.status).toBeLessThan(300);
      const first = rt.data.package.launchables[0] as { href: string };
      const file = await fetch(`${stack().contentUrl}${rt.data.package.baseUrl}${first.href.split(/[?#]/)[0]}`, { headers: { cookie: (cookie.headers.get('set-cookie') ?? '').split(';')[0]! } });
      expect(file.status, first.href).toBe(200);
      expect(await file.text()).toContain('<html lang="nl">');
    }
  });
});

describe('the demo on first start', () => {
  /**
   * What a newcomer sees without enrolling anyone by hand (issue 11): a nurse with a half-full V&VN
   * cycle, an overdue mandatory module, external learning with evidence and certificates; her team
   * manager sees her overdue; the trainer has sessions with participants and hand-ins to review; a
   * full session has a waitlist.
   */
  it('shows every role real learning history', async () => {
    const [priya, mark, ingrid, sanne] = await Promise.all(['u-priya-ramdin', demoUsers.manager, demoUsers.trainer, demoUsers.admin].map((id) => tokenFor(id)));

    const registers = await api('/api/me/portfolio/registers', { token: priya });
    expect(registers.status).toBe(200);
    const vvn = registers.data.find((r: { register: { name: string } }) => r.register.name === 'V&VN Kwaliteitsregister');
    expect(vvn.earned / vvn.required).toBeGreaterThanOrEqual(0.4);
    expect(vvn.earned / vvn.required).toBeLessThanOrEqual(0.6);

    const mandatory = await api('/api/me/mandatory', { token: priya });
    expect(JSON.stringify(mandatory.data)).toContain('"overdue"');

    const portfolio = await api('/api/me/portfolio', { token: priya });
    expect(portfolio.data.entries.some((e: { source?: string; evidence?: unknown }) => e.evidence !== undefined)).toBe(true);
    const certificates = await api('/api/me/certificates', { token: priya });
    expect(certificates.data.items.filter((c: { certificate?: unknown }) => c.certificate).length).toBeGreaterThanOrEqual(2);

    const team = await api('/api/teams/mine', { token: mark });
    const compliance = await api(`/api/teams/${team.data.teamId}/compliance`, { token: mark });
    expect(compliance.data.members.find((m: { userId: string }) => m.userId === 'u-priya-ramdin')).toMatchObject({ worst: 'overdue' });

    const mine = await api('/api/me/learning', { token: await tokenFor(demoUsers.employee) });
    expect(mine.data.completed.length).toBeGreaterThan(3);
    expect(mine.data.upcomingSessions.length).toBeGreaterThan(0);

    const waiting = await api('/api/trainer/submissions', { token: ingrid });
    expect(waiting.status).toBe(200);
    expect(JSON.stringify(waiting.data)).toContain('u-noor-hendriks');

    const full = await api('/api/sessions/sess-demo-intervisie-vol/participants', { token: sanne });
    const statuses = full.data.participants.map((p: { status: string }) => p.status);
    expect(statuses.filter((x: string) => x === 'enrolled')).toHaveLength(4);
    expect(statuses.filter((x: string) => x === 'waitlisted').length).toBeGreaterThan(0);

    const dashboard = await api('/api/academy/reports', { token: sanne });
    expect(dashboard.status).toBe(200);
    expect(dashboard.data.months.some((m: { moduleCompletions: number }) => m.moduleCompletions > 0)).toBe(true);
  });
});
