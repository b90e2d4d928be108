import { beforeAll, describe, expect, it } from 'vitest';
import { api, demo, stack, tokenFor } from '../support/api';
import { fixture, importPackage } from '../support/scorm';
import { createModule, syntheticEmployees, unique } from '../support/learning';

/**
 * The module report on the real local stack: Rustici's golf sample (SCORM 1.2) imported through
 * the upload routes, played by three employees through the runtime API with different answers
 * (one passes, one fails, one is still busy), then the report's numbers and the CSV.
 * Also: the module's retakes setting (`scormRetakes`), written by the catalogue, read by launching.
 */


type Answer = [id: string, response: string, result: 'correct' | 'wrong'];

/** A SCORM 1.2 commit as scorm-again renders it (dataCommitFormat json, includeCommitSequence). */
function cmi12(o: { status: string; raw?: string; exit: string; session: string; total?: string; answers: Answer[] }) {
  return {
    suspend_data: '',
    launch_data: '',
    comments: '',
    comments_from_lms: '',
    core: {
      student_id: 'ignored',
      student_name: 'ignored',
      lesson_location: 'Playing/Playing.html',
      credit: 'credit',
      lesson_status: o.status,
      entry: '',
      lesson_mode: 'normal',
      exit: o.exit,
      session_time: o.session,
      score: { raw: o.raw ?? '', min: '', max: '100' },
      ...(o.total ? { total_time: o.total } : {}),
    },
    objectives: {},
    student_data: { mastery_score: '', max_time_allowed: '', time_limit_action: '' },
    student_preference: { audio: '', language: '', speed: '', text: '' },
    interactions: Object.fromEntries(o.answers.map(([id, response, result], i) => [String(i), { id, type: 'choice', student_response: response, result, latency: '00:00:05', time: '', weighting: '', objectives: {}, correct_responses: {} }])),
  };
}

const launch = (token: string, moduleId: string) => api(`/api/modules/${moduleId}/scorm/launch`, { method: 'POST', token });
const tokenOf = (launchUrl: string) => new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('launch')!;

async function play(learnerToken: string, moduleId: string, cmi: ReturnType<typeof cmi12>) {
  const l = await launch(learnerToken, moduleId);
  expect(l.status, JSON.stringify(l.data)).toBe(201);
  const res = await api(`/api/scorm/runtime/${l.data.attemptId}/scos/item_1/commit`, { method: 'POST', headers: { authorization: `Launch ${tokenOf(l.data.launchUrl)}` }, json: { cmi, commitSequence: 1 } });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return { attemptId: l.data.attemptId as string, status: res.data.attempt.status as string };
}

let admin: string;
let author: string;
let employee: string;
let moduleId: string;
let learners: Array<{ id: string; token: string }>;

beforeAll(async () => {
  [admin, author, employee] = await Promise.all([tokenFor(demo.admin), tokenFor(demo.author), tokenFor(demo.employee)]);
  moduleId = (await createModule(admin, { kind: 'elearning', title: `Golfrapport ${unique()}` })).id;
  expect(await importPackage(admin, moduleId, fixture('golf-scorm12-basic-runtime'))).toBe(1);
  learners = await syntheticEmployees(3, 'u-scorm-report');
  // Deelnemer 0 passes (80), Deelnemer 1 fails (40, terminate commit), Deelnemer 2 is still busy.
  const [a, b, c] = await Promise.all([
    play(learners[0]!.token, moduleId, cmi12({ status: 'passed', raw: '80', exit: 'suspend', session: '00:00:30', answers: [['q1', 'b', 'correct'], ['q2', 'c', 'correct']] })),
    play(learners[1]!.token, moduleId, cmi12({ status: 'failed', raw: '40', exit: '', session: '00:00:20', total: '00:00:20', answers: [['q1', 'a', 'wrong'], ['q2', 'a', 'wrong']] })),
    play(learners[2]!.token, moduleId, cmi12({ status: 'incomplete', exit: 'suspend', session: '00:00:10', answers: [['q1', 'a', 'wrong']] })),
  ]);
  expect([a.status, b.status, c.status]).toEqual(['completed', 'failed', 'in-progress']);
});

describe('the module report', () => {
  it('gives exact figures: learners, pass rate, average score and time, attempts per week, per question the share correct and wrong answers', async () => {
    const res = await api(`/api/modules/${moduleId}/scorm/report`, { token: admin });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const r = res.data;
    expect(r).toMatchObject({ moduleId, selfReported: true, latestVersion: 1 });
    expect(r.title).toMatch(/^Golfrapport /);
    expect(r.learners).toEqual({ started: 3, completed: 2, passed: 1, failed: 1, inProgress: 1 });
    expect(r.passRate).toBe(0.5);
    expect(r.averageScore).toBe(60);
    expect(r.averageTimeSeconds).toBe(25);
    expect(r.attempts).toEqual({ total: 3, inProgress: 1, completed: 1, failed: 1, finished: 2, byVersion: [{ version: 1, count: 3 }] });
    const weeks = r.attemptsOverTime as Array<{ weekStart: string; started: number; finished: number }>;
    expect(weeks.reduce((s, w) => s + w.started, 0)).toBe(3);
    expect(weeks.reduce((s, w) => s + w.finished, 0)).toBe(2);
    expect(weeks.every((w) => /^\d{4}-\d{2}-\d{2}$/.test(w.weekStart) && new Date(`${w.weekStart}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(r.interactions).toEqual([
      { scoId: 'item_1', id: 'q1', type: 'choice', responses: 3, correct: 1, wrong: 2, shareCorrect: 0.3333, wrongAnswers: [{ response: 'a', count: 2 }] },
      { scoId: 'item_1', id: 'q2', type: 'choice', responses: 2, correct: 1, wrong: 1, shareCorrect: 0.5, wrongAnswers: [{ response: 'a', count: 1 }] },
    ]);
    // Authors read it too.
    expect((await api(`/api/modules/${moduleId}/scorm/report`, { token: author })).status).toBe(200);
  });

  it('is refused to employees and learners (403 for a published module, 404 for a draft), and to anonymous callers', async () => {
    expect((await api(`/api/modules/${moduleId}/scorm/report`, { token: employee })).status).toBe(403);
    expect((await api(`/api/modules/${moduleId}/scorm/report`, { token: learners[0]!.token })).status).toBe(403);
    expect((await api(`/api/modules/${moduleId}/scorm/report.csv`, { token: employee })).status).toBe(403);
    expect((await api(`/api/modules/${moduleId}/scorm/report`)).status).toBe(401);
    const draft = await createModule(admin, { kind: 'elearning', title: `Concept ${unique()}`, status: 'draft' });
    expect((await api(`/api/modules/${draft.id}/scorm/report`, { token: employee })).status).toBe(404);
    const empty = await api(`/api/modules/${draft.id}/scorm/report`, { token: admin });
    expect(empty.status).toBe(200);
    expect(empty.data).toMatchObject({ latestVersion: null, passRate: null, averageScore: null, attemptsOverTime: [], interactions: [], learners: { started: 0 } });
    expect((await api('/api/modules/m-bestaat-niet/scorm/report', { token: admin })).status).toBe(404);
  });

  it('exports one CSV row per attempt, UTF-8 with a BOM, in the language asked', async () => {
    const res = await fetch(`${stack().appUrl}/api/modules/${moduleId}/scorm/report.csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="scorm-rapport-${moduleId}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).split('\r\n');
    expect(lines[0]).toBe('Deelnemer;Poging;Pakketversie;Status;Resultaat;Score (%);Tijd (seconden);Gestart;Afgerond;Zelf gerapporteerd');
    const rows = lines.slice(1, -1).map((l) => l.split(';'));
    expect(rows.map((r) => r.slice(0, 7))).toEqual([
      ['Deelnemer 0', '1', '1', 'afgerond', 'geslaagd', '80', '30'],
      ['Deelnemer 1', '1', '1', 'niet gehaald', 'gezakt', '40', '20'],
      ['Deelnemer 2', '1', '1', 'bezig', 'onbekend', '', '10'],
    ]);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[7]!) && r[9] === 'ja')).toBe(true);
    expect(rows[2]![8]).toBe('');
    const en = await api(`/api/modules/${moduleId}/scorm/report.csv`, { token: admin, headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(200);
    expect(String(en.data)).toContain('Learner,Attempt,Package version');
    expect(String(en.data)).toContain('Deelnemer 0,1,1,completed,passed,80,30,');
  });
});

describe('retakes (the module setting scormRetakes)', () => {
  it('is written by the catalogue for e-learning modules only, and lets a learner start a new attempt after a completed one', async () => {
    const passed = learners[0]!;
    const refused = await launch(passed.token, moduleId);
    expect(refused.status).toBe(409);
    expect(refused.data.code).toBe('completed');

    const view = await api(`/api/modules/${moduleId}`, { token: admin });
    const { module: m } = view.data;
    expect(m.scormRetakes).toBeUndefined();
    const { id: _id, rev, createdAt: _c, updatedAt: _u, descriptionHtml: _h, ...fields } = m;
    const saved = await api(`/api/modules/${moduleId}`, { method: 'PUT', token: admin, json: { ...fields, scormRetakes: true, expectedRev: rev } });
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    expect(saved.data.scormRetakes).toBe(true);
    expect((await api(`/api/modules/${moduleId}`, { token: admin })).data.module.scormRetakes).toBe(true);
    expect((await api('/api/academy/modules', { token: admin })).data.find((x: { id: string }) => x.id === moduleId).scormRetakes).toBe(true);

    const retake = await launch(passed.token, moduleId);
    expect(retake.status, JSON.stringify(retake.data)).toBe(201);
    expect(retake.data).toMatchObject({ attemptNumber: 2, resumed: false, packageVersion: 1 });
    const history = await api(`/api/me/scorm/attempts?moduleId=${moduleId}`, { token: passed.token });
    expect(history.data.retakes).toBe(true);
    expect(history.data.attempts.map((a: { number: number }) => a.number)).toEqual([2, 1]);
    // The report counts the learner once, the attempts twice.
    const r = (await api(`/api/modules/${moduleId}/scorm/report`, { token: admin })).data;
    expect(r.learners).toMatchObject({ started: 3, passed: 1, inProgress: 2 });
    expect(r.attempts.total).toBe(4);

    // Not a setting of other kinds: dropped when given, and when the kind changes.
    const external = await api('/api/modules', { method: 'POST', token: admin, json: { kind: 'external', provider: 'Trimbos-instituut', title: `Extern ${unique()}`, description: 'Extern.', durationMinutes: 60, enrolAudience: 'employees', scormRetakes: true } });
    expect(external.status, JSON.stringify(external.data)).toBe(201);
    expect(external.data.scormRetakes).toBeUndefined();
    const other = await createModule(admin, { kind: 'elearning', title: `Herkansen ${unique()}`, scormRetakes: true, status: 'draft' });
    const otherView = (await api(`/api/modules/${other.id}`, { token: admin })).data.module;
    expect(otherView.scormRetakes).toBe(true);
    const changed = await api(`/api/modules/${other.id}`, { method: 'PUT', token: admin, json: { kind: 'external', provider: 'GGZ-opleider', title: otherView.title, description: otherView.description, durationMinutes: 60, enrolAudience: 'employees', expectedRev: otherView.rev } });
    expect(changed.status, JSON.stringify(changed.data)).toBe(200);
    expect(changed.data.scormRetakes).toBeUndefined();
    // The schema says boolean.
    expect((await api('/api/modules', { method: 'POST', token: admin, json: { kind: 'elearning', title: `Fout ${unique()}`, description: 'x', durationMinutes: 60, enrolAudience: 'employees', scormRetakes: 'ja' } })).status).toBe(400);
  });
});
