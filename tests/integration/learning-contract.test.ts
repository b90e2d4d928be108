import { describe, expect, it } from 'vitest';
import { api, demo, tokenFor } from '../support/api';
import { createModule, createSession, daysFromNow, readingArticleSlug, sessionStartingSoon, syntheticEmployees, unique, untilStarted } from '../support/learning';
import { AttendanceSchema, CatalogueResultSchema, EvaluationSchema, EvaluationSummarySchema, ReviewResultSchema, ModuleDetailSchema, ModuleSchema, MyLearningSchema, SubmissionSchema, MyPathStateSchema, ParticipantListSchema, PathDetailSchema, PathSummarySchema, SessionSchema, TrainerSessionSchema } from '../../functions/src/learning/schemas';
import { z } from '@hono/zod-openapi';

/** The academy's documented response shapes are what the routes really send: every documented field, with its type. */
describe('academy responses match the OpenAPI document', () => {
  const strict = <T extends z.ZodType>(schema: T, value: unknown) => {
    const result = schema.safeParse(value);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true);
  };

  it('documents and sends the catalogue, paths, path progress and Mijn leren', async () => {
    const [noor, admin, trainer] = await Promise.all([tokenFor(demo.employee), tokenFor(demo.admin), tokenFor(demo.trainer)]);
    // The test's own path (two reading steps and an optional classroom day) and session, not the demo's.
    const article = await readingArticleSlug();
    const u = unique();
    const reading = await createModule(admin, { kind: 'reading', title: `Contract lezen ${u}`, articleSlug: article, accreditation: [{ register: 'NIP', points: 1 }] });
    const m = await createModule(admin, { kind: 'classroom', title: `Contract ${u}` });
    const created = await api('/api/paths', {
      method: 'POST',
      token: admin,
      json: { title: `Contractpad ${u}`, description: 'Leerpad voor de contracttest.', minOptional: 0, steps: [{ id: 's1', moduleId: reading.id, required: true, unlockAfter: [] }, { id: 's2', moduleId: m.id, required: false, unlockAfter: ['s1'] }] },
    });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const pathId = created.data.id as string;
    const start = new Date(Date.now() + 10 * 86400_000);
    const session = await api(`/api/modules/${m.id}/sessions`, { method: 'POST', token: admin, json: { start: start.toISOString(), end: new Date(start.getTime() + 7200_000).toISOString(), location: 'Zaal 2', trainers: [{ id: 'u-ingrid-jansen', name: 'Ingrid Jansen' }], capacity: 1 } });
    expect(session.status).toBe(201);
    strict(SessionSchema, session.data);

    strict(CatalogueResultSchema, (await api('/api/modules?limit=100', { token: noor })).data);
    // A date range around the session (from today, relative to the clock): the module is in it, with its next session.
    const inRange = (await api(`/api/modules?q=${u}&vanaf=${daysFromNow(0)}&from=${daysFromNow(0)}&to=${daysFromNow(30)}`, { token: noor })).data;
    strict(CatalogueResultSchema, inRange);
    expect(inRange.modules.map((x: { id: string }) => x.id)).toEqual([m.id]);
    expect(inRange.modules[0].nextSession).toMatchObject({ id: session.data.id, seatsLeft: 1 });
    // As an employee: anonymous visitors see only the steps open to the public (none in this path).
    const paths = (await api('/api/paths', { token: noor })).data;
    strict(z.array(PathSummarySchema), paths);
    expect(paths.find((p: { id: string }) => p.id === pathId)).toMatchObject({ title: `Contractpad ${u}`, version: 1, stepCount: 2 });
    const [learner] = await syntheticEmployees(1, 'u-contract');
    const enrolled = await api(`/api/paths/${pathId}/enrol`, { method: 'POST', token: learner!.token });
    expect(enrolled.status).toBe(201);
    strict(MyPathStateSchema, enrolled.data);
    strict(MyPathStateSchema, (await api(`/api/paths/${pathId}`, { token: learner!.token })).data.my);
    const mine = (await api('/api/me/learning', { token: learner!.token })).data;
    expect(mine.paths).toHaveLength(1);
    strict(MyLearningSchema, mine);
    strict(MyLearningSchema, (await api('/api/me/learning', { token: noor })).data);

    strict(PathDetailSchema, (await api(`/api/paths/${pathId}`, { token: learner!.token })).data);
    strict(PathDetailSchema, (await api(`/api/paths/${pathId}`)).data);

    // Sessions and what a trainer sees of them.
    const [a, b] = await syntheticEmployees(2, 'u-contract-seat');
    const seats = [];
    for (const l of [a!, b!]) seats.push((await api(`/api/sessions/${session.data.id}/enrolment`, { method: 'POST', token: l.token })).data);
    expect(seats).toEqual([{ status: 'enrolled' }, { status: 'waitlisted', position: 1 }]);
    const participants = (await api(`/api/sessions/${session.data.id}/participants`, { token: trainer })).data;
    expect(participants.participants.map((p: { status: string }) => p.status).sort()).toEqual(['enrolled', 'waitlisted']);
    strict(ParticipantListSchema, participants);
    strict(SessionSchema, (await api(`/api/sessions/${session.data.id}`, { method: 'PATCH', token: admin, json: { capacity: 2 } })).data);
    strict(z.array(TrainerSessionSchema), (await api('/api/trainer/sessions', { token: trainer })).data);

    // Modules: created, read by a learner and anonymously, listed for management, an assignment handed in.
    strict(ModuleSchema, (await api('/api/modules', { method: 'POST', token: admin, json: { kind: 'reading', title: `Lezen ${unique()}`, description: 'Lees het artikel.', durationMinutes: 15, enrolAudience: 'public', status: 'published', accreditation: [], articleSlug: article } })).data);
    strict(ModuleDetailSchema, (await api(`/api/modules/${m.id}`, { token: a!.token })).data);
    // Read anonymously: a public event of the test's own.
    const event = await createModule(admin, { kind: 'event', title: `Kenniscafé ${u}`, eventType: 'kenniscafe', enrolAudience: 'public' });
    const eventSession = await createSession(admin, event.id, { location: 'Grand Café', capacity: 40 });
    const anonymous = await api(`/api/modules/${event.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.data.sessions.map((x: { id: string }) => x.id)).toEqual([eventSession.id]);
    expect(anonymous.data.my).toBeUndefined();
    strict(ModuleDetailSchema, anonymous.data);
    strict(z.array(ModuleSchema.omit({ descriptionHtml: true })), (await api('/api/academy/modules', { token: admin })).data);
    const assignment = await createModule(admin, { kind: 'assignment', title: `Opdracht ${unique()}` });
    const handedIn = (await api(`/api/modules/${assignment.id}/submission`, { method: 'POST', token: a!.token, json: { text: 'Een uitwerking van ruim twintig tekens.' } })).data;
    strict(SubmissionSchema, handedIn);
    const withSubmission = (await api(`/api/modules/${assignment.id}`, { token: a!.token })).data;
    expect(withSubmission.my.submission.status).toBe('submitted');
    strict(ModuleDetailSchema, withSubmission);

    strict(ReviewResultSchema, (await api(`/api/modules/${assignment.id}/submission/${a!.id}/review`, { method: 'POST', token: trainer, json: { decision: 'approved', feedback: 'Goed.', submittedAt: handedIn.submittedAt } })).data);
    const today = await sessionStartingSoon(admin, m.id);
    expect((await api(`/api/sessions/${today.id}/enrolment`, { method: 'POST', token: a!.token })).status).toBe(201);
    await untilStarted(today);
    strict(AttendanceSchema, (await api(`/api/sessions/${today.id}/attendance/${a!.id}`, { method: 'PUT', token: trainer, json: { present: true } })).data);
    const evaluation = await api('/api/evaluations', { method: 'POST', token: a!.token, json: { targetType: 'module', targetId: assignment.id, rating: 4, answers: { learned: 'Veel' } } });
    expect(evaluation.status).toBe(201);
    strict(EvaluationSchema, evaluation.data);
    const summary = (await api(`/api/evaluations/module/${assignment.id}`, { token: admin })).data;
    expect(summary.count).toBe(1);
    strict(EvaluationSummarySchema, summary);

    const doc = (await api('/api/openapi.json')).data;
    for (const name of ['CatalogueResult', 'MyLearning', 'MyPathState', 'PathSummary', 'PathDetail', 'Module', 'ModuleDetail', 'Submission', 'Session', 'ParticipantList', 'TrainerSession', 'ReviewResult', 'Attendance', 'Evaluation', 'EvaluationSummary', 'WaitingSubmission', 'LearnerFile', 'PresignedPost']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    expect(doc.paths['/api/me/learning'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/MyLearning');
  });
});
