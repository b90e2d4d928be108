import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients } from '../../functions/src/platform/store/clients';
import { releaseSeat } from '../../functions/src/learning/sessions/store';
import { api, demo, stack, tokenFor } from '../support/api';
import { amsterdamSlot, createModule, createSession, sessionStartingSoon, syntheticEmployees, unique, untilStarted } from '../support/learning';

describe('sessions: seats, waitlist, attendance', () => {
  it('gives 50 simultaneous enrolments for 10 seats exactly 10 seats and 40 waitlist places, nobody twice', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'classroom', title: `Drukte ${unique()}` });
    const s = await createSession(admin, m.id, { capacity: 10 });
    const learners = await syntheticEmployees(50);
    const results = await Promise.all(learners.map((l) => api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: l.token })));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const statuses = results.map((r) => r.data.status);
    expect(statuses.filter((x) => x === 'enrolled')).toHaveLength(10);
    expect(statuses.filter((x) => x === 'waitlisted')).toHaveLength(40);

    const trainer = await tokenFor(demo.trainer);
    const list = await api(`/api/sessions/${s.id}/participants`, { token: trainer });
    expect(list.data.session).toMatchObject({ enrolled: 10, waitlisted: 40, capacity: 10 });
    const ids = list.data.participants.map((p: { userId: string }) => p.userId);
    expect(new Set(ids).size).toBe(50);
    expect(list.data.participants.filter((p: { status: string }) => p.status === 'enrolled')).toHaveLength(10);
    const positions = list.data.participants.filter((p: { status: string }) => p.status === 'waitlisted').map((p: { waitlistPosition: number }) => p.waitlistPosition).sort((a: number, b: number) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    // Enrolling twice is refused, whether seated or waiting.
    const again = await Promise.all(learners.slice(0, 12).map((l) => api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: l.token })));
    expect(again.map((r) => r.status)).toEqual(Array(12).fill(409));
  });

  it('promotes the first waitlisted learner when someone cancels, and when the room grows', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'intervision', title: `Wachtlijst ${unique()}` });
    const s = await createSession(admin, m.id, { capacity: 2 });
    const [a, b, c, d] = await syntheticEmployees(4, 'u-wait');
    for (const l of [a!, b!, c!, d!]) expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: l.token })).status).toBe(201);
    const trainer = await tokenFor(demo.trainer);
    const statusOf = async () => Object.fromEntries((await api(`/api/sessions/${s.id}/participants`, { token: trainer })).data.participants.map((p: { userId: string; status: string }) => [p.userId, p.status]));
    expect(await statusOf()).toEqual({ [a!.id]: 'enrolled', [b!.id]: 'enrolled', [c!.id]: 'waitlisted', [d!.id]: 'waitlisted' });

    expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'DELETE', token: a!.token })).status).toBe(200);
    expect(await statusOf()).toEqual({ [b!.id]: 'enrolled', [c!.id]: 'enrolled', [d!.id]: 'waitlisted' });

    // Capacity below the number enrolled is refused; a larger room takes the waitlist in.
    const tooSmall = await api(`/api/sessions/${s.id}`, { method: 'PATCH', token: admin, json: { capacity: 1 } });
    expect(tooSmall.status).toBe(409);
    expect(tooSmall.data.enrolled).toBe(2);
    const bigger = await api(`/api/sessions/${s.id}`, { method: 'PATCH', token: admin, json: { capacity: 3 } });
    expect(bigger.data).toMatchObject({ capacity: 3, enrolled: 3, waitlisted: 0 });
    expect(await statusOf()).toEqual({ [b!.id]: 'enrolled', [c!.id]: 'enrolled', [d!.id]: 'enrolled' });

    // A cancelled learner may enrol again; now the session is full, so they wait.
    expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: a!.token })).data).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('never lets a newcomer pass the waitlist for a seat that was freed but not yet handed on', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'intervision', title: `Voorrang ${unique()}` });
    const s = await createSession(admin, m.id, { capacity: 1 });
    const [a, b, newcomer] = await syntheticEmployees(3, 'u-queue');
    expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: a!.token })).data).toEqual({ status: 'enrolled' });
    expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: b!.token })).data).toEqual({ status: 'waitlisted', position: 1 });
    // The seat is released in storage, the moment before the promotion would run.
    expect(await releaseSeat(createStoreClients(loadConfig(stack().env)), s.id, a!.id, 'enrolled')).toBe(true);

    const late = await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: newcomer!.token });
    expect(late.data).toMatchObject({ status: 'waitlisted', position: 1 });
    const trainer = await tokenFor(demo.trainer);
    const seats = (await api(`/api/sessions/${s.id}/participants`, { token: trainer })).data.participants;
    expect(Object.fromEntries(seats.map((p: { userId: string; status: string }) => [p.userId, p.status]))).toEqual({ [b!.id]: 'enrolled', [newcomer!.id]: 'waitlisted' });
  });

  it('refuses enrolment after the session started, and cancelling a session one is not in', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'classroom', title: `Begonnen ${unique()}` });
    const started = await createSession(admin, m.id, { start: new Date(Date.now() - 3600_000).toISOString(), end: new Date(Date.now() + 3600_000).toISOString() });
    const [l] = await syntheticEmployees(1, 'u-late');
    const late = await api(`/api/sessions/${started.id}/enrolment`, { method: 'POST', token: l!.token });
    expect(late.status).toBe(409);
    expect(late.data.detail).toMatch(/begonnen/);
    const future = await createSession(admin, m.id);
    expect((await api(`/api/sessions/${future.id}/enrolment`, { method: 'DELETE', token: l!.token })).status).toBe(409);
    expect((await api(`/api/sessions/${future.id}/enrolment`, { method: 'POST' })).status).toBe(401);
    expect((await api(`/api/sessions/nope/enrolment`, { method: 'POST', token: l!.token })).status).toBe(404);
  });

  it('lets only the session\'s trainer register attendance, and offers an .ics invitation in Amsterdam time', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'classroom', title: `Aanwezig ${unique()}` });
    // Next week's Tuesday, 09:30-12:30 in Amsterdam, whatever today is.
    const slot = amsterdamSlot({ weekday: 'Tue', from: '09:30', to: '12:30', minDaysAhead: 7 });
    const s = await createSession(admin, m.id, { start: slot.start, end: slot.end, location: 'Academiegebouw, zaal 2.14; Utrecht' });
    const [l] = await syntheticEmployees(1, 'u-att');
    const enrolled = await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: l!.token });
    expect(enrolled.status, JSON.stringify(enrolled.data)).toBe(201);
    expect(enrolled.data).toEqual({ status: 'enrolled' });

    const ics = await api(`/api/sessions/${s.id}/invite.ics`, { token: l!.token });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.data).toContain(`DTSTART;TZID=Europe/Amsterdam:${slot.icsDate}T093000`);
    expect(ics.data).toContain(`DTEND;TZID=Europe/Amsterdam:${slot.icsDate}T123000`);
    expect(ics.data).toContain('LOCATION:Academiegebouw\\, zaal 2.14\\; Utrecht');
    expect(ics.data).toContain('BEGIN:VTIMEZONE');

    const other = await tokenFor(demo.employee);
    expect((await api(`/api/sessions/${s.id}/attendance/${l!.id}`, { method: 'PUT', token: other, json: { present: true } })).status).toBe(403);
    const trainer = await tokenFor(demo.trainer);
    // Attendance is registered once the session has begun, never ahead of it.
    const early = await api(`/api/sessions/${s.id}/attendance/${l!.id}`, { method: 'PUT', token: trainer, json: { present: true } });
    expect(early.status).toBe(409);
    expect(early.data.detail).toMatch(/nog niet begonnen/);
    const soon = await sessionStartingSoon(admin, m.id);
    expect((await api(`/api/sessions/${soon.id}/enrolment`, { method: 'POST', token: l!.token })).status).toBe(201);
    await untilStarted(soon);
    const marked = await api(`/api/sessions/${soon.id}/attendance/${l!.id}`, { method: 'PUT', token: trainer, json: { present: true } });
    expect(marked.data.status).toBe('attended');
    expect((await api(`/api/sessions/${soon.id}/attendance/u-not-enrolled`, { method: 'PUT', token: trainer, json: { present: true } })).status).toBe(409);
    const mine = await api('/api/me/learning', { token: l!.token });
    expect(mine.data.completed.map((c: { moduleId: string }) => c.moduleId)).toContain(m.id);
  });

  it('accepts only https meeting links, so no participant is sent to http, javascript: or data: URLs', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'online-session', title: `Webinar ${unique()}` });
    const start = new Date(Date.now() + 10 * 86400_000);
    const body = (meetingUrl: string) => ({ start: start.toISOString(), end: new Date(start.getTime() + 3600_000).toISOString(), meetingUrl, trainers: [{ id: demo.trainer, name: 'Ingrid Jansen' }], capacity: 10 });
    for (const url of ['http://meet.example.org/x', 'javascript:alert(1)', 'data:text/html,x']) {
      const res = await api(`/api/modules/${m.id}/sessions`, { method: 'POST', token: admin, json: body(url) });
      expect(res.status, url).toBe(400);
      expect(res.data.errors.map((e: { path: string }) => e.path), url).toContain('meetingUrl');
    }
    expect((await api(`/api/modules/${m.id}/sessions`, { method: 'POST', token: admin, json: body('https://meet.example.org/x') })).status).toBe(201);
  });
});
