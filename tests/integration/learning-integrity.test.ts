import { beforeAll, describe, expect, it } from 'vitest';
import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { keys } from '../../functions/src/platform/store/keys';
import { learnerRecord } from '../../functions/src/learning/shared/store';
import { completeModule } from '../../functions/src/learning/completion/store';
import { countLearnerFiles } from '../../functions/src/learning/files/store';
import { getSession, joinWaitlist } from '../../functions/src/learning/sessions/store';
import * as learnerFiles from '../../functions/src/learning/files/service';
import type { LearningCtx } from '../../functions/src/learning/shared/context';
import { inOffsetOf } from '../../functions/src/learning/domain/instants';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, createSession, readingArticleSlug, sessionStartingSoon, syntheticEmployees, unique, untilStarted } from '../support/learning';

/**
 * The learner's record must stay true to what happened: accreditation as it was when a module was
 * completed, completions that follow attendance corrections, files that a hand-in names, the file
 * cap, retries after a failed copy, and no waitlist for a cancelled session. Races are run, not
 * reasoned about: the conflicting requests go out together, several times.
 */
let clients: StoreClients | undefined;
const store = () => (clients ??= createStoreClients(loadConfig(stack().env)));
const record = (userId: string) => learnerRecord(store(), userId);
const pdf = Buffer.from('%PDF-1.7\n% Bewijsstuk\n1 0 obj << >> endobj\n%%EOF\n');

let admin: string;
let trainer: string;
let article: string;
beforeAll(async () => {
  [admin, trainer] = await Promise.all([tokenFor(demo.admin), tokenFor(demo.trainer)]);
  article = await readingArticleSlug();
});

const mine = async (token: string) => (await api('/api/me/learning', { token })).data as {
  accreditation: Array<{ register: string; points: number }>;
  completed: Array<{ moduleId: string; points: Array<{ register: string; points: number }> }>;
  paths: Array<{ pathId: string; complete: boolean; percent: number }>;
  pendingEvaluations: Array<{ targetType: string; targetId: string }>;
};
const pointsOf = (data: { accreditation: Array<{ register: string; points: number }> }, register: string) => data.accreditation.find((a) => a.register === register)?.points ?? 0;

/** The academy changes a reading module's accreditation (a full edit, as the form sends it). */
async function reaccredit(m: { id: string; title: string }, rev: number, accreditation: Array<{ register: string; points: number }>) {
  const res = await api(`/api/modules/${m.id}`, {
    method: 'PUT',
    token: admin,
    json: { kind: 'reading', title: m.title, description: 'Beschrijving van de module voor de test.', durationMinutes: 60, enrolAudience: 'employees', status: 'published', articleSlug: article, accreditation, expectedRev: rev },
  });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return res.data as { rev: number };
}

describe('accreditation as it was at completion', () => {
  it('keeps Mijn leren totals and path points when the academy changes a module afterwards; later completions get the new points', async () => {
    const u = unique();
    const titleA = `Bevroren A ${u}`;
    const a = await createModule(admin, { kind: 'reading', title: titleA, articleSlug: article, accreditation: [{ register: 'NIP', points: 2, accreditationNumber: 'NIP-1' }] });
    const b = await createModule(admin, { kind: 'reading', title: `Bevroren B ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 1 }] });
    const path = await api('/api/paths', {
      method: 'POST',
      token: admin,
      json: { title: `Bevroren pad ${u}`, description: 'Twee leesstappen.', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: b.id, required: true, unlockAfter: [] }] },
    });
    expect(path.status).toBe(201);
    const [early, late] = await syntheticEmployees(2, 'u-frozen');

    expect((await api(`/api/paths/${path.data.id}/enrol`, { method: 'POST', token: early!.token })).status).toBe(201);
    expect((await api(`/api/modules/${a.id}/complete`, { method: 'POST', token: early!.token })).status).toBe(200);
    expect(pointsOf(await mine(early!.token), 'NIP')).toBe(2);

    // The academy raises the points afterwards (and adds a register).
    await reaccredit({ id: a.id, title: titleA }, a.rev, [{ register: 'NIP', points: 5 }, { register: 'FGzPt', points: 4 }]);

    const after = await mine(early!.token);
    expect(after.accreditation).toEqual([{ register: 'NIP', points: 2 }]);
    expect(after.completed.find((c) => c.moduleId === a.id)!.points).toEqual([{ register: 'NIP', points: 2 }]);
    // The record holds the module as it was: the whole accreditation, its revision and title.
    const frozen = (await record(early!.id)).modules.find((m) => m.moduleId === a.id)!;
    expect(frozen.completedModule).toEqual({ rev: a.rev, title: titleA, accreditation: [{ register: 'NIP', points: 2, accreditationNumber: 'NIP-1' }] });

    // Completing the path later freezes A's points as they were when A was completed.
    expect((await api(`/api/modules/${b.id}/complete`, { method: 'POST', token: early!.token })).status).toBe(200);
    const events = (await record(early!.id)).events;
    expect(events).toEqual([expect.objectContaining({ kind: 'path-completed', pathId: path.data.id, accreditation: [{ register: 'NIP', points: 3 }] })]);
    expect((await mine(early!.token)).accreditation).toEqual([{ register: 'NIP', points: 3 }]);

    // Someone completing A after the change earns the new points.
    expect((await api(`/api/modules/${a.id}/complete`, { method: 'POST', token: late!.token })).status).toBe(200);
    expect((await mine(late!.token)).accreditation).toEqual([
      { register: 'FGzPt', points: 4 },
      { register: 'NIP', points: 5 },
    ]);
  });

  it('freezes an older completion without a copy the first time it is read, and keeps it from then on', async () => {
    const u = unique();
    const title = `Oud record ${u}`;
    const m = await createModule(admin, { kind: 'reading', title, articleSlug: article, accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 3 }] });
    const [learner] = await syntheticEmployees(1, 'u-frozen-old');
    // A completion as records were written before accreditation was frozen on them.
    await completeModule(store(), learner!.id, { moduleId: m.id, title, kind: 'reading' }, new Date().toISOString(), 'reading');
    expect((await record(learner!.id)).modules[0]!.completedModule).toBeUndefined();

    expect((await mine(learner!.token)).accreditation).toEqual([{ register: 'V&VN Kwaliteitsregister', points: 3 }]);
    expect((await record(learner!.id)).modules[0]!.completedModule).toMatchObject({ rev: m.rev, title, accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 3 }] });

    await reaccredit({ id: m.id, title }, m.rev, [{ register: 'V&VN Kwaliteitsregister', points: 8 }]);
    expect((await mine(learner!.token)).accreditation).toEqual([{ register: 'V&VN Kwaliteitsregister', points: 3 }]);
  });
});

describe('attendance corrected to absent', () => {
  it('reverses the completion, the path completion and the points that came only from that attendance', async () => {
    const u = unique();
    const reading = await createModule(admin, { kind: 'reading', title: `Lezen ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 1 }] });
    const classroom = await createModule(admin, { kind: 'classroom', title: `Training ${u}`, accreditation: [{ register: 'NIP', points: 4 }] });
    const path = await api('/api/paths', {
      method: 'POST',
      token: admin,
      json: { title: `Correctiepad ${u}`, description: 'Lezen en een training.', minOptional: 0, steps: [{ id: 's1', moduleId: reading.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: classroom.id, required: true, unlockAfter: [] }] },
    });
    expect(path.status).toBe(201);
    const pathId = path.data.id as string;
    const [learner, twice, racer] = await syntheticEmployees(3, 'u-absent');
    const first = await sessionStartingSoon(admin, classroom.id);
    const second = await sessionStartingSoon(admin, classroom.id, {}, 9_000);
    for (const l of [learner!, twice!, racer!]) {
      expect((await api(`/api/paths/${pathId}/enrol`, { method: 'POST', token: l.token })).status).toBe(201);
      expect((await api(`/api/modules/${reading.id}/complete`, { method: 'POST', token: l.token })).status).toBe(200);
      expect((await api(`/api/sessions/${first.id}/enrolment`, { method: 'POST', token: l.token })).status).toBe(201);
    }
    expect((await api(`/api/sessions/${second.id}/enrolment`, { method: 'POST', token: twice!.token })).status).toBe(201);

    // Not before the session has started: no attendance, no completion.
    const early = await api(`/api/sessions/${first.id}/attendance/${learner!.id}`, { method: 'PUT', token: trainer, json: { present: true } });
    expect(early.status).toBe(409);
    expect((await mine(learner!.token)).completed.map((c) => c.moduleId)).toEqual([reading.id]);

    await untilStarted(second);
    const attend = (userId: string, present: boolean, sessionId = first.id) => api(`/api/sessions/${sessionId}/attendance/${userId}`, { method: 'PUT', token: trainer, json: { present } });
    expect((await attend(learner!.id, true)).status).toBe(200);
    let state = await mine(learner!.token);
    expect(state.paths.find((p) => p.pathId === pathId)).toMatchObject({ complete: true, percent: 100 });
    expect(pointsOf(state, 'NIP')).toBe(5);
    expect((await record(learner!.id)).events).toHaveLength(1);

    // The trainer corrects: the learner was not there after all.
    const corrected = await attend(learner!.id, false);
    expect(corrected.status).toBe(200);
    expect(corrected.data.status).toBe('absent');
    state = await mine(learner!.token);
    expect(state.completed.map((c) => c.moduleId)).toEqual([reading.id]);
    expect(pointsOf(state, 'NIP')).toBe(1);
    expect(state.paths.find((p) => p.pathId === pathId)).toMatchObject({ complete: false });
    expect(state.pendingEvaluations.filter((e) => e.targetType === 'path' || e.targetId === classroom.id)).toEqual([]);
    const after = await record(learner!.id);
    expect(after.events).toEqual([]);
    expect(after.paths.find((p) => p.pathId === pathId)!.completedAt).toBeUndefined();
    expect(after.modules.find((m) => m.moduleId === classroom.id)?.completedAt).toBeUndefined();
    const detail = await api(`/api/paths/${pathId}`, { token: learner!.token });
    expect(detail.data.my.progress.steps).toEqual([
      { stepId: 's1', status: 'complete' },
      { stepId: 's2', status: 'open' },
    ]);
    expect((await api(`/api/modules/${classroom.id}`, { token: learner!.token })).data.my.completed).toBe(false);
    // Evaluating what was not completed is refused again.
    expect((await api('/api/evaluations', { method: 'POST', token: learner!.token, json: { targetType: 'path', targetId: pathId, rating: 4 } })).status).toBe(409);

    // Corrected back to present: completed once more, with one completion event.
    expect((await attend(learner!.id, true)).status).toBe(200);
    expect((await mine(learner!.token)).paths.find((p) => p.pathId === pathId)!.complete).toBe(true);
    expect((await record(learner!.id)).events).toHaveLength(1);

    // Attended two sessions of the module: correcting one keeps the completion the other gives.
    expect((await attend(twice!.id, true)).status).toBe(200);
    expect((await attend(twice!.id, true, second.id)).status).toBe(200);
    expect((await attend(twice!.id, false)).status).toBe(200);
    state = await mine(twice!.token);
    expect(state.completed.map((c) => c.moduleId).sort()).toEqual([reading.id, classroom.id].sort());
    expect(state.paths.find((p) => p.pathId === pathId)!.complete).toBe(true);
    expect(pointsOf(state, 'NIP')).toBe(5);
    // ...and correcting the other one too takes it away.
    expect((await attend(twice!.id, false, second.id)).status).toBe(200);
    state = await mine(twice!.token);
    expect(state.completed.map((c) => c.moduleId)).toEqual([reading.id]);
    expect((await record(twice!.id)).events).toEqual([]);

    // Corrections sent at once, both ways, several rounds: what is recorded always follows the seat.
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all([true, false, true, false, true, false].map((present) => attend(racer!.id, present)));
      expect(results.map((r) => r.status).every((s) => s === 200 || s === 409), JSON.stringify(results.map((r) => r.data))).toBe(true);
      const seat = (await store().doc.send(new GetCommand({ TableName: store().tableName, Key: keys.seat(first.id, racer!.id), ConsistentRead: true }))).Item!;
      const r = await record(racer!.id);
      const attended = seat.status === 'attended';
      expect(Boolean(r.modules.find((m) => m.moduleId === classroom.id)?.completedAt), `round ${round}: seat ${seat.status}`).toBe(attended);
      expect(Boolean(r.paths.find((p) => p.pathId === pathId)?.completedAt), `round ${round}`).toBe(attended);
      expect(r.events, `round ${round}`).toHaveLength(attended ? 1 : 0);
      expect(pointsOf(await mine(racer!.token), 'NIP'), `round ${round}`).toBe(attended ? 5 : 1);
    }
  });
});

describe('a completion moved to another attendance', () => {
  it('moves the completion of the paths it completed with it: their date, their event and its points', async () => {
    const u = unique();
    const reading = await createModule(admin, { kind: 'reading', title: `Lezen ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 1 }] });
    const classroom = await createModule(admin, { kind: 'classroom', title: `Training ${u}`, accreditation: [{ register: 'NIP', points: 4 }] });
    const path = await api('/api/paths', {
      method: 'POST',
      token: admin,
      json: { title: `Verhuispad ${u}`, description: 'Lezen en een training.', minOptional: 0, steps: [{ id: 's1', moduleId: reading.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: classroom.id, required: true, unlockAfter: [] }] },
    });
    expect(path.status).toBe(201);
    const pathId = path.data.id as string;
    const [learner] = await syntheticEmployees(1, 'u-moved');
    const first = await sessionStartingSoon(admin, classroom.id, {}, 3_000);
    const second = await sessionStartingSoon(admin, classroom.id, {}, 3_000);
    expect((await api(`/api/paths/${pathId}/enrol`, { method: 'POST', token: learner!.token })).status).toBe(201);
    expect((await api(`/api/modules/${reading.id}/complete`, { method: 'POST', token: learner!.token })).status).toBe(200);
    for (const s of [first, second]) expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: learner!.token })).status).toBe(201);
    await untilStarted(second);
    const attend = (sessionId: string, present: boolean) => api(`/api/sessions/${sessionId}/attendance/${learner!.id}`, { method: 'PUT', token: trainer, json: { present } });
    const pathState = async () => {
      const r = await record(learner!.id);
      return { module: r.modules.find((m) => m.moduleId === classroom.id)?.completedAt, path: r.paths.find((p) => p.pathId === pathId)?.completedAt, events: r.events.filter((e) => e.pathId === pathId) };
    };

    // Attended the first session, then the second: the first completes the module and with it the path.
    expect((await attend(first.id, true)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    expect((await attend(second.id, true)).status).toBe(200);
    const before = await pathState();
    expect(before.path).toBe(before.module);
    expect(before.events.map((e) => e.completedAt)).toEqual([before.module]);

    // The first is corrected to absent: the module is complete from the second attendance on, and so is the path.
    expect((await attend(first.id, false)).status).toBe(200);
    const after = await pathState();
    expect(after.module! > before.module!, `${after.module} after ${before.module}`).toBe(true);
    expect(after.path).toBe(after.module);
    expect(after.events.map((e) => e.completedAt)).toEqual([after.module]);
    expect(after.events[0]).toMatchObject({ kind: 'path-completed', pathId, accreditation: before.events[0]!.accreditation });
    const state = await mine(learner!.token);
    expect(state.paths.find((p) => p.pathId === pathId)).toMatchObject({ complete: true });
    expect(pointsOf(state, 'NIP')).toBe(5);

    // Correcting the second too takes the module's completion, the path's and its event away.
    expect((await attend(second.id, false)).status).toBe(200);
    expect(await pathState()).toEqual({ module: undefined, path: undefined, events: [] });
    expect(pointsOf(await mine(learner!.token), 'NIP')).toBe(1);
  });
});

describe('the start of a session planned in Amsterdam time', () => {
  it('takes attendance from the moment it begins and closes enrolment then, whatever offset its times are written in', async () => {
    const m = await createModule(admin, { kind: 'classroom', title: `Zomertijd ${unique()}` });
    // Written as the academy plans it, in summer time (+02:00): the same instant, a later-looking string.
    const at = new Date(Date.now() + 8_000);
    const start = inOffsetOf(at.toISOString(), '2026-06-01T09:00:00+02:00');
    const s = await createSession(admin, m.id, { start, end: inOffsetOf(new Date(at.getTime() + 2 * 3600_000).toISOString(), start) });
    const [learner, late] = await syntheticEmployees(2, 'u-offset');
    expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: learner!.token })).status).toBe(201);
    expect((await api(`/api/sessions/${s.id}/attendance/${learner!.id}`, { method: 'PUT', token: trainer, json: { present: true } })).status).toBe(409);
    await untilStarted({ start });
    const attended = await api(`/api/sessions/${s.id}/attendance/${learner!.id}`, { method: 'PUT', token: trainer, json: { present: true } });
    expect(attended.status, JSON.stringify(attended.data)).toBe(200);
    expect((await mine(learner!.token)).completed.map((c) => c.moduleId)).toEqual([m.id]);
    const tooLate = await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: late!.token });
    expect(tooLate.status, JSON.stringify(tooLate.data)).toBe(409);
  });
});

// ---- learner files ------------------------------------------------------------------------------

async function send(token: string, moduleId: string, name = 'stuk.pdf') {
  const start = await api(`/api/modules/${moduleId}/files`, { method: 'POST', token, json: { fileName: name, contentType: 'application/pdf', bytes: pdf.length } });
  expect(start.status, JSON.stringify(start.data)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), name);
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  return start.data.uploadId as string;
}
const complete = (token: string, moduleId: string, uploadId: string) => api(`/api/modules/${moduleId}/files/${uploadId}/complete`, { method: 'POST', token });
async function upload(token: string, moduleId: string, name?: string) {
  const res = await complete(token, moduleId, await send(token, moduleId, name));
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return res.data as { id: string; url: string };
}
const download = (url: string, token: string) => fetch(`${stack().appUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
const fileCounter = async (userId: string, moduleId: string) =>
  (await store().doc.send(new GetCommand({ TableName: store().tableName, Key: keys.learnerFileCount(userId, moduleId), ConsistentRead: true }))).Item?.files as number | undefined;

describe('races around learner files', () => {
  it('never leaves a hand-in or a completion report naming a file deleted at the same moment', async () => {
    const assignment = await createModule(admin, { kind: 'assignment', title: `Inleveren en wissen ${unique()}` });
    const external = await createModule(admin, { kind: 'external', title: `Bewijs en wissen ${unique()}`, provider: 'Scholingsinstituut Midden' });
    const [l] = await syntheticEmployees(1, 'u-file-race');
    const t = l!.token;
    for (let round = 0; round < 6; round++) {
      for (const m of [assignment, external]) {
        const file = await upload(t, m.id, `ronde-${round}.pdf`);
        const handIn =
          m === assignment
            ? api(`/api/modules/${m.id}/submission`, { method: 'POST', token: t, json: { text: `Inlevering ronde ${round}`, files: [file.id] } })
            : api(`/api/modules/${m.id}/complete`, { method: 'POST', token: t, json: { evidence: `Certificaat ronde ${round}`, files: [file.id] } });
        const [named, deleted] = await Promise.all([handIn, api(`/api/modules/${m.id}/files/${file.id}`, { method: 'DELETE', token: t })]);
        const label = `round ${round}, ${m === assignment ? 'hand-in' : 'report'}: ${named.status}/${deleted.status}`;
        // Exactly one wins: the hand-in (and the file stays) or the deletion (and nothing names the file).
        expect([named.status, deleted.status].filter((s) => s === 200), label).toHaveLength(1);
        const stored = (await record(l!.id)).modules.find((x) => x.moduleId === m.id);
        const names = [...(stored?.submission?.files ?? []), ...(stored?.evidenceFiles ?? [])].map((f) => f.id);
        const downloadable = (await download(file.url, t)).status === 200;
        if (named.status === 200) {
          expect(names, label).toContain(file.id);
          expect(downloadable, label).toBe(true);
        } else {
          expect(names, label).not.toContain(file.id);
          expect(downloadable, label).toBe(false);
          // Refused as an unknown file (deleted before the hand-in looked) or as a conflict (deleted while it was saved).
          expect([400, 409], label).toContain(named.status);
        }
        // Make room for the next round: a returned hand-in frees its file for deletion later.
        if (m === assignment && named.status === 200) {
          const waiting = (await api('/api/trainer/submissions', { token: trainer })).data.find((w: { learnerId: string; moduleId: string }) => w.learnerId === l!.id && w.moduleId === m.id);
          expect((await api(`/api/modules/${m.id}/submission/${l!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'returned', feedback: 'Nog een keer.', submittedAt: waiting.submission.submittedAt } })).status).toBe(200);
        }
      }
    }
  });

  it('holds the cap of ten when deletions and completions run at once', async () => {
    const assignment = await createModule(admin, { kind: 'assignment', title: `Plafond ${unique()}` });
    const [l] = await syntheticEmployees(1, 'u-file-cap');
    const t = l!.token;
    const kept = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(t, assignment.id, `deel-${i}.pdf`)));
    for (let round = 0; round < 3; round++) {
      const pending = await Promise.all(Array.from({ length: 4 }, (_, i) => send(t, assignment.id, `extra-${round}-${i}.pdf`).catch(() => undefined)));
      const victims = kept.splice(0, 2);
      const [deletions, completions] = await Promise.all([
        Promise.all(victims.map((f) => api(`/api/modules/${assignment.id}/files/${f.id}`, { method: 'DELETE', token: t }))),
        Promise.all(pending.filter((x): x is string => Boolean(x)).map((id) => complete(t, assignment.id, id))),
      ]);
      expect(deletions.map((d) => d.status)).toEqual([200, 200]);
      for (const c of completions) if (c.status === 201) kept.push(c.data);
      const files = await countLearnerFiles(store(), l!.id, assignment.id);
      expect(files, `round ${round}: ${completions.map((c) => c.status)}`).toBeLessThanOrEqual(10);
      expect(await fileCounter(l!.id, assignment.id), `round ${round}`).toBe(files);
      expect(files).toBe(kept.length);
    }
  });

  it('lets a learner retry an upload whose copy failed after it was claimed', async () => {
    const assignment = await createModule(admin, { kind: 'assignment', title: `Opnieuw ${unique()}` });
    const [l] = await syntheticEmployees(1, 'u-file-retry');
    // The API's own code, in this process, over stores whose first CopyObject fails as S3 may (503).
    let copies = 0;
    const flaky = {
      ...store(),
      s3: {
        send: async (command: unknown, ...rest: unknown[]) => {
          if (command instanceof CopyObjectCommand && copies++ === 0) throw Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
          return (store().s3.send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
        },
      },
    } as unknown as StoreClients;
    const ctx: LearningCtx = { store: flaky, principal: { id: l!.id, name: 'Deelnemer 0', roles: ['employee'] } };

    const uploadId = await send(l!.token, assignment.id);
    await expect(learnerFiles.completeUpload(ctx, assignment.id, uploadId)).rejects.toMatchObject({ name: 'SlowDown' });
    expect(copies).toBe(1);
    expect(await fileCounter(l!.id, assignment.id)).toBe(0);

    // The learner tries again (twice at once, a double click): the upload becomes one file.
    const retried = await Promise.all([1, 2].map(() => complete(l!.token, assignment.id, uploadId)));
    expect(retried.map((r) => r.status).sort(), JSON.stringify(retried.map((r) => r.data))).toEqual([201, 404]);
    const file = retried.find((r) => r.status === 201)!.data as { url: string };
    const res = await download(file.url, l!.token);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    expect(await countLearnerFiles(store(), l!.id, assignment.id)).toBe(1);
    expect(await fileCounter(l!.id, assignment.id)).toBe(1);
  });

  it('lets a learner retry an upload whose file record could not be written after the copy', async () => {
    const assignment = await createModule(admin, { kind: 'assignment', title: `Record opnieuw ${unique()}` });
    const [l] = await syntheticEmployees(1, 'u-file-record');
    // The API's own code, in this process, over a table whose first write of a file record fails as DynamoDB may (500).
    let failed = 0;
    const writesFile = (command: unknown) =>
      (command instanceof PutCommand && command.input.Item?.type === 'learner-file') ||
      (command instanceof TransactWriteCommand && (command.input.TransactItems ?? []).some((t) => t.Put?.Item?.type === 'learner-file'));
    const flaky = {
      ...store(),
      doc: {
        send: async (command: unknown, ...rest: unknown[]) => {
          if (writesFile(command) && failed++ === 0) throw Object.assign(new Error('Internal server error'), { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } });
          return (store().doc.send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
        },
      },
    } as unknown as StoreClients;
    const ctx: LearningCtx = { store: flaky, principal: { id: l!.id, name: 'Deelnemer 0', roles: ['employee'] } };

    const uploadId = await send(l!.token, assignment.id);
    await expect(learnerFiles.completeUpload(ctx, assignment.id, uploadId)).rejects.toMatchObject({ name: 'InternalServerError' });
    expect(failed).toBe(1);
    expect(await fileCounter(l!.id, assignment.id)).toBe(0);

    const retried = await complete(l!.token, assignment.id, uploadId);
    expect(retried.status, JSON.stringify(retried.data)).toBe(201);
    const res = await download(retried.data.url, l!.token);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
    expect(await countLearnerFiles(store(), l!.id, assignment.id)).toBe(1);
    expect(await fileCounter(l!.id, assignment.id)).toBe(1);
  });
});

describe('a cancelled session', () => {
  it('takes nobody, not even on its waitlist', async () => {
    const m = await createModule(admin, { kind: 'classroom', title: `Gaat niet door ${unique()}` });
    const full = await createSession(admin, m.id, { capacity: 1 });
    const open = await createSession(admin, m.id, { capacity: 5 });
    const [first, ...others] = await syntheticEmployees(7, 'u-cancelled');
    expect((await api(`/api/sessions/${full.id}/enrolment`, { method: 'POST', token: first!.token })).status).toBe(201);
    // What an enrolment read just before the cancellation: a planned, full session.
    const readBefore = (await getSession(store(), full.id))!;
    expect(readBefore.status).toBe('planned');
    // The academy cancels both sessions (no route yet: written as the cancellation will write it).
    for (const s of [full, open]) {
      await store().doc.send(new UpdateCommand({ TableName: store().tableName, Key: keys.session(s.id), UpdateExpression: 'SET #s = :c', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':c': 'cancelled' } }));
    }
    // The cancellation lands between that read and the write: the write's own condition refuses the place.
    const now = new Date().toISOString();
    const seat = { sessionId: full.id, userId: others[0]!.id, name: 'Deelnemer 1', status: 'waitlisted' as const, createdAt: now, start: readBefore.start };
    expect(await joinWaitlist(store(), readBefore, seat, `${Date.now()}`, now)).toBe('closed');
    for (const s of [full, open]) {
      const results = await Promise.all(others.map((o) => api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: o.token })));
      expect(results.map((r) => r.status), JSON.stringify(results.map((r) => r.data))).toEqual(Array(others.length).fill(409));
      const participants = await api(`/api/sessions/${s.id}/participants`, { token: admin });
      expect(participants.data.session).toMatchObject({ status: 'cancelled', waitlisted: 0, enrolled: s === full ? 1 : 0 });
      expect(participants.data.participants.filter((p: { status: string }) => p.status === 'waitlisted')).toEqual([]);
    }
  });
});
