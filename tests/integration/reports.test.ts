import { describe, expect, it } from 'vitest';
import { addMonths, monthOf } from '../../functions/src/platform/domain/months';
import { api, demo, stack, tokenFor } from '../support/api';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients } from '../../functions/src/platform/store/clients';
import { backfillActivityCounters } from '../../scripts/backfill-activity-counters';
import { createModule, readingArticleSlug, sessionStartingSoon, syntheticEmployees, unique, untilStarted } from '../support/learning';

/**
 * The academy dashboard reads activity counters that learning writes in the same transaction as
 * each event. Every test uses its own modules and paths and reads them through the filters, so
 * other tests' activity in the same month partitions does not matter. The period is last month to
 * this month, so a test that runs across midnight at a month's end still finds its counts.
 */
const period = () => {
  const to = monthOf(new Date().toISOString());
  return `from=${addMonths(to, -1)}&to=${to}`;
};
const register = 'V&VN Kwaliteitsregister';

async function report(query = '', token?: string) {
  const res = await api(`/api/academy/reports?${period()}${query}`, { token: token ?? (await tokenFor(demo.admin)) });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return res.data;
}
/** A CSV download as bytes: the byte order mark checked, then the text without it. */
async function csv(path: string, token: string, language = 'nl') {
  const res = await fetch(`${stack().appUrl}${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': language } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bom: [...bytes.slice(0, 3)], text: new TextDecoder('utf-8').decode(bytes) };
}
const moduleRow = async (moduleId: string) => (await report(`&moduleId=${moduleId}`)).modules.find((m: { id: string }) => m.id === moduleId);
const pathRow = async (pathId: string) => (await report(`&pathId=${pathId}`)).paths.find((p: { id: string }) => p.id === pathId);

describe('academy reports: counters move with the events, exactly once', () => {
  it('counts an enrolment, a completion with its points and an evaluation once each, however often they are repeated', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'external', title: `Rapport extern ${unique()}`, provider: 'Trimbos-instituut', accreditation: [{ register, points: 2.5 }, { register: 'Registerplein', points: 1 }] });
    const [a, b] = await syntheticEmployees(2, 'u-report');
    for (const l of [a!, b!]) {
      expect((await api(`/api/modules/${m.id}/enrol`, { method: 'POST', token: l.token })).status).toBe(201);
      expect((await api(`/api/modules/${m.id}/enrol`, { method: 'POST', token: l.token })).status).toBe(201); // a repeat
      for (let i = 0; i < 2; i++) expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l.token, json: { evidence: `Certificaat ${i}` } })).status).toBe(200);
    }
    expect((await api('/api/evaluations', { method: 'POST', token: a!.token, json: { targetType: 'module', targetId: m.id, rating: 5, answers: {} } })).status).toBe(201);
    expect((await api('/api/evaluations', { method: 'POST', token: a!.token, json: { targetType: 'module', targetId: m.id, rating: 1, answers: {} } })).status).toBe(409);
    expect((await api('/api/evaluations', { method: 'POST', token: b!.token, json: { targetType: 'module', targetId: m.id, rating: 4, answers: {} } })).status).toBe(201);

    const row = await moduleRow(m.id);
    expect(row).toMatchObject({ enrolments: 2, completions: 2, evaluations: 2, averageScore: 4.5, pointsTotal: 7 });
    expect(row.points).toEqual([{ register: 'Registerplein', points: 2 }, { register, points: 5 }]);
    // The month series with the module filter holds the same, spread over the period's months.
    const d = await report(`&moduleId=${m.id}`);
    const sum = (f: string) => d.months.reduce((s: number, x: Record<string, number>) => s + x[f]!, 0);
    expect([sum('moduleEnrolments'), sum('moduleCompletions'), sum('evaluations'), sum('pathEnrolments')]).toEqual([2, 2, 2, 0]);
    expect(d.registers).toEqual([{ register: 'Registerplein', points: 2 }, { register, points: 5 }]);
  });

  it('counts concurrent completions of one module by many learners all, and concurrent repeats of one learner once', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'reading', title: `Rapport gelijktijdig ${unique()}`, articleSlug: await readingArticleSlug(), accreditation: [{ register, points: 1 }] });
    const learners = await syntheticEmployees(12, 'u-report-race');
    const results = await Promise.all(learners.map((l) => api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l.token })));
    expect(results.map((r) => r.status)).toEqual(learners.map(() => 200));
    const again = await Promise.all(Array.from({ length: 6 }, () => api(`/api/modules/${m.id}/complete`, { method: 'POST', token: learners[0]!.token })));
    expect(again.map((r) => r.status)).toEqual(again.map(() => 200));
    expect(await moduleRow(m.id)).toMatchObject({ enrolments: 0, completions: 12, pointsTotal: 12 });
  });

  it('counts a seat as an enrolment, attendance as the completion, and a correction to absent takes it back', async () => {
    const admin = await tokenFor(demo.admin);
    const trainer = await tokenFor(demo.trainer);
    const m = await createModule(admin, { kind: 'classroom', title: `Rapport klas ${unique()}`, accreditation: [{ register, points: 3 }] });
    const s = await sessionStartingSoon(admin, m.id);
    const [a, b] = await syntheticEmployees(2, 'u-report-seat');
    for (const l of [a!, b!]) expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: l.token })).status).toBe(201);
    expect(await moduleRow(m.id)).toMatchObject({ enrolments: 2, completions: 0 });
    await untilStarted(s);
    const mark = (l: { id: string }, present: boolean) => api(`/api/sessions/${s.id}/attendance/${l.id}`, { method: 'PUT', token: trainer, json: { present } });
    for (const l of [a!, b!]) expect((await mark(l, true)).status).toBe(200);
    expect((await mark(a!, true)).status).toBe(200); // a repeat
    expect(await moduleRow(m.id)).toMatchObject({ enrolments: 2, completions: 2, pointsTotal: 6 });
    expect((await mark(a!, false)).status).toBe(200);
    expect((await mark(a!, false)).status).toBe(200); // a repeat takes nothing more back
    expect(await moduleRow(m.id)).toMatchObject({ enrolments: 2, completions: 1, pointsTotal: 3 });
    expect((await mark(a!, true)).status).toBe(200);
    expect(await moduleRow(m.id)).toMatchObject({ completions: 2, pointsTotal: 6 });
  });

  it('counts a path enrolment and the path completion its last module brings, and the path filter shows the path with its modules', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'reading', title: `Rapport padmodule ${unique()}`, articleSlug: await readingArticleSlug(), accreditation: [{ register, points: 2 }] });
    const other = await createModule(admin, { kind: 'reading', title: `Rapport los ${unique()}`, articleSlug: await readingArticleSlug() });
    const created = await api('/api/paths', { method: 'POST', token: admin, json: { title: `Rapport pad ${unique()}`, description: 'Een leerpad voor de rapportage.', minOptional: 0, steps: [{ id: 's1', moduleId: m.id, required: true, unlockAfter: [] }] } });
    expect(created.status).toBe(201);
    const pathId = created.data.id as string;
    const [l] = await syntheticEmployees(1, 'u-report-path');
    expect((await api(`/api/paths/${pathId}/enrol`, { method: 'POST', token: l!.token })).status).toBe(201);
    expect(await pathRow(pathId)).toMatchObject({ enrolments: 1, completions: 0 });
    expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l!.token })).status).toBe(200);
    expect((await api(`/api/modules/${other.id}/complete`, { method: 'POST', token: l!.token })).status).toBe(200);
    expect((await api('/api/evaluations', { method: 'POST', token: l!.token, json: { targetType: 'path', targetId: pathId, rating: 3, answers: {} } })).status).toBe(201);

    const d = await report(`&pathId=${pathId}`);
    expect(d.paths).toEqual([expect.objectContaining({ id: pathId, enrolments: 1, completions: 1, evaluations: 1, averageScore: 3 })]);
    expect(d.modules.map((x: { id: string }) => x.id)).toEqual([m.id]); // the module on the path, not the other one
    // Path points are its modules' points: counted once, with the module.
    expect(d.registers).toEqual([{ register, points: 2 }]);
    const sum = (f: string) => d.months.reduce((s: number, x: Record<string, number>) => s + x[f]!, 0);
    expect([sum('pathEnrolments'), sum('pathCompletions'), sum('moduleCompletions'), sum('evaluations')]).toEqual([1, 1, 1, 1]);
  });

  it('rolls modules up to their network, filters by network, and tells what the filters may choose from', async () => {
    const admin = await tokenFor(demo.admin);
    const network = 'suicidepreventie';
    const inNetwork = await createModule(admin, { kind: 'reading', title: `Rapport netwerk ${unique()}`, articleSlug: await readingArticleSlug(), networkId: network });
    const outside = await createModule(admin, { kind: 'reading', title: `Rapport zonder netwerk ${unique()}`, articleSlug: await readingArticleSlug() });
    const [l] = await syntheticEmployees(1, 'u-report-net');
    const before = (await report(`&networkId=${network}`)).networks.find((n: { networkId: string }) => n.networkId === network) ?? { completions: 0, modules: 0 };
    for (const m of [inNetwork, outside]) expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l!.token })).status).toBe(200);

    const d = await report(`&networkId=${network}`);
    expect(d.networks).toHaveLength(1);
    expect(d.networks[0]).toMatchObject({ networkId: network, completions: before.completions + 1, modules: before.modules + 1 });
    expect(d.networks[0].name).toMatch(/Suïcidepreventie/i);
    expect(d.modules.some((x: { id: string }) => x.id === outside.id)).toBe(false);
    expect(d.paths).toEqual([]);
    // Options are what the period holds, whatever the filter: both modules, and the network by name.
    expect(d.options.modules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([inNetwork.id, outside.id]));
    expect(d.options.networks).toEqual(expect.arrayContaining([{ id: network, name: d.networks[0].name }]));
    const all = await report();
    expect(all.networks.find((n: { networkId: string | null }) => n.networkId === null).completions).toBeGreaterThanOrEqual(1);
  });
});

describe('academy reports: the backfill job', () => {
  it('derives from the records (dry run, nothing written) the same counts the write sites wrote', async () => {
    const admin = await tokenFor(demo.admin);
    const trainer = await tokenFor(demo.trainer);
    const external = await createModule(admin, { kind: 'external', title: `Rapport backfill ${unique()}`, provider: 'Trimbos-instituut', accreditation: [{ register, points: 1.25 }] });
    const classroom = await createModule(admin, { kind: 'classroom', title: `Rapport backfill klas ${unique()}`, accreditation: [{ register, points: 2 }] });
    const s = await sessionStartingSoon(admin, classroom.id);
    const learners = await syntheticEmployees(3, 'u-report-backfill');
    for (const [i, l] of learners.entries()) {
      expect((await api(`/api/modules/${external.id}/enrol`, { method: 'POST', token: l.token })).status).toBe(201);
      if (i < 2) expect((await api(`/api/modules/${external.id}/complete`, { method: 'POST', token: l.token, json: { evidence: 'Certificaat' } })).status).toBe(200);
      if (i < 1) expect((await api('/api/evaluations', { method: 'POST', token: l.token, json: { targetType: 'module', targetId: external.id, rating: 2, answers: {} } })).status).toBe(201);
      expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: l.token })).status).toBe(201);
    }
    await untilStarted(s);
    for (const l of learners) expect((await api(`/api/sessions/${s.id}/attendance/${l.id}`, { method: 'PUT', token: trainer, json: { present: true } })).status).toBe(200);
    expect((await api(`/api/sessions/${s.id}/attendance/${learners[0]!.id}`, { method: 'PUT', token: trainer, json: { present: false } })).status).toBe(200);

    const { counters } = await backfillActivityCounters(createStoreClients(loadConfig(stack().env)), { dryRun: true });
    for (const m of [external, classroom]) {
      const derived = counters.filter((c) => c.targetId === m.id);
      const sum = (f: 'enrolments' | 'completions' | 'evaluations' | 'scoreSum') => derived.reduce((t, c) => t + c[f], 0);
      const points = derived.reduce((t, c) => t + Object.values(c.points).reduce((a, b) => a + b, 0), 0);
      const live = await moduleRow(m.id);
      expect({ enrolments: sum('enrolments'), completions: sum('completions'), evaluations: sum('evaluations'), pointsTotal: points }, m.id).toEqual({ enrolments: live.enrolments, completions: live.completions, evaluations: live.evaluations, pointsTotal: live.pointsTotal });
    }
    expect((await moduleRow(classroom.id))).toMatchObject({ enrolments: 3, completions: 2, pointsTotal: 4 });
  });
});

describe('academy reports: CSV, period and access', () => {
  it('exports each table as CSV with a byte order mark, the reader\'s separator and no formulas', async () => {
    const admin = await tokenFor(demo.admin);
    const title = `=HYPERLINK("http://evil.example";"klik") ${unique()}`;
    const m = await createModule(admin, { kind: 'reading', title, articleSlug: await readingArticleSlug(), accreditation: [{ register, points: 1.5 }] });
    const [l] = await syntheticEmployees(1, 'u-report-csv');
    expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: l!.token })).status).toBe(200);

    const nl = await csv(`/api/academy/reports/modules.csv?${period()}&moduleId=${m.id}`, admin);
    expect(nl.status).toBe(200);
    expect(nl.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(nl.headers.get('content-disposition')).toMatch(/^attachment; filename="academie-modules-\d{4}-\d{2}-\d{4}-\d{2}\.csv"$/);
    expect(nl.bom).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = nl.text.split('\r\n');
    expect(header).toBe(`Module;Module-id;Netwerk-id;Inschrijvingen;Afrondingen;Evaluaties;Gemiddelde beoordeling;Punten totaal;Punten: ${register}`);
    expect(row).toBe(`"'${title.replace(/"/g, '""')}";${m.id};;0;1;0;;1,5;1,5`);

    const en = await csv(`/api/academy/reports/months.csv?${period()}&moduleId=${m.id}`, admin, 'en');
    expect(en.status).toBe(200);
    const lines = en.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(`Month,Module enrolments,Module completions,Path enrolments,Path completions,Evaluations,Average rating,Points total,Points: ${register}`);
    expect(lines).toHaveLength(3); // two months
    expect(lines.slice(1).map((x) => Number(x.split(',')[2])).reduce((a, b) => a + b, 0)).toBe(1);
    for (const table of ['paths', 'networks', 'registers']) {
      const res = await csv(`/api/academy/reports/${table}.csv?${period()}`, admin);
      expect(res.status, table).toBe(200);
      expect(res.bom, table).toEqual([0xef, 0xbb, 0xbf]);
    }
  });

  it('defaults to the last twelve months and refuses a reversed, too long or malformed period', async () => {
    const admin = await tokenFor(demo.admin);
    const d = await api('/api/academy/reports', { token: admin });
    expect(d.status).toBe(200);
    expect(d.data.months).toHaveLength(12);
    expect(d.data.to).toBe(monthOf(new Date().toISOString()));
    for (const q of ['from=2025-06&to=2025-01', 'from=2023-01&to=2025-01', 'from=2025-13', 'to=25-01', 'moduleId=a%20b']) {
      const res = await api(`/api/academy/reports?${q}`, { token: admin, headers: { 'accept-language': 'en' } });
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    expect((await api('/api/academy/reports?from=2024-02&to=2026-01', { token: admin })).status).toBe(200); // 24 months
  });

  it('answers only the academy: others 403, no token 401', async () => {
    expect((await api('/api/academy/reports')).status).toBe(401);
    expect((await api('/api/academy/reports/modules.csv')).status).toBe(401);
    for (const who of [demo.employee, demo.manager, demo.trainer, demo.author, demo.partner]) {
      const token = await tokenFor(who);
      expect((await api('/api/academy/reports', { token })).status, who).toBe(403);
      expect((await api('/api/academy/reports/networks.csv', { token })).status, who).toBe(403);
    }
  });
});
