import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients } from '../../functions/src/platform/store/clients';
import { learnerRecord } from '../../functions/src/learning/shared/store';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, createSession, readingArticleSlug, sessionStartingSoon, syntheticEmployees, unique, untilStarted } from '../support/learning';

/** A knowledge article this file published itself, for its reading modules. */
let article: string;
beforeAll(async () => {
  article = await readingArticleSlug();
});

async function buildPath(admin: string) {
  const u = unique();
  const reading = await createModule(admin, { kind: 'reading', title: `Lezen ${u}`, articleSlug: article, accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 1 }] });
  const classroom = await createModule(admin, { kind: 'classroom', title: `Training ${u}`, accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 4 }, { register: 'NIP', points: 3 }] });
  const assignment = await createModule(admin, { kind: 'assignment', title: `Opdracht ${u}`, accreditation: [{ register: 'V&VN Kwaliteitsregister', points: 2 }] });
  const external = await createModule(admin, { kind: 'external', title: `Extern ${u}`, provider: 'Scholingsinstituut Midden' });
  const event = await createModule(admin, { kind: 'event', title: `Symposium ${u}`, eventType: 'symposium' });
  const session = await createSession(admin, classroom.id);
  const steps = [
    { id: 's1', moduleId: reading.id, required: true, unlockAfter: [] },
    { id: 's2', moduleId: classroom.id, required: true, unlockAfter: ['s1'] },
    { id: 's3', moduleId: assignment.id, required: true, unlockAfter: ['s2'] },
    { id: 's4', moduleId: external.id, required: false, unlockAfter: [] },
    { id: 's5', moduleId: event.id, required: false, unlockAfter: [] },
  ];
  const published = await api('/api/paths', { method: 'POST', token: admin, json: { title: `Leerpad ${u}`, description: 'Blended leerpad voor de test.', minOptional: 1, steps } });
  expect(published.status, JSON.stringify(published.data)).toBe(201);
  return { pathId: published.data.id as string, reading, classroom, assignment, external, event, session, steps };
}

describe('blended learning paths', () => {
  it('takes a learner from enrolment to completion, with accreditation, a completion event and an evaluation', async () => {
    const [admin, trainer] = await Promise.all([tokenFor(demo.admin), tokenFor(demo.trainer)]);
    const p = await buildPath(admin);
    const [learner] = await syntheticEmployees(1, 'u-path');
    const t = learner!.token;

    const enrolled = await api(`/api/paths/${p.pathId}/enrol`, { method: 'POST', token: t });
    expect(enrolled.status).toBe(201);
    expect(enrolled.data.progress).toMatchObject({ percent: 0, complete: false, nextStep: 's1' });
    expect((await api(`/api/paths/${p.pathId}/enrol`, { method: 'POST', token: t })).status).toBe(409);

    // Reading: the learner marks it read. Assignment/classroom can't be self-completed.
    expect((await api(`/api/modules/${p.reading.id}/complete`, { method: 'POST', token: t })).status).toBe(200);
    expect((await api(`/api/modules/${p.classroom.id}/complete`, { method: 'POST', token: t })).status).toBe(422);
    expect((await api(`/api/modules/${p.external.id}/complete`, { method: 'POST', token: t, json: {} })).status).toBe(400);

    // Evaluating before completing the path is refused.
    expect((await api('/api/evaluations', { method: 'POST', token: t, json: { targetType: 'path', targetId: p.pathId, rating: 4 } })).status).toBe(409);

    // Classroom: attendance registered by the trainer completes the step.
    // (A session that starts in a few seconds: attendance is registered once it has begun.)
    const today = await sessionStartingSoon(await tokenFor(demo.admin), p.classroom.id);
    expect((await api(`/api/sessions/${today.id}/enrolment`, { method: 'POST', token: t })).status).toBe(201);
    await untilStarted(today);
    expect((await api(`/api/sessions/${today.id}/attendance/${learner!.id}`, { method: 'PUT', token: trainer, json: { present: true } })).status).toBe(200);
    let detail = await api(`/api/paths/${p.pathId}`, { token: t });
    expect(detail.data.my.progress.steps.find((s: { stepId: string }) => s.stepId === 's3').status).toBe('open');

    // Assignment: submitted, returned with feedback, resubmitted, approved.
    expect((await api(`/api/modules/${p.assignment.id}/submission`, { method: 'POST', token: t, json: { text: 'Te kort' } })).status).toBe(400);
    const v1 = await api(`/api/modules/${p.assignment.id}/submission`, { method: 'POST', token: t, json: { text: 'Mijn reflectie op het veiligheidsplan in de praktijk, eerste versie.' } });
    const waiting = await api('/api/trainer/submissions', { token: trainer });
    expect(waiting.data.find((w: { learnerId: string }) => w.learnerId === learner!.id)).toMatchObject({ learnerName: 'Deelnemer 0', moduleId: p.assignment.id, submission: { status: 'submitted', text: 'Mijn reflectie op het veiligheidsplan in de praktijk, eerste versie.' } });
    expect((await api('/api/trainer/submissions', { token: t })).status).toBe(403);
    const noFeedback = await api(`/api/modules/${p.assignment.id}/submission/${learner!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'returned', feedback: '  ', submittedAt: v1.data.submittedAt } });
    expect(noFeedback.status).toBe(400);
    expect(noFeedback.data.errors[0]).toMatchObject({ path: 'feedback', message: 'Geef de deelnemer feedback' });
    await api(`/api/modules/${p.assignment.id}/submission/${learner!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'returned', feedback: 'Beschrijf ook de rol van naasten.', submittedAt: v1.data.submittedAt } });
    const v2 = await api(`/api/modules/${p.assignment.id}/submission`, { method: 'POST', token: t, json: { text: 'Mijn reflectie, nu met de rol van naasten uitgewerkt.' } });
    // A review must say which hand-in it judges.
    const unbound = await api(`/api/modules/${p.assignment.id}/submission/${learner!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'approved', feedback: 'Goed uitgewerkt.' } });
    expect(unbound.status).toBe(400);
    expect(unbound.data.errors[0].path).toBe('submittedAt');
    expect((await api(`/api/modules/${p.assignment.id}/submission/${learner!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'approved', feedback: 'Goed uitgewerkt.', submittedAt: v2.data.submittedAt } })).status).toBe(200);

    // All required steps done, but the minimum of one optional step is not: not complete yet.
    detail = await api(`/api/paths/${p.pathId}`, { token: t });
    expect(detail.data.my.progress.complete).toBe(false);
    expect(detail.data.my.progress.percent).toBeLessThan(100);

    const external = await api(`/api/modules/${p.external.id}/complete`, { method: 'POST', token: t, json: { evidence: 'Certificaat nr. EXT-1142' } });
    expect(external.status).toBe(200);
    detail = await api(`/api/paths/${p.pathId}`, { token: t });
    expect(detail.data.my.progress).toMatchObject({ percent: 100, complete: true });

    const mine = await api('/api/me/learning', { token: t });
    const path = mine.data.paths.find((x: { pathId: string }) => x.pathId === p.pathId);
    expect(path).toMatchObject({ percent: 100, complete: true });
    expect(mine.data.accreditation).toEqual(expect.arrayContaining([{ register: 'V&VN Kwaliteitsregister', points: 7 }, { register: 'NIP', points: 3 }]));
    expect(mine.data.pendingEvaluations).toEqual(expect.arrayContaining([expect.objectContaining({ targetType: 'path', targetId: p.pathId })]));

    const evaluation = await api('/api/evaluations', { method: 'POST', token: t, json: { targetType: 'path', targetId: p.pathId, rating: 4, answers: { learned: 'Veel over het veiligheidsplan', improve: 'Meer oefenen' } } });
    expect(evaluation.status).toBe(201);
    expect((await api('/api/evaluations', { method: 'POST', token: t, json: { targetType: 'path', targetId: p.pathId, rating: 5 } })).status).toBe(409);
    const results = await api(`/api/evaluations/path/${p.pathId}`, { token: admin });
    expect(results.data).toMatchObject({ count: 1, average: 4 });
    expect((await api(`/api/evaluations/path/${p.pathId}`, { token: t })).status).toBe(403);
  });

  it('completes a path on enrolment when its modules were already done, once, with its event', async () => {
    const admin = await tokenFor(demo.admin);
    const u = unique();
    const a = await createModule(admin, { kind: 'reading', title: `Vooraf ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 2 }] });
    const b = await createModule(admin, { kind: 'reading', title: `Ook vooraf ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 1 }] });
    const steps = [
      { id: 's1', moduleId: a.id, required: true, unlockAfter: [] },
      { id: 's2', moduleId: b.id, required: true, unlockAfter: ['s1'] },
    ];
    const path = await api('/api/paths', { method: 'POST', token: admin, json: { title: `Al gedaan ${u}`, description: 'Twee leesstappen.', minOptional: 0, steps } });
    const [learner] = await syntheticEmployees(1, 'u-before');
    const t = learner!.token;
    for (const m of [a, b]) expect((await api(`/api/modules/${m.id}/complete`, { method: 'POST', token: t })).status).toBe(200);
    const readAt = (await api('/api/me/learning', { token: t })).data;

    const enrolled = await api(`/api/paths/${path.data.id}/enrol`, { method: 'POST', token: t });
    expect(enrolled.status).toBe(201);
    expect(enrolled.data.progress).toMatchObject({ percent: 100, complete: true });
    expect(enrolled.data.completedAt).toBeDefined();

    // The path is complete from the moment the learner joined it, not from when they read the modules.
    const record = await learnerRecord(createStoreClients(loadConfig(stack().env)), learner!.id);
    const lp = record.paths.find((x) => x.pathId === path.data.id)!;
    expect(lp.completedAt).toBe(lp.enrolledAt);
    expect(record.events).toEqual([
      { kind: 'path-completed', pathId: path.data.id, version: 1, title: `Al gedaan ${u}`, completedAt: lp.enrolledAt, accreditation: [{ register: 'NIP', points: 3 }] },
    ]);
    expect(readAt.paths).toHaveLength(0);

    // The completed path can be evaluated, and every later run of the completion check records nothing twice.
    expect((await api('/api/evaluations', { method: 'POST', token: t, json: { targetType: 'path', targetId: path.data.id, rating: 5 } })).status).toBe(201);
    // 1. Another completion of a module on the path runs the check for this path again.
    expect((await api(`/api/modules/${b.id}/complete`, { method: 'POST', token: t })).status).toBe(200);
    // 2. A migration to a new version runs it again (the version asks nothing new, so it is complete too).
    const v2 = await api(`/api/paths/${path.data.id}/versions`, { method: 'POST', token: admin, json: { title: `Al gedaan ${u}, versie 2`, description: 'Dezelfde twee leesstappen.', minOptional: 0, steps } });
    expect(v2.status, JSON.stringify(v2.data)).toBe(201);
    const migrated = await api(`/api/paths/${path.data.id}/migrate`, { method: 'POST', token: t });
    expect(migrated.status, JSON.stringify(migrated.data)).toBe(200);
    expect(migrated.data).toMatchObject({ enrolledVersion: 2, completedAt: lp.completedAt, progress: { complete: true } });
    // 3. Both modules completed again, side by side: four runs of the check at once.
    const again = await Promise.all([a, b, a, b].map((m) => api(`/api/modules/${m.id}/complete`, { method: 'POST', token: t })));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // 4. Enrolling or evaluating once more is refused.
    expect((await api(`/api/paths/${path.data.id}/enrol`, { method: 'POST', token: t })).status).toBe(409);
    expect((await api('/api/evaluations', { method: 'POST', token: t, json: { targetType: 'path', targetId: path.data.id, rating: 1 } })).status).toBe(409);

    const after = await learnerRecord(createStoreClients(loadConfig(stack().env)), learner!.id);
    // Exactly the first completion event: same moment, version 1, points not doubled.
    expect(after.events).toEqual(record.events);
    expect(after.paths).toEqual([{ ...lp, version: 2 }]);
    expect((await api(`/api/evaluations/path/${path.data.id}`, { token: admin })).data).toMatchObject({ count: 1, average: 5 });
    const mine = (await api('/api/me/learning', { token: t })).data;
    expect(mine.accreditation).toEqual([{ register: 'NIP', points: 3 }]);
    expect(mine.completed.map((c: { moduleId: string }) => c.moduleId).sort()).toEqual([a.id, b.id].sort());
    expect(mine.pendingEvaluations.filter((e: { targetType: string }) => e.targetType === 'path')).toEqual([]);
  });

  it('completes a path on migration when the new version asks nothing the learner has not done', async () => {
    const admin = await tokenFor(demo.admin);
    const u = unique();
    const a = await createModule(admin, { kind: 'reading', title: `A ${u}`, articleSlug: article });
    const b = await createModule(admin, { kind: 'reading', title: `B ${u}`, articleSlug: article });
    const v1 = await api('/api/paths', { method: 'POST', token: admin, json: { title: `Migratie ${u}`, description: 'x', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: b.id, required: true, unlockAfter: [] }] } });
    const [learner] = await syntheticEmployees(1, 'u-migrate');
    await api(`/api/paths/${v1.data.id}/enrol`, { method: 'POST', token: learner!.token });
    await api(`/api/modules/${a.id}/complete`, { method: 'POST', token: learner!.token });
    // Version 2 makes the unread module optional; migrating completes the path.
    await api(`/api/paths/${v1.data.id}/versions`, { method: 'POST', token: admin, json: { title: `Migratie ${u}`, description: 'x', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: b.id, required: false, unlockAfter: [] }] } });
    expect((await api(`/api/paths/${v1.data.id}`, { token: learner!.token })).data.my.progress.complete).toBe(false);
    const migrated = await api(`/api/paths/${v1.data.id}/migrate`, { method: 'POST', token: learner!.token });
    expect(migrated.data).toMatchObject({ enrolledVersion: 2, progress: { complete: true } });
    expect(migrated.data.completedAt).toBeDefined();
    const record = await learnerRecord(createStoreClients(loadConfig(stack().env)), learner!.id);
    expect(record.events.map((e) => [e.pathId, e.version])).toEqual([[v1.data.id, 2]]);
  });

  it('keeps enrolled learners on their version when a new one is published, and migrates without losing anything', async () => {
    const admin = await tokenFor(demo.admin);
    const p = await buildPath(admin);
    const [early, late] = await syntheticEmployees(2, 'u-version');
    await api(`/api/paths/${p.pathId}/enrol`, { method: 'POST', token: early!.token });
    await api(`/api/modules/${p.reading.id}/complete`, { method: 'POST', token: early!.token });
    const before = (await api(`/api/paths/${p.pathId}`, { token: early!.token })).data.my;

    const extra = await createModule(admin, { kind: 'reading', title: `Extra ${unique()}`, articleSlug: article });
    const v2 = await api(`/api/paths/${p.pathId}/versions`, {
      method: 'POST',
      token: admin,
      json: { title: 'Leerpad, versie 2', description: 'Met een extra verplichte stap.', minOptional: 1, steps: [...p.steps, { id: 's6', moduleId: extra.id, required: true, unlockAfter: [] }] },
    });
    expect(v2.data.version).toBe(2);

    const after = (await api(`/api/paths/${p.pathId}`, { token: early!.token })).data;
    expect(after.my).toMatchObject({ enrolledVersion: 1, latestVersion: 2 });
    expect(after.my.progress).toEqual(before.progress);
    expect(after.path.steps).toHaveLength(5);

    await api(`/api/paths/${p.pathId}/enrol`, { method: 'POST', token: late!.token });
    expect((await api(`/api/paths/${p.pathId}`, { token: late!.token })).data.path.steps).toHaveLength(6);

    const migrated = await api(`/api/paths/${p.pathId}/migrate`, { method: 'POST', token: early!.token });
    expect(migrated.data.enrolledVersion).toBe(2);
    expect(migrated.data.progress.steps.find((s: { stepId: string }) => s.stepId === 's1').status).toBe('complete');
  });

  it('refuses a path pointing to an archived module, and a cycle in unlock rules, with field errors', async () => {
    const admin = await tokenFor(demo.admin);
    const a = await createModule(admin, { kind: 'reading', title: `A ${unique()}`, articleSlug: article });
    const b = await createModule(admin, { kind: 'reading', title: `B ${unique()}`, articleSlug: article });
    const archived = await api(`/api/modules/${b.id}`, {
      method: 'PUT',
      token: admin,
      json: { kind: 'reading', title: 'B gearchiveerd', description: 'x', durationMinutes: 10, enrolAudience: 'employees', articleSlug: article, status: 'archived', expectedRev: b.rev },
    });
    expect(archived.status).toBe(200);
    const withArchived = await api('/api/paths', { method: 'POST', token: admin, json: { title: 'Pad met archief', description: 'x', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: b.id, required: true, unlockAfter: [] }] } });
    expect(withArchived.status).toBe(400);
    expect(withArchived.data.errors[0]).toMatchObject({ path: 'steps.1.moduleId' });

    const cycle = await api('/api/paths', {
      method: 'POST',
      token: admin,
      json: { title: 'Pad met cyclus', description: 'x', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: true, unlockAfter: ['s2'] }, { id: 's2', moduleId: a.id, required: true, unlockAfter: ['s1'] }] },
    });
    expect(cycle.status).toBe(400);
    expect(JSON.stringify(cycle.data.errors)).toMatch(/[Cc]yclus/);

    // A stale edit of a module is a conflict, not an overwrite.
    const stale = await api(`/api/modules/${a.id}`, { method: 'PUT', token: admin, json: { kind: 'reading', title: 'Oud', description: 'x', durationMinutes: 10, enrolAudience: 'employees', articleSlug: article, expectedRev: 99 } });
    expect(stale.status).toBe(409);
    expect((await api('/api/modules', { method: 'POST', token: await tokenFor(demo.employee), json: { kind: 'reading', title: 'Geen rechten', description: 'x', durationMinutes: 1, enrolAudience: 'employees' } })).status).toBe(403);
  });

  it('shows each reader only the modules they may join, with facets over what they see', async () => {
    const admin = await tokenFor(demo.admin);
    // Modules of this test only, found by a marker word in their titles (the catalogue holds more).
    const u = unique();
    const open = await createModule(admin, { kind: 'elearning', title: `Catalogus ${u} voor iedereen`, enrolAudience: 'public' });
    const chain = await createModule(admin, { kind: 'elearning', title: `Catalogus ${u} voor de keten`, enrolAudience: 'partners' });
    const staff = await createModule(admin, { kind: 'elearning', title: `Catalogus ${u} voor medewerkers`, enrolAudience: 'employees' });
    const webinar = await createModule(admin, { kind: 'online-session', title: `Catalogus ${u} webinar`, enrolAudience: 'partners' });
    const ids = (res: { data: { modules: Array<{ id: string }> } }) => res.data.modules.map((m) => m.id).sort();

    const anonymous = await api(`/api/modules?q=${u}&limit=100`);
    expect(anonymous.status).toBe(200);
    expect(ids(anonymous)).toEqual([open.id]);
    expect(anonymous.data.modules.length).toBeGreaterThan(0);
    expect(anonymous.data.modules.every((m: { enrolAudience: string }) => m.enrolAudience === 'public')).toBe(true);

    const asPartner = await api(`/api/modules?q=${u}&limit=100`, { token: await tokenFor(demo.partner) });
    expect(ids(asPartner)).toEqual([open.id, chain.id, webinar.id].sort());
    expect(asPartner.data.modules.length).toBeGreaterThan(0);
    expect(asPartner.data.modules.every((m: { enrolAudience: string }) => m.enrolAudience !== 'employees')).toBe(true);

    const employee = await tokenFor(demo.employee);
    const asEmployee = await api(`/api/modules?q=${u}&limit=100`, { token: employee });
    expect(ids(asEmployee)).toEqual([open.id, chain.id, staff.id, webinar.id].sort());
    expect(asEmployee.data.total).toBe(4);
    expect(asEmployee.data.total).toBeGreaterThan(asPartner.data.total);

    const webinars = await api(`/api/modules?q=${u}&kind=online-session&limit=100`, { token: employee });
    expect(ids(webinars)).toEqual([webinar.id]);
    expect(webinars.data.modules.every((m: { kind: string }) => m.kind === 'online-session')).toBe(true);
    // The kind facet counts what the other filters leave, so the alternatives stay visible.
    expect(webinars.data.facets.kind).toEqual({ elearning: 3, 'online-session': 1 });
    expect((await api('/api/modules?kind=bogus')).status).toBe(400);
  });
});

describe('modules without sessions', () => {
  it('lets a learner enrol in an e-learning module, and refuses module enrolment where sessions are the way in', async () => {
    const admin = await tokenFor(demo.admin);
    const elearning = await createModule(admin, { kind: 'elearning', title: `E-learning ${unique()}` });
    const classroom = await createModule(admin, { kind: 'classroom', title: `Klas ${unique()}` });
    const [l] = await syntheticEmployees(1, 'u-mod');
    expect((await api(`/api/modules/${elearning.id}/enrol`, { method: 'POST', token: l!.token })).status).toBe(201);
    expect((await api(`/api/modules/${classroom.id}/enrol`, { method: 'POST', token: l!.token })).status).toBe(422);
    const mine = await api('/api/me/learning', { token: l!.token });
    expect(mine.data.enrolledModules.map((m: { moduleId: string }) => m.moduleId)).toEqual([elearning.id]);
    const manage = await api('/api/academy/modules', { token: admin });
    expect(manage.data.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([elearning.id, classroom.id]));
    expect((await api('/api/academy/modules', { token: l!.token })).status).toBe(403);
  });
});

describe('assignment reviews', () => {
  it('decides on the version the trainer read, and never on the trainer\'s own work', async () => {
    const [admin, trainer] = await Promise.all([tokenFor(demo.admin), tokenFor(demo.trainer)]);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Beoordeling ${unique()}` });
    const [learner] = await syntheticEmployees(1, 'u-review');
    const first = await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: learner!.token, json: { text: 'Eerste versie van mijn uitwerking, nog kort.' } });
    // The learner hands in again while the trainer still reads the first version.
    const second = await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: learner!.token, json: { text: 'Tweede versie, uitgebreider en met de rol van naasten.' } });
    expect(second.data.submittedAt).not.toBe(first.data.submittedAt);
    const stale = await api(`/api/modules/${assignment.id}/submission/${learner!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'approved', feedback: 'Prima.', submittedAt: first.data.submittedAt } });
    expect(stale.status).toBe(409);
    expect(stale.data.type).toBe('https://academie.example/problems/version-conflict');
    expect((await api(`/api/modules/${assignment.id}`, { token: learner!.token })).data.my.submission.status).toBe('submitted');
    const fresh = await api(`/api/modules/${assignment.id}/submission/${learner!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'approved', feedback: 'Prima.', submittedAt: second.data.submittedAt } });
    expect(fresh.status).toBe(200);

    // Ingrid (trainer) hands in the same assignment herself: another trainer must judge it.
    const own = await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: trainer, json: { text: 'Mijn eigen uitwerking als trainer, ruim lang genoeg.' } });
    expect(own.status).toBe(200);
    const self = await api(`/api/modules/${assignment.id}/submission/u-ingrid-jansen/review`, { method: 'POST', token: trainer, json: { decision: 'approved', feedback: 'Goed.', submittedAt: own.data.submittedAt } });
    expect(self.status).toBe(403);
    expect((await api('/api/me/learning', { token: trainer })).data.completed.map((c: { moduleId: string }) => c.moduleId)).not.toContain(assignment.id);
  });
});

describe('path versions for management', () => {
  it('returns the newest version on request, whatever version the caller is enrolled in', async () => {
    const admin = await tokenFor(demo.admin);
    const a = await createModule(admin, { kind: 'reading', title: `V ${unique()}`, articleSlug: article });
    const v1 = await api('/api/paths', { method: 'POST', token: admin, json: { title: 'Versies', description: 'x', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: true, unlockAfter: [] }] } });
    await api(`/api/paths/${v1.data.id}/enrol`, { method: 'POST', token: admin });
    await api(`/api/paths/${v1.data.id}/versions`, { method: 'POST', token: admin, json: { title: 'Versies 2', description: 'x', minOptional: 0, steps: [{ id: 's1', moduleId: a.id, required: false, unlockAfter: [] }] } });
    expect((await api(`/api/paths/${v1.data.id}`, { token: admin })).data.path.version).toBe(1);
    expect((await api(`/api/paths/${v1.data.id}?version=latest`, { token: admin })).data.path.version).toBe(2);
    expect((await api(`/api/paths/${v1.data.id}?version=9`, { token: admin })).status).toBe(404);
  });
});
