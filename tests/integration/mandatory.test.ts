import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { buildDeps } from '../../functions/src/deps';
import { loadConfig } from '../../functions/src/platform/config';
import { keys } from '../../functions/src/platform/store/keys';
import { get, update } from '../../functions/src/platform/store/table';
import { ensureUser } from '../../functions/src/identity';
import type { Role } from '../../functions/src/platform/auth/roles';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, createSession, daysFromNow, sessionStartingSoon, unique, untilStarted } from '../support/learning';

/**
 * Mandatory training end to end: a requirement, a learner's status from never done to valid, a
 * renewal by a second attendance a year later, and team compliance (own team only, overdue first,
 * CSV). The server's clock is real, so "a year later" is the first completion moved back 14 months
 * in the table (as if it had happened then); the renewal itself goes through the API.
 */
const run = unique();
const team = `team-mand-${run}`;
const department = `Afdeling ${run}`;
let store: StoreClients;
let admin: string;
const people = {} as Record<'learner' | 'colleague' | 'manager' | 'otherManager' | 'partner', { id: string; token: string }>;
let moduleId: string;

async function person(key: keyof typeof people, roles: Role[], profile: { teamId?: string; department?: string; profession?: string }) {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  const id = `u-mand-${key.toLowerCase()}-${run}`;
  const name = { learner: 'Lotte Leerling', colleague: 'Bas Collega', manager: 'Mira Manager', otherManager: 'Olaf Ander', partner: 'Piet Partner' }[key];
  await ensureUser(store, { id, name, roles, ...profile, ...(profile.teamId ? { teamName: `Team ${run}` } : {}), ...(roles.includes('partner') ? { organisationId: 'org-hap-de-linde' } : {}), createdAt: new Date().toISOString() });
  people[key] = { id, token: await issuer.mint({ id, name, roles, ...(roles.includes('partner') ? { organisationId: 'org-hap-de-linde' } : {}) }) };
}

/** Attended: enrol in a session starting in a few seconds, wait for the start, register attendance. */
async function attend(learner: { id: string; token: string }) {
  const s = await sessionStartingSoon(admin, moduleId);
  expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: learner.token })).status).toBe(201);
  await untilStarted(s);
  const res = await api(`/api/sessions/${s.id}/attendance/${learner.id}`, { method: 'PUT', token: admin, json: { present: true } });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return s;
}

const mine = async (who: { token: string }) => {
  const res = await api('/api/me/mandatory', { token: who.token });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return res.data.items.find((i: { moduleId: string }) => i.moduleId === moduleId);
};

beforeAll(async () => {
  store = buildDeps(loadConfig(stack().env)).store;
  admin = await tokenFor(demo.admin);
  await person('learner', ['employee'], { teamId: team, department, profession: 'verpleegkundige' });
  await person('colleague', ['employee'], { teamId: team, department, profession: 'psychiater' });
  await person('manager', ['team-manager', 'employee'], { teamId: team, department });
  await person('otherManager', ['team-manager', 'employee'], { teamId: `${team}-ander`, department });
  await person('partner', ['partner'], {});
  moduleId = (await createModule(admin, { kind: 'classroom', title: `Verplichte training ${run}` })).id;
  await createSession(admin, moduleId, { capacity: 5 });
  // Applies to this run's department only (everyone else in the shared stack is left alone); never done → overdue after 30 days.
  const put = await api(`/api/academy/mandatory/${moduleId}`, { method: 'PUT', token: admin, json: { appliesTo: { departments: [department] }, validityMonths: 12, graceDays: 30, since: daysFromNow(-60) } });
  expect(put.status, JSON.stringify(put.data)).toBe(200);
  expect(put.data).toMatchObject({ moduleId, rev: 1, title: `Verplichte training ${run}`, kind: 'classroom' });
});

describe('requirements', () => {
  it('are kept with optimistic revisions, for the academy only', async () => {
    const again = await api(`/api/academy/mandatory/${moduleId}`, { method: 'PUT', token: admin, json: { appliesTo: { departments: [department] }, validityMonths: 12, graceDays: 30, since: daysFromNow(-60) } });
    expect(again.status).toBe(409);
    const stale = await api(`/api/academy/mandatory/${moduleId}`, { method: 'PUT', token: admin, json: { appliesTo: { departments: [department] }, validityMonths: 12, graceDays: 30, since: daysFromNow(-60), expectedRev: 7 } });
    expect(stale.status).toBe(409);
    const saved = await api(`/api/academy/mandatory/${moduleId}`, { method: 'PUT', token: admin, json: { appliesTo: { departments: [department] }, validityMonths: 12, graceDays: 30, since: daysFromNow(-60), expectedRev: 1 } });
    expect(saved.status, JSON.stringify(saved.data)).toBe(200);
    expect(saved.data.rev).toBe(2);
    const list = await api('/api/academy/mandatory', { token: people.learner.token });
    expect(list.status).toBe(200);
    expect(list.data.requirements.find((r: { moduleId: string }) => r.moduleId === moduleId)).toMatchObject({ rev: 2, validityMonths: 12 });
    expect((await api(`/api/academy/mandatory/${moduleId}`, { method: 'PUT', token: people.manager.token, json: { appliesTo: {}, validityMonths: 12, graceDays: 30, since: daysFromNow(0), expectedRev: 2 } })).status).toBe(403);
    expect((await api('/api/academy/mandatory/m-bestaat-niet', { method: 'PUT', token: admin, json: { appliesTo: {}, validityMonths: 12, graceDays: 30, since: daysFromNow(0) } })).status).toBe(404);
  });
});

describe('a learner’s mandatory training', () => {
  it('is overdue when never done, with the next session to book; valid after attendance; renewed by a second attendance a year later', async () => {
    const before = await mine(people.learner);
    expect(before).toMatchObject({ status: 'overdue', dueOn: daysFromNow(-60) });
    expect(before.nextSession).toMatchObject({ seatsLeft: 5 });
    // Someone outside the department has no such requirement.
    expect(await mine(await (async () => ({ token: await tokenFor(demo.employee) }))())).toBeUndefined();

    await attend(people.learner);
    const after = await mine(people.learner);
    expect(after.status).toBe('valid');
    expect(after.nextSession).toBeUndefined();
    const firstCompletedAt = ((await get(store, keys.learnerModule(people.learner.id, moduleId), { ConsistentRead: true })) as { completedAt: string }).completedAt;

    // A year and two months pass: the completion is moved back as if it had happened then.
    const longAgo = new Date(Date.now() - 426 * 86400_000).toISOString();
    await update(store, keys.learnerModule(people.learner.id, moduleId), { UpdateExpression: 'SET completedAt = :at, lastCompletedAt = :at', ExpressionAttributeValues: { ':at': longAgo } });
    expect((await mine(people.learner)).status).toBe('overdue');

    await attend(people.learner);
    const renewed = await mine(people.learner);
    expect(renewed.status).toBe('valid');
    expect(renewed.completedOn).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
    const stored = (await get(store, keys.learnerModule(people.learner.id, moduleId), { ConsistentRead: true })) as { completedAt: string; lastCompletedAt: string; attendedSessions: Set<string> };
    // The first completion keeps its date (points and paths count it); the renewal is the latest.
    expect(stored.completedAt).toBe(longAgo);
    expect(stored.completedAt).not.toBe(firstCompletedAt);
    expect(Date.parse(stored.lastCompletedAt)).toBeGreaterThan(Date.now() - 3600_000);
    expect(stored.attendedSessions.size).toBe(2);
  });

  it('is not for partners', async () => {
    expect((await api('/api/me/mandatory', { token: people.partner.token })).status).toBe(403);
  });
});

describe('team compliance', () => {
  it('shows a team manager their own team, overdue first, without register progress nobody shared', async () => {
    const res = await api(`/api/teams/${team}/compliance`, { token: people.manager.token });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    // The demo's own requirements (content/portfolio/mandatory.json) apply to these people too: look at this run's module, and at the order.
    const names = res.data.members.map((m: { name: string }) => m.name);
    expect([...names].sort()).toEqual(['Bas Collega', 'Lotte Leerling', 'Mira Manager']);
    const order = ['overdue', 'in-grace', 'due', 'due-soon', 'valid'];
    const worst = res.data.members.map((m: { worst?: string }) => order.indexOf(m.worst ?? 'valid'));
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    const item = (name: string) => res.data.members.find((m: { name: string }) => m.name === name).items.find((i: { moduleId: string }) => i.moduleId === moduleId);
    expect(item('Bas Collega')).toMatchObject({ status: 'overdue' });
    expect(item('Mira Manager')).toMatchObject({ status: 'overdue' });
    expect(item('Lotte Leerling')).toMatchObject({ status: 'valid' });
    // Within a member, the most urgent first too.
    for (const m of res.data.members) {
      const statuses = m.items.map((i: { status: string }) => order.indexOf(i.status));
      expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    }
    // Nobody shares register progress yet (see the next test).
    for (const m of res.data.members) {
      expect(m.shared).toBe(false);
      expect(m.registers).toBeUndefined();
    }
    expect(res.data.counts.members).toBe(3);
    expect(res.data.counts.overdue).toBeGreaterThanOrEqual(2);
    const mineTeam = await api('/api/teams/mine', { token: people.manager.token });
    expect(mineTeam.data).toEqual({ teamId: team, teamName: `Team ${run}`, members: 3 });
  });

  it('shows register progress only of members who share it', async () => {
    const register = async (who: { token: string }, registerId: string, registrationNumber: string, shareWithManager: boolean) => {
      const res = await api('/api/me/portfolio/registrations', { method: 'POST', token: who.token, json: { registerId, registrationNumber, cycleStart: daysFromNow(-400), shareWithManager } });
      expect(res.status, JSON.stringify(res.data)).toBeLessThan(300);
    };
    await register(people.learner, 'vvn-kwaliteitsregister', '12345678', true);
    await register(people.colleague, 'nvvp', '59012345601', false);
    const res = await api(`/api/teams/${team}/compliance`, { token: people.manager.token });
    const member = (name: string) => res.data.members.find((m: { name: string }) => m.name === name);
    expect(member('Lotte Leerling')).toMatchObject({ shared: true, registers: [expect.objectContaining({ registerId: 'vvn-kwaliteitsregister', registerName: 'V&VN Kwaliteitsregister', required: expect.any(Number), missing: expect.any(Number) })] });
    expect(member('Bas Collega').shared).toBe(false);
    expect(member('Bas Collega').registers).toBeUndefined();
    // The CSV carries only what is shared.
    const csv = await (await fetch(`${stack().appUrl}/api/teams/${team}/compliance.csv`, { headers: { authorization: `Bearer ${people.manager.token}` } })).text();
    expect(csv).toContain('V&VN Kwaliteitsregister: ');
    expect(csv).not.toContain('NVvP');
    // The learner's own home page shows their gap, shared or not.
    const home = await api('/api/me/home', { token: people.colleague.token });
    expect(home.data.registers?.map((r: { registerId: string }) => r.registerId)).toContain('nvvp');
  });

  it('hides another team from a team manager, and every team from employees and partners', async () => {
    for (const who of [people.otherManager, people.learner]) {
      const res = await api(`/api/teams/${team}/compliance`, { token: who.token });
      expect(res.status).toBe(404);
      expect((await api(`/api/teams/${team}/compliance.csv`, { token: who.token })).status).toBe(404);
    }
    expect([403, 404]).toContain((await api(`/api/teams/${team}/compliance`, { token: people.partner.token })).status);
    expect((await api(`/api/teams/${team}/compliance`, { token: admin })).status).toBe(200);
  });

  it('exports CSV in the reader’s language', async () => {
    const nl = await fetch(`${stack().appUrl}/api/teams/${team}/compliance.csv`, { headers: { authorization: `Bearer ${people.manager.token}` } });
    expect(nl.status).toBe(200);
    expect(nl.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await nl.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.toString('utf8');
    expect(body.startsWith('\uFEFFNaam;Beroep;Module;Status')).toBe(true);
    expect(body).toContain(`Bas Collega;psychiater;Verplichte training ${run};Te laat`);
    const en = await fetch(`${stack().appUrl}/api/teams/${team}/compliance.csv`, { headers: { authorization: `Bearer ${people.manager.token}`, 'accept-language': 'en' } });
    expect(await en.text()).toContain(`Bas Collega,psychiater,Verplichte training ${run},Overdue`);
  });

  it('puts the team’s overdue training on the manager’s home page, and counts the department for the academy', async () => {
    const home = await api('/api/me/home', { token: people.manager.token });
    expect(home.status, JSON.stringify(home.data)).toBe(200);
    expect(home.data.team).toMatchObject({ teamId: team, members: 3 });
    expect(home.data.team.overdueMembers).toBeGreaterThanOrEqual(2);
    expect(home.data.team.overdue.filter((o: { moduleId: string }) => o.moduleId === moduleId).map((o: { name: string }) => o.name).sort()).toEqual(['Bas Collega', 'Mira Manager']);
    expect(home.data.mandatory.items.map((i: { moduleId: string }) => i.moduleId)).toContain(moduleId);
    const learnerHome = await api('/api/me/home', { token: people.learner.token });
    expect(learnerHome.data.team).toBeUndefined();

    const academy = await api('/api/academy/mandatory/compliance', { token: admin });
    expect(academy.status).toBe(200);
    const row = academy.data.departments.find((d: { department: string }) => d.department === department);
    // Four staff; three of them overdue on this run's module whatever else applies; the learner's status depends on the demo's requirements too.
    expect(row).toMatchObject({ department, members: 4 });
    expect(row.overdue).toBeGreaterThanOrEqual(3);
    // Due soon is still compliant: every person is compliant, due or overdue.
    expect(row.compliant + row.due + row.overdue).toBe(4);
    expect((await api('/api/academy/mandatory/compliance', { token: people.manager.token })).status).toBe(403);
  });
});
