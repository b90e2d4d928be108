import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { createNetwork } from '../../functions/src/networks';
import type { Role } from '../../functions/src/platform/auth/roles';
import { api, stack } from '../support/api';
import { untilStarted } from '../support/learning';

/**
 * Network events: a network's lead experts plan sessions of its event modules; members find them
 * on Mijn leren until they enrol; enrolment, the waitlist, attendance and the activity view are the
 * catalogue's own. A network of its own, with made-up people.
 */
const run = Math.random().toString(36).slice(2, 7);
const networkId = `n-events-${run}`;
type Who = 'lead' | 'member' | 'member2' | 'outsider' | 'admin' | 'trainer';
const roles: Record<Who, Role[]> = { lead: ['employee'], member: ['employee'], member2: ['employee'], outsider: ['employee'], admin: ['academy-admin', 'employee'], trainer: ['trainer', 'employee'] };
const id = (w: Who) => `u-events-${w}-${run}`;
const token = {} as Record<Who, string>;
const as = (w: Who, method: string, path: string, json?: unknown) => api(path, { method, token: token[w], ...(json !== undefined ? { json } : {}) });
const inDays = (d: number, h = 0) => new Date(Date.now() + d * 86_400_000 + h * 3_600_000).toISOString();

let eventModule: string;
let otherModule: string;

beforeAll(async () => {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  for (const w of Object.keys(roles) as Who[]) token[w] = await issuer.mint({ id: id(w), name: `Events ${w}`, roles: roles[w] });
  const store = buildDeps(loadConfig(stack().env)).store;
  await createNetwork(store, { id: networkId, name: `Proefnetwerk bijeenkomsten ${run}`, theme: 'proef', description: 'Een netwerk voor de proef met bijeenkomsten.', leads: [id('lead')] }, [
    { userId: id('lead'), name: 'Events lead', role: 'lead' },
    { userId: id('member'), name: 'Events member', role: 'member' },
    { userId: id('member2'), name: 'Events member2', role: 'member' },
  ]);
  const module = async (kind: string, extra: Record<string, unknown>) => {
    const res = await as('admin', 'POST', '/api/modules', { kind, title: `Kenniscafé proef ${run} ${kind}`, description: 'Een bijeenkomst van het proefnetwerk.', durationMinutes: 120, enrolAudience: 'employees', status: 'published', networkId, ...extra });
    expect(res.status, JSON.stringify(res.data)).toBe(201);
    return res.data.id as string;
  };
  eventModule = await module('event', { eventType: 'kenniscafe' });
  otherModule = await module('classroom', {});
});

const plan = (moduleId: string, extra: Record<string, unknown> = {}) => ({ moduleId, start: inDays(10), end: inDays(10, 2), location: 'Buurthuis De Schakel, Amersfoort', capacity: 1, ...extra });

describe('network events', () => {
  it('takes as hosts only employees who are members of the network (a host registers attendance, so points), with their profiles’ names', async () => {
    for (const w of ['member', 'outsider'] as const) expect((await as(w, 'GET', '/api/me')).status).toBe(200);
    const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
    const partnerId = `u-events-partner-${run}`;
    expect((await api('/api/me', { token: await issuer.mint({ id: partnerId, name: 'Events partner', roles: ['partner'], organisationId: 'org-hap-de-linde' }) })).status).toBe(200);
    for (const host of [id('outsider'), partnerId, `u-nobody-${run}`]) {
      const refused = await as('lead', 'POST', `/api/networks/${networkId}/events`, plan(eventModule, { hosts: [host] }));
      expect(refused.status, host).toBe(422);
      expect(refused.data.errors[0].path).toBe('hosts');
    }
    const hosted = await as('lead', 'POST', `/api/networks/${networkId}/events`, plan(eventModule, { hosts: [id('member')], start: inDays(50), end: inDays(50, 2) }));
    expect(hosted.status, JSON.stringify(hosted.data)).toBe(201);
    expect(hosted.data.trainers).toEqual([{ id: id('member'), name: 'Events member' }]);
  });

  it('lets a lead expert plan an event of the network; others are refused; only event modules of the network', async () => {
    const planned = await as('lead', 'POST', `/api/networks/${networkId}/events`, plan(eventModule, { eventType: 'case-discussion' }));
    expect(planned.status, JSON.stringify(planned.data)).toBe(201);
    expect(planned.data).toMatchObject({ moduleId: eventModule, capacity: 1, status: 'planned', trainers: [{ id: id('lead'), name: 'Events lead' }] });
    for (const w of ['member', 'outsider', 'trainer'] as const) expect((await as(w, 'POST', `/api/networks/${networkId}/events`, plan(eventModule))).status, w).toBe(403);
    expect((await api(`/api/networks/${networkId}/events`, { method: 'POST', json: plan(eventModule) })).status).toBe(401);
    // The academy may too.
    expect((await as('admin', 'POST', `/api/networks/${networkId}/events`, plan(eventModule, { start: inDays(40), end: inDays(40, 2), capacity: 20 }))).status).toBe(201);
    // Not an event module, or another network's: 422 naming the field.
    const classroom = await as('lead', 'POST', `/api/networks/${networkId}/events`, plan(otherModule));
    expect(classroom.status).toBe(422);
    expect(classroom.data.errors[0].path).toBe('moduleId');
    expect((await as('lead', 'POST', `/api/networks/${networkId}/events`, plan('m-symposium-suicidepreventie-2027'))).status).toBe(422);
    // Lead of this network only: planning in another network is refused.
    expect((await as('lead', 'POST', '/api/networks/suicidepreventie/events', plan('m-symposium-suicidepreventie-2027'))).status).toBe(403);

    const listed = await as('member', 'GET', `/api/networks/${networkId}/events`);
    expect(listed.status).toBe(200);
    const ours = listed.data.events.find((e: { id: string }) => e.id === planned.data.id);
    expect(ours).toMatchObject({ eventType: 'case-discussion', networkId, title: expect.stringContaining('Kenniscafé proef'), online: false, hosts: ['Events lead'] });
    // Nobody but a planner gets the modules to plan; anonymous visitors do not see an event for employees.
    expect(listed.data).toMatchObject({ mayPlan: false, modules: [] });
    const anonymous = await api(`/api/networks/${networkId}/events`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.data.events).toEqual([]);
    expect((await as('lead', 'GET', `/api/networks/${networkId}/events`)).data).toMatchObject({ mayPlan: true, modules: [{ id: eventModule, eventType: 'kenniscafe' }] });
  });

  it('shows members the events of their networks on Mijn leren until they enrol; enrolment and the waitlist work', async () => {
    const s = (await as('lead', 'POST', `/api/networks/${networkId}/events`, plan(eventModule, { start: inDays(12), end: inDays(12, 2) }))).data;
    const mine = async (w: Who) => ((await as(w, 'GET', '/api/me/network-events')).data as Array<{ id: string; networkName: string }>).map((e) => e.id);
    expect(await mine('member')).toContain(s.id);
    expect(await mine('member2')).toContain(s.id);
    expect(await mine('outsider')).not.toContain(s.id);
    expect((await api('/api/me/network-events')).status).toBe(401);

    // One seat: the first member enrols, the second goes on the waitlist.
    expect((await as('member', 'POST', `/api/sessions/${s.id}/enrolment`)).data).toEqual({ status: 'enrolled' });
    expect((await as('member2', 'POST', `/api/sessions/${s.id}/enrolment`)).data).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await mine('member')).not.toContain(s.id);
    expect(await mine('member2')).not.toContain(s.id);
    // The calendar invitation is the catalogue's.
    const ics = await as('member', 'GET', `/api/sessions/${s.id}/invite.ics`);
    expect(ics.status).toBe(200);
    expect(String(ics.data)).toContain('BEGIN:VEVENT');
    // Cancelling hands the seat on.
    expect((await as('member', 'DELETE', `/api/sessions/${s.id}/enrolment`)).status).toBe(200);
    const participants = await as('lead', 'GET', `/api/sessions/${s.id}/participants`);
    expect(participants.status).toBe(200);
    expect(participants.data.participants).toEqual([{ userId: id('member2'), name: 'Events member2', status: 'enrolled' }]);
  });

  it('counts an event held and its attendance in the activity view', async () => {
    const soon = new Date(Date.now() + 6_000).toISOString();
    const s = (await as('lead', 'POST', `/api/networks/${networkId}/events`, plan(eventModule, { start: soon, end: inDays(0, 2), capacity: 10 }))).data;
    expect((await as('member', 'POST', `/api/sessions/${s.id}/enrolment`)).status).toBe(201);
    expect((await as('member2', 'POST', `/api/sessions/${s.id}/enrolment`)).status).toBe(201);
    await untilStarted({ start: soon });
    // The lead hosts it, so registers attendance.
    expect((await as('lead', 'PUT', `/api/sessions/${s.id}/attendance/${id('member')}`, { present: true })).status).toBe(200);
    expect((await as('lead', 'PUT', `/api/sessions/${s.id}/attendance/${id('member2')}`, { present: false })).status).toBe(200);
    const activity = await as('lead', 'GET', `/api/networks/${networkId}/activity`);
    expect(activity.status).toBe(200);
    const sum = (k: string) => activity.data.quarters.reduce((t: number, q: Record<string, number>) => t + q[k]!, 0);
    expect(sum('eventsHeld')).toBe(1);
    expect(sum('attendance')).toBe(1);
  });
});
