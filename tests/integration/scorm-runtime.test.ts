import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients } from '../../functions/src/platform/store/clients';
import { get } from '../../functions/src/platform/store/table';
import { keys } from '../../functions/src/platform/store/keys';
import { signLaunchToken } from '../../functions/src/scorm/attempts/launch-token';
import { api, demo, stack, tokenFor } from '../support/api';
import { fixture, importPackage } from '../support/scorm';
import { createModule, syntheticEmployees, unique } from '../support/learning';
import { buildScormPackages } from '../../scripts/build-scorm';

/**
 * The SCORM runtime on the real local stack: a real package (Rustici's golf sample, SCORM 1.2)
 * imported through the upload routes, launched by employees, played by commits shaped as
 * scorm-again 3.4.3 sends them (`{ cmi, commitSequence }`), resumed, completed into Mijn leren.
 */


/** The runtime as the player calls it: same-origin on the content origin in the browser; here the API directly. */
const runtime = (attemptId: string, token: string, headers: Record<string, string> = {}) => api(`/api/scorm/runtime/${attemptId}`, { headers: { authorization: `Launch ${token}`, ...headers } });

const commitPath = (attemptId: string, scoId = 'item_1') => `/api/scorm/runtime/${attemptId}/scos/${scoId}/commit`;

/** A SCORM 1.2 commit as scorm-again renders it (dataCommitFormat json, includeCommitSequence). */
function cmi12(o: { location?: string; suspend?: string; status?: string; exit?: string; raw?: string; session?: string; total?: string; interactions?: Record<string, unknown> }) {
  return {
    suspend_data: o.suspend ?? '',
    launch_data: '',
    comments: '',
    comments_from_lms: '',
    core: {
      student_id: 'ignored',
      student_name: 'ignored',
      lesson_location: o.location ?? '',
      credit: 'credit',
      lesson_status: o.status ?? 'incomplete',
      entry: '',
      lesson_mode: 'normal',
      exit: o.exit ?? '',
      session_time: o.session ?? '00:00:10',
      score: { raw: o.raw ?? '', min: '', max: '100' },
      ...(o.total ? { total_time: o.total } : {}),
    },
    objectives: {},
    student_data: { mastery_score: '', max_time_allowed: '', time_limit_action: '' },
    student_preference: { audio: '', language: '', speed: '', text: '' },
    interactions: o.interactions ?? {},
  };
}

const commit = (attemptId: string, token: string, sequence: number, cmi: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api(commitPath(attemptId), { method: 'POST', headers: { authorization: `Launch ${token}`, ...headers }, json: { cmi, commitSequence: sequence } });

const launch = (token: string, moduleId: string) => api(`/api/modules/${moduleId}/scorm/launch`, { method: 'POST', token });
const tokenOf = (launchUrl: string) => new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('launch')!;

let admin: string;
let moduleId: string;
let learners: Array<{ id: string; token: string }>;

beforeAll(async () => {
  admin = await tokenFor(demo.admin);
  moduleId = (await createModule(admin, { kind: 'elearning', title: `Golf ${unique()}` })).id;
  expect(await importPackage(admin, moduleId, fixture('golf-scorm12-basic-runtime'))).toBe(1);
  learners = await syntheticEmployees(3, 'u-scorm');
});

describe('launch and runtime', () => {
  it('launches, resumes where the learner was on relaunch, and never lets an older commit regress state', async () => {
    const me = learners[0]!;
    const first = await launch(me.token, moduleId);
    expect(first.status, JSON.stringify(first.data)).toBe(201);
    expect(first.data).toMatchObject({ packageVersion: 1, scormVersion: '1.2', attemptNumber: 1, resumed: false });
    expect(first.data.launchUrl).toMatch(new RegExp(`^${stack().contentUrl}/player/#launch=`));
    expect(Date.parse(first.data.expiresAt) - Date.now()).toBeGreaterThan(7.9 * 3600_000);
    const { attemptId } = first.data;
    const token1 = tokenOf(first.data.launchUrl);

    const rt = await runtime(attemptId, token1);
    expect(rt.status, JSON.stringify(rt.data)).toBe(200);
    expect(rt.data.attempt).toMatchObject({ id: attemptId, moduleId, packageVersion: 1, scormVersion: '1.2', status: 'in-progress', learnerId: me.id, launch: 1 });
    expect(rt.data.package.baseUrl).toMatch(new RegExp(`^/packages/${moduleId}/[A-Za-z0-9_-]+/$`));
    expect(rt.data.package.launchables.map((l: { itemId: string; href: string }) => [l.itemId, l.href])).toEqual([['item_1', 'shared/launchpage.html']]);
    expect(rt.data.package.defaultScoId).toBe('item_1');
    expect(rt.data.state).toEqual({});
    expect(rt.data.storedSequence).toBe(0);
    expect(rt.headers.get('cache-control')).toBe('no-store');

    for (let n = 1; n <= 3; n++) {
      const res = await commit(attemptId, token1, n, cmi12({ location: `Playing/Par.html#${n}`, suspend: `page=${n}`, exit: 'suspend', session: `00:00:${10 * n}` }));
      expect(res.status, JSON.stringify(res.data)).toBe(200);
      expect(res.data).toMatchObject({ result: true, errorCode: 0, storedSequence: n, applied: true, attempt: { status: 'in-progress' } });
    }
    // A replayed older commit: answered like a success (the player has nothing to resend), changes nothing.
    const replay = await commit(attemptId, token1, 2, cmi12({ location: 'Etiquette/Course.html', suspend: 'page=old', status: 'incomplete' }));
    expect(replay.status).toBe(200);
    expect(replay.data).toMatchObject({ result: true, errorCode: 0, storedSequence: 3, applied: false });

    const again = await launch(me.token, moduleId);
    expect(again.status).toBe(201);
    expect(again.data).toMatchObject({ attemptId, resumed: true, attemptNumber: 1 });
    const token2 = tokenOf(again.data.launchUrl);
    const resumed = await runtime(attemptId, token2);
    expect(resumed.status).toBe(200);
    expect(resumed.data.attempt.launch).toBe(2);
    expect(resumed.data.storedSequence).toBe(3);
    expect(resumed.data.storedSequences).toEqual({ item_1: 3 });
    const sco = resumed.data.state.item_1;
    expect(sco.entry).toBe('resume');
    expect(sco.cmi.core).toMatchObject({ entry: 'resume', lesson_location: 'Playing/Par.html#3', student_id: me.id, credit: 'credit', lesson_mode: 'normal', lesson_status: 'incomplete', total_time: '0000:00:30.00' });
    expect(sco.cmi.suspend_data).toBe('page=3');

    // The older launch no longer holds the attempt: its commits and runtime are refused (409), not silently dropped.
    const stale = await commit(attemptId, token1, 4, cmi12({ location: 'stale' }));
    expect(stale.status).toBe(409);
    expect(stale.data.code).toBe('superseded');
    expect((await runtime(attemptId, token1)).status).toBe(409);

    // Concurrent commits arriving out of order: the highest sequence wins, whatever the order of arrival.
    const sequences = [12, 5, 9, 15, 7, 11, 14, 6, 13, 8, 10];
    const results = await Promise.all(sequences.map((n) => commit(attemptId, token2, n, cmi12({ location: `loc-${n}`, suspend: `s-${n}`, exit: 'suspend', session: '00:01:00' }))));
    expect(results.map((r) => r.status)).toEqual(sequences.map(() => 200));
    expect(results.filter((r) => r.data.applied).length).toBeGreaterThanOrEqual(1);
    const after = await runtime(attemptId, token2);
    expect(after.data.storedSequence).toBe(15);
    expect(after.data.state.item_1.cmi.core.lesson_location).toBe('loc-15');
    expect(after.data.state.item_1.cmi.suspend_data).toBe('s-15');
  });

  it('takes the final commit as sendBeacon sends it (text/plain, token in the query); text/plain stays refused elsewhere', async () => {
    const me = learners[1]!;
    const l = await launch(me.token, moduleId);
    const token = tokenOf(l.data.launchUrl);
    const body = JSON.stringify({ cmi: cmi12({ location: 'HavingFun/HowToHaveFun.html', suspend: 'beacon', exit: 'suspend', total: '00:02:00' }), commitSequence: 1 });
    const beacon = await fetch(`${stack().appUrl}${commitPath(l.data.attemptId)}?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8' }, body });
    expect(beacon.status, await beacon.clone().text()).toBe(200);
    expect(await beacon.json()).toMatchObject({ result: true, errorCode: 0, storedSequence: 1, applied: true });
    expect((await runtime(l.data.attemptId, token)).data.state.item_1.cmi.suspend_data).toBe('beacon');

    // The token in the query works only for the commit endpoint.
    expect((await api(`/api/scorm/runtime/${l.data.attemptId}?token=${encodeURIComponent(token)}`)).status).toBe(401);
    // Other content types are refused on the commit endpoint …
    const form = await api(commitPath(l.data.attemptId), { method: 'POST', headers: { authorization: `Launch ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'cmi.core.lesson_location=x&commitSequence=2' });
    expect(form.status, JSON.stringify(form.data)).toBe(415);
    // … and text/plain everywhere else, as before.
    const elsewhere = await api(`/api/modules/${moduleId}/complete`, { method: 'POST', token: me.token, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ evidence: 'x' }) });
    expect([400, 415]).toContain(elsewhere.status);
    const evaluation = await api('/api/evaluations', { method: 'POST', token: me.token, headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ targetType: 'module', targetId: moduleId, rating: 4, answers: {} }) });
    expect([400, 415]).toContain(evaluation.status);
  });

  it('refuses another learner’s attempt, an expired token, an app token, and suspend_data over 64,000 characters', async () => {
    const [a, b] = [learners[1]!, learners[2]!];
    const la = await launch(a.token, moduleId);
    const lb = await launch(b.token, moduleId);
    const ta = tokenOf(la.data.launchUrl);
    expect(lb.data.attemptId).not.toBe(la.data.attemptId);
    // A's token on B's attempt.
    expect((await runtime(lb.data.attemptId, ta)).status).toBe(403);
    expect((await commit(lb.data.attemptId, ta, 99, cmi12({ location: 'x' }))).status).toBe(403);
    // An expired token (signed with the server's own secret, 9 hours ago).
    const config = loadConfig(stack().env);
    const claims = JSON.parse(Buffer.from(ta.split('.')[1]!, 'base64url').toString()) as { sub: string; att: string; mod: string; ver: number; lch: number };
    const { token: expired } = await signLaunchToken(config, { attemptId: claims.att, learnerId: claims.sub, moduleId: claims.mod, packageVersion: claims.ver, launch: claims.lch }, new Date(Date.now() - 9 * 3600_000));
    const exp = await runtime(la.data.attemptId, expired, { 'accept-language': 'en' });
    expect(exp.status).toBe(401);
    expect(exp.data.detail).toMatch(/expired/);
    expect((await commit(la.data.attemptId, expired, 50, cmi12({}))).status).toBe(401);
    // A forged token (another secret) and the learner's app token: 401.
    const forged = await signLaunchToken({ mode: 'local', scormLaunchSecret: 'x'.repeat(40) }, { attemptId: claims.att, learnerId: claims.sub, moduleId: claims.mod, packageVersion: claims.ver, launch: claims.lch }, new Date());
    expect((await runtime(la.data.attemptId, forged.token)).status).toBe(401);
    const app = await api(`/api/scorm/runtime/${la.data.attemptId}`, { token: a.token });
    expect(app.status).toBe(401);
    expect((await api(commitPath(la.data.attemptId), { method: 'POST', token: a.token, json: { cmi: cmi12({}), commitSequence: 60 } })).status).toBe(401);
    expect((await api(`/api/scorm/runtime/${la.data.attemptId}`)).status).toBe(401);

    // suspend_data: 64,000 characters are kept, one more is refused with a message the player shows.
    const okLong = await commit(la.data.attemptId, ta, 70, cmi12({ suspend: 's'.repeat(64_000), exit: 'suspend' }));
    expect(okLong.status, JSON.stringify(okLong.data)).toBe(200);
    const nl = await commit(la.data.attemptId, ta, 71, cmi12({ suspend: 's'.repeat(64_001) }));
    expect(nl.status).toBe(422);
    expect(nl.data.detail).toMatch(/te groot om op te slaan.*64\.001 tekens/);
    expect(nl.data.errors[0].path).toBe('cmi.suspend_data');
    const en = await commit(la.data.attemptId, ta, 71, cmi12({ suspend: 's'.repeat(64_001) }), { 'accept-language': 'en' });
    expect(en.status).toBe(422);
    expect(en.data.detail).toMatch(/too large to save.*64,001 characters/);
    expect((await runtime(la.data.attemptId, ta)).data.state.item_1.cmi.suspend_data).toHaveLength(64_000);
    // A score out of range is left out (and named); the rest of the commit is kept.
    const odd = await commit(la.data.attemptId, ta, 72, cmi12({ raw: '150', location: 'kept', exit: 'suspend' }));
    expect(odd.data).toMatchObject({ applied: true, ignored: ['cmi.core.score'] });
    expect((await runtime(la.data.attemptId, ta)).data.state.item_1.cmi.core.lesson_location).toBe('kept');
  });
});

describe('large state', () => {
  it('keeps a SCO state over 100 KB in S3 (attachments bucket, scorm-state/…) and reads it back; a smaller newer state returns to the row', async () => {
    const [me] = await syntheticEmployees(1, 'u-scorm-big');
    const l = await launch(me!.token, moduleId);
    const token = tokenOf(l.data.launchUrl);
    const interactions = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i), { id: `q${i}`, type: 'fill-in', student_response: 'r'.repeat(8000), result: 'neutral' }]));
    const big = await commit(l.data.attemptId, token, 1, cmi12({ suspend: 'b'.repeat(64_000), exit: 'suspend', location: 'big', interactions }));
    expect(big.status, JSON.stringify(big.data)).toBe(200);
    const store = createStoreClients({ ...loadConfig(stack().env), storeTimeoutMs: 10_000 });
    const spilled = async () => (await store.s3.send(new ListObjectsV2Command({ Bucket: store.buckets.attachments }))).Contents?.map((o) => o.Key!).filter((k) => k.startsWith(`scorm-state/${moduleId}/`)) ?? [];
    expect((await spilled()).filter((k) => k.includes(l.data.attemptId))).toHaveLength(1);
    expect(await get(store, keys.scormScoState(moduleId, me!.id, l.data.attemptId, 'item_1'))).toMatchObject({ stateKey: expect.stringMatching(/^scorm-state\//) });
    const back = await runtime(l.data.attemptId, token);
    expect(back.data.state.item_1.cmi.suspend_data).toHaveLength(64_000);
    expect(Object.keys(back.data.state.item_1.cmi.interactions)).toHaveLength(12);
    // Smaller again (the interactions stay: a commit never drops stored ones): back in the row, the object removed.
    await commit(l.data.attemptId, token, 2, cmi12({ suspend: 'small', exit: 'suspend', location: 'small' }));
    expect((await spilled()).filter((k) => k.includes(l.data.attemptId))).toEqual([]);
    expect(await get(store, keys.scormScoState(moduleId, me!.id, l.data.attemptId, 'item_1'))).not.toHaveProperty('stateKey');
    expect((await runtime(l.data.attemptId, token)).data.state.item_1.cmi.suspend_data).toBe('small');
  });
});

describe('completion', () => {
  it('completes the module in Mijn leren with score and time, completes the path step, and closes the attempt', async () => {
    const [me] = await syntheticEmployees(1, 'u-scorm-done');
    const path = await api('/api/paths', {
      method: 'POST',
      token: admin,
      json: { title: `Golfpad ${unique()}`, description: 'Een leerpad met een e-learning.', minOptional: 0, steps: [{ id: 's1', moduleId, required: true, unlockAfter: [] }] },
    });
    expect(path.status, JSON.stringify(path.data)).toBe(201);
    expect((await api(`/api/paths/${path.data.id}/enrol`, { method: 'POST', token: me!.token })).status).toBe(201);

    const l = await launch(me!.token, moduleId);
    const token = tokenOf(l.data.launchUrl);
    const mine = await api('/api/me/learning', { token: me!.token });
    expect(mine.data.enrolledModules.map((m: { moduleId: string }) => m.moduleId)).toContain(moduleId);

    await commit(l.data.attemptId, token, 1, cmi12({ location: 'Playing/Playing.html', exit: 'suspend', session: '00:05:00' }));
    const interactions = { '0': { id: 'q1', type: 'choice', student_response: 'b', result: 'correct', latency: '00:00:04', time: '', weighting: '', objectives: {}, correct_responses: {} } };
    const passed = await commit(l.data.attemptId, token, 2, cmi12({ location: 'Playing/Playing.html', status: 'passed', raw: '85', exit: 'suspend', session: '00:06:00', interactions }));
    expect(passed.status, JSON.stringify(passed.data)).toBe(200);
    expect(passed.data.attempt).toMatchObject({ status: 'completed', outcome: { completion: 'completed', success: 'passed', done: true, percent: 85, score: { raw: 85, max: 100, scaled: 0.85 } } });
    // The final commit of the same launch (exit, session time) is still taken; a later status cannot undo the pass.
    const last = await commit(l.data.attemptId, token, 3, cmi12({ status: 'failed', raw: '85', exit: '', session: '00:06:30', total: '00:06:30' }));
    expect(last.status, JSON.stringify(last.data)).toBe(200);
    expect(last.data.attempt).toMatchObject({ status: 'completed', outcome: { done: true, success: 'passed' } });

    const learning = await api('/api/me/learning', { token: me!.token });
    const done = learning.data.completed.find((c: { moduleId: string }) => c.moduleId === moduleId);
    expect(done).toMatchObject({ kind: 'elearning', result: { source: 'scorm', selfReported: true, attemptId: l.data.attemptId, success: 'passed', percent: 85, score: { raw: 85 } } });
    // The SCO said 6 minutes; the attempt began seconds ago: time is capped by the clock (+ 1 minute's slack).
    const wall = (Date.now() - Date.parse(l.data.expiresAt) + 8 * 3600_000) / 1000;
    expect(done.result.timeSeconds).toBeGreaterThan(0);
    expect(done.result.timeSeconds).toBeLessThanOrEqual(wall + 61);
    expect(learning.data.paths.find((p: { pathId: string }) => p.pathId === path.data.id)).toMatchObject({ complete: true, percent: 100 });

    // A token for the finished attempt opens nothing any more; a new launch is refused (the module allows no retakes).
    expect((await runtime(l.data.attemptId, token)).status).toBe(409);
    const relaunch = await launch(me!.token, moduleId);
    expect(relaunch.status).toBe(409);
    expect(relaunch.data.code).toBe('completed');

    const history = await api(`/api/me/scorm/attempts?moduleId=${moduleId}`, { token: me!.token });
    expect(history.status).toBe(200);
    expect(history.data).toMatchObject({ moduleId, retakes: false });
    expect(history.data.attempts).toHaveLength(1);
    expect(history.data.attempts[0]).toMatchObject({ attemptId: l.data.attemptId, number: 1, status: 'completed', selfReported: true, outcome: { success: 'passed' } });
    expect(history.data.attempts[0].outcome.timeSeconds).toBeLessThanOrEqual(wall + 61);
    // Someone else's history is not there for another employee.
    const other = await api(`/api/me/scorm/attempts?moduleId=${moduleId}`, { token: learners[0]!.token });
    expect(other.data.attempts.every((a: { attemptId: string }) => a.attemptId !== l.data.attemptId)).toBe(true);
  });

  it('refuses to launch a module that is not an e-learning, or has no package yet', async () => {
    const [me] = await syntheticEmployees(1, 'u-scorm-none');
    const external = await createModule(admin, { kind: 'external', title: `Extern ${unique()}`, provider: 'Trimbos-instituut' });
    expect((await launch(me!.token, external.id)).status).toBe(422);
    const empty = await createModule(admin, { kind: 'elearning', title: `Leeg ${unique()}` });
    const res = await launch(me!.token, empty.id);
    expect(res.status).toBe(409);
    expect(res.data.code).toBe('no-package');
  });
});

describe('SCORM 2004 rollup: the demo package "De-escalatie in de praktijk" (five SCOs, its own rollup rules)', () => {
  // The course is completed when all four lessons and the final test are (the test counts toward
  // completion: rollupProgressCompletion=true); the test (satisfiedByMeasure 0.8) alone decides
  // success and score. Rolled up on the server (functions/src/scorm/domain/rollup.ts) from each
  // SCO's stored state.
  let demoModule: string;
  let outDir: string;
  const lessons = ['les_1_1', 'les_1_2', 'les_2_1', 'les_2_2'];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'scorm-demo-'));
    const built = await buildScormPackages(outDir);
    const demo2004 = built.find((p) => p.id === 'deescalatie-in-de-praktijk')!;
    expect(demo2004.version).toBe('2004');
    demoModule = (await createModule(admin, { kind: 'elearning', title: `De-escalatie ${unique()}` })).id;
    expect(await importPackage(admin, demoModule, readFileSync(demo2004.file))).toBe(1);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  /** A SCORM 2004 commit as scorm-again renders it (`{ cmi, commitSequence }`). */
  const cmi2004 = (o: { completion?: string; success?: string; scaled?: number; exit?: string; progress?: string; total?: string }) => ({
    completion_status: o.completion ?? 'incomplete',
    success_status: o.success ?? 'unknown',
    exit: o.exit ?? 'suspend',
    session_time: 'PT30S',
    location: 'p1',
    suspend_data: '',
    ...(o.progress ? { progress_measure: o.progress } : {}),
    ...(o.scaled !== undefined ? { score: { scaled: String(o.scaled), raw: String(Math.round(o.scaled * 100)), min: '0', max: '100' } } : {}),
    ...(o.total ? { total_time: o.total } : {}),
  });
  const commitSco = (attemptId: string, token: string, scoId: string, sequence: number, cmi: Record<string, unknown>) =>
    api(commitPath(attemptId, scoId), { method: 'POST', headers: { authorization: `Launch ${token}` }, json: { cmi, commitSequence: sequence } });
  /** A SCO played to its end: a progress commit, then the terminate commit (exit normal, total_time). */
  async function play(attemptId: string, token: string, scoId: string, seq: { n: number }, final: Parameters<typeof cmi2004>[0]) {
    const a = await commitSco(attemptId, token, scoId, ++seq.n, cmi2004({ progress: '0.5' }));
    expect(a.status, JSON.stringify(a.data)).toBe(200);
    const b = await commitSco(attemptId, token, scoId, ++seq.n, cmi2004({ exit: 'normal', total: 'PT1M', ...final }));
    expect(b.status, JSON.stringify(b.data)).toBe(200);
    return b.data as { attempt: { status: string; outcome?: Record<string, unknown> } };
  }

  it('lessons completed without the test: the attempt stays in progress (resumable); the test passed in a later launch completes and passes it', async () => {
    const [me] = await syntheticEmployees(1, 'u-scorm-rollup');
    const l = await launch(me!.token, demoModule);
    expect(l.status, JSON.stringify(l.data)).toBe(201);
    expect(l.data.scormVersion).toBe('2004');
    const token = tokenOf(l.data.launchUrl);
    const rt = await runtime(l.data.attemptId, token);
    expect(rt.data.package.launchables.map((x: { itemId: string }) => x.itemId)).toEqual([...lessons, 'eindtoets']);
    expect(rt.data.package.sequencing).toBeDefined();

    const seq = { n: 0 };
    for (const id of lessons.slice(0, 3)) {
      const r = await play(l.data.attemptId, token, id, seq, { completion: 'completed', progress: '1' });
      expect(r.attempt).toMatchObject({ status: 'in-progress', outcome: { completion: 'incomplete', done: false } });
    }
    // All lessons done, the test not taken: the test counts toward completion, so the attempt goes on.
    const last = await play(l.data.attemptId, token, 'les_2_2', seq, { completion: 'completed', progress: '1' });
    expect(last.attempt).toMatchObject({ status: 'in-progress', outcome: { completion: 'incomplete', success: 'unknown', done: false, failed: false } });
    expect(last.attempt.outcome).not.toHaveProperty('score');

    // No completion in Mijn leren yet.
    const learning = await api('/api/me/learning', { token: me!.token });
    expect(learning.data.completed.some((c: { moduleId: string }) => c.moduleId === demoModule)).toBe(false);

    // The learner closed the tab: a new launch resumes the same attempt, with the lessons' states kept.
    const again = await launch(me!.token, demoModule);
    expect(again.status, JSON.stringify(again.data)).toBe(201);
    expect(again.data).toMatchObject({ attemptId: l.data.attemptId, resumed: true, attemptNumber: 1 });
    const token2 = tokenOf(again.data.launchUrl);
    const resumed = await runtime(l.data.attemptId, token2);
    expect(resumed.status).toBe(200);
    expect(Object.keys(resumed.data.storedSequences).sort()).toEqual([...lessons].sort());

    // The test passed (0.9): completed and passed, with the test's score.
    const started = await commitSco(l.data.attemptId, token2, 'eindtoets', ++seq.n, cmi2004({}));
    expect(started.data.attempt).toMatchObject({ status: 'in-progress', outcome: { completion: 'incomplete', success: 'unknown', done: false } });
    const test = await play(l.data.attemptId, token2, 'eindtoets', seq, { completion: 'completed', success: 'passed', scaled: 0.9 });
    expect(test.attempt).toMatchObject({ status: 'completed', outcome: { completion: 'completed', success: 'passed', done: true, failed: false, score: { scaled: 0.9 }, percent: 90 } });
    const history = await api(`/api/me/scorm/attempts?moduleId=${demoModule}`, { token: me!.token });
    expect(history.data.attempts).toHaveLength(1);
    expect(history.data.attempts[0]).toMatchObject({ attemptId: l.data.attemptId, number: 1, status: 'completed', outcome: { success: 'passed', percent: 90 } });

    // The module's completion is recorded with the score.
    const after = await api('/api/me/learning', { token: me!.token });
    const entry = after.data.completed.find((c: { moduleId: string }) => c.moduleId === demoModule);
    expect(entry).toMatchObject({ kind: 'elearning', result: { source: 'scorm', attemptId: l.data.attemptId, success: 'passed', percent: 90, score: { scaled: 0.9 } } });

    // A new launch of the completed attempt opens nothing (no retakes).
    expect((await runtime(l.data.attemptId, token2)).status).toBe(409);
    expect((await launch(me!.token, demoModule)).data.code).toBe('completed');
  });

  it('the test first: passed (0.9) keeps the attempt open until the lessons are completed; then completed and passed with the test’s score', async () => {
    const [me] = await syntheticEmployees(1, 'u-scorm-rollup-pass');
    const l = await launch(me!.token, demoModule);
    const token = tokenOf(l.data.launchUrl);
    const seq = { n: 0 };
    const test = await play(l.data.attemptId, token, 'eindtoets', seq, { completion: 'completed', scaled: 0.9 });
    expect(test.attempt).toMatchObject({ status: 'in-progress', outcome: { success: 'passed', done: false, score: { scaled: 0.9 } } });
    for (const id of lessons.slice(0, 3)) await play(l.data.attemptId, token, id, seq, { completion: 'completed' });
    const last = await play(l.data.attemptId, token, 'les_2_2', seq, { completion: 'completed' });
    expect(last.attempt).toMatchObject({ status: 'completed', outcome: { completion: 'completed', success: 'passed', done: true, score: { scaled: 0.9 }, percent: 90 } });
    const learning = await api('/api/me/learning', { token: me!.token });
    expect(learning.data.completed.find((c: { moduleId: string }) => c.moduleId === demoModule)?.result).toMatchObject({ success: 'passed', percent: 90, score: { scaled: 0.9 } });
  });

  it('a failed test (0.5): completed and failed by the rollup — the attempt ends failed on the terminate that completes it, and a new attempt may start', async () => {
    const [me] = await syntheticEmployees(1, 'u-scorm-rollup-fail');
    const l = await launch(me!.token, demoModule);
    const token = tokenOf(l.data.launchUrl);
    const seq = { n: 0 };
    for (const id of lessons) {
      const r = await play(l.data.attemptId, token, id, seq, { completion: 'completed' });
      expect(r.attempt).toMatchObject({ status: 'in-progress', outcome: { done: false } });
    }
    // Lessons done, then the test failed: completed and failed, so the attempt ends failed.
    const late = await play(l.data.attemptId, token, 'eindtoets', seq, { completion: 'completed', scaled: 0.5 });
    expect(late.attempt).toMatchObject({ status: 'failed', outcome: { completion: 'completed', success: 'failed', done: false, failed: true, score: { scaled: 0.5 }, percent: 50 } });
    const mine = await api('/api/me/learning', { token: me!.token });
    expect(mine.data.completed.some((c: { moduleId: string }) => c.moduleId === demoModule)).toBe(false);
    // A relaunch starts attempt 2 (from scratch).
    const retry = await launch(me!.token, demoModule);
    expect(retry.status, JSON.stringify(retry.data)).toBe(201);
    expect(retry.data).toMatchObject({ attemptNumber: 2, resumed: false });
    expect(retry.data.attemptId).not.toBe(l.data.attemptId);
    const retryState = await runtime(retry.data.attemptId, tokenOf(retry.data.launchUrl));
    expect(retryState.data.storedSequences).toEqual({});
    expect(retryState.data.storedSequence).toBe(0);

    // Another learner fails the test before the last lesson: the rollup says completed + failed when
    // that lesson terminates, so the attempt ends as failed (not completed) and a new one may start.
    const [other] = await syntheticEmployees(1, 'u-scorm-rollup-fail2');
    const lo = await launch(other!.token, demoModule);
    const to = tokenOf(lo.data.launchUrl);
    const so = { n: 0 };
    const failedTest = await play(lo.data.attemptId, to, 'eindtoets', so, { completion: 'completed', scaled: 0.5 });
    expect(failedTest.attempt).toMatchObject({ status: 'in-progress', outcome: { completion: 'incomplete', success: 'failed', done: false } });
    for (const id of lessons.slice(0, 3)) await play(lo.data.attemptId, to, id, so, { completion: 'completed' });
    const end = await play(lo.data.attemptId, to, 'les_2_2', so, { completion: 'completed' });
    expect(end.attempt).toMatchObject({ status: 'failed', outcome: { completion: 'completed', success: 'failed', done: false, failed: true } });
    const learning = await api('/api/me/learning', { token: other!.token });
    expect(learning.data.completed.some((c: { moduleId: string }) => c.moduleId === demoModule)).toBe(false);
    const again = await launch(other!.token, demoModule);
    expect(again.status).toBe(201);
    expect(again.data).toMatchObject({ attemptNumber: 2, resumed: false });
  });
});
