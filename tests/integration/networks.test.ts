import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import type { Role } from '../../functions/src/platform/auth/roles';
import { api, stack } from '../support/api';

/**
 * Networks (functions/src/networks): membership and network roles, the privacy of member lists,
 * partners and networks open to them, the academy creating and archiving, an audit entry with the
 * request id for every access change, and exact member counts under concurrent joins. Every person
 * is made up for this file and every network it changes is its own, so parallel files never meet.
 */

const run = Math.random().toString(36).slice(2, 7);
interface Person {
  id: string;
  name: string;
  token: string;
}
let issuer: Awaited<ReturnType<typeof createDevIssuer>>;
async function person(key: string, roles: Role[], extra: Record<string, string> = {}): Promise<Person> {
  const id = `u-net-${key}-${run}`;
  const name = `Netwerktest ${key} ${run}`;
  const token = await issuer.mint({ id, name, roles, ...extra });
  // The profile (what an appointment names) is made on the first /api/me.
  expect((await api('/api/me', { token })).status).toBe(200);
  return { id, name, token };
}

const p = {} as Record<'admin' | 'lead' | 'colead' | 'author' | 'employee' | 'other' | 'outsider' | 'partner', Person>;
const open = `net-open-${run}`;
const closed = `net-dicht-${run}`;

async function must(token: string | undefined, method: string, path: string, json: unknown, status: number) {
  const res = await api(path, { method, ...(token ? { token } : {}), ...(json !== undefined ? { json } : {}) });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.data)}`).toBe(status);
  return res;
}

/** The audit entries of an action by a person (today), as the academy reads them. */
async function auditOf(action: string, actorId: string) {
  const res = await must(p.admin.token, 'GET', `/api/academy/audit?action=${action}&actor=${actorId}`, undefined, 200);
  return res.data.entries as Array<{ action: string; requestId: string; target: { kind: string; id?: string; name?: string | null }; details?: Record<string, unknown> }>;
}

beforeAll(async () => {
  issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  p.admin = await person('admin', ['academy-admin', 'employee']);
  p.lead = await person('lead', ['employee']);
  p.colead = await person('colead', ['employee']);
  p.author = await person('author', ['employee']);
  p.employee = await person('employee', ['employee']);
  p.other = await person('other', ['employee']);
  p.outsider = await person('outsider', ['employee']);
  p.partner = await person('partner', ['partner'], { organisationId: 'org-hap-de-linde' });
  const input = (id: string, openToPartners: boolean) => ({
    id,
    name: `Testnetwerk ${id}`,
    theme: 'zelfbeschadiging',
    kind: 'cross-cutting',
    openToPartners,
    description: 'Een netwerk voor de integratietest van lidmaatschap en rollen.',
    goals: '## Doelen\n\n- **Eén** werkwijze',
    leads: [p.lead.id],
  });
  await must(p.admin.token, 'POST', '/api/networks', input(open, true), 201);
  await must(p.admin.token, 'POST', '/api/networks', input(closed, false), 201);
});

describe('creating networks (the academy)', () => {
  it('creates a network with its first lead expert, audited with the request id; nobody else may', async () => {
    const res = await must(p.admin.token, 'POST', '/api/networks', { name: `Expertnetwerk Ééntje ${run}`, theme: 'test', kind: 'diagnosis', description: 'Nog een netwerk voor de test.', leads: [p.lead.id] }, 201);
    expect(res.data).toMatchObject({ id: `eentje-${run}`, status: 'active', memberCount: 1, myRole: null, leads: [p.lead.id], goalsHtml: '' });
    const entries = await auditOf('network.create', p.admin.id);
    expect(entries.find((e) => e.target.id === res.data.id)).toMatchObject({ requestId: res.headers.get('x-request-id'), target: { kind: 'network' }, details: { leads: 1 } });
    const appointed = (await auditOf('network.role-change', p.admin.id)).filter((e) => e.details?.networkId === res.data.id);
    expect(appointed).toEqual([expect.objectContaining({ requestId: res.headers.get('x-request-id'), target: expect.objectContaining({ kind: 'person', name: p.lead.name }), details: { networkId: res.data.id, from: 'none', to: 'lead' } })]);

    await must(p.admin.token, 'POST', '/api/networks', { id: open, name: 'Dubbel', theme: 'test', kind: 'diagnosis', description: 'Zelfde id als een ander.' }, 409);
    await must(p.admin.token, 'POST', '/api/networks', { name: 'Onbekende leider', theme: 'test', kind: 'diagnosis', description: 'Met iemand die niet bestaat.', leads: ['u-bestaat-niet'] }, 422);
    for (const who of [p.lead, p.employee, p.partner]) await must(who.token, 'POST', '/api/networks', { name: `Niet van ${who.id}`, theme: 'xy', kind: 'diagnosis', description: 'Mag deze persoon niet.' }, 403);
    await must(undefined, 'POST', '/api/networks', { name: 'Anoniem netwerk', theme: 'xy', kind: 'diagnosis', description: 'Mag niemand anoniem.' }, 401);
  });
});

describe('membership', () => {
  it('lets an employee join (once: joining again changes nothing) and leave, with the count and the audit log following', async () => {
    const joined = await must(p.employee.token, 'POST', `/api/networks/${open}/membership`, undefined, 201);
    expect(joined.data).toEqual({ networkId: open, userId: p.employee.id, role: 'member', memberCount: 2 });
    const again = await must(p.employee.token, 'POST', `/api/networks/${open}/membership`, undefined, 200);
    expect(again.data.memberCount).toBe(2);
    const page = await must(p.employee.token, 'GET', `/api/networks/${open}`, undefined, 200);
    expect(page.data).toMatchObject({ myRole: 'member', memberCount: 2, can: { join: false, leave: true, editPage: false, manageMembers: false, archive: false } });
    const joins = (await auditOf('network.join', p.employee.id)).filter((e) => e.target.id === open);
    expect(joins).toEqual([expect.objectContaining({ requestId: joined.headers.get('x-request-id'), details: { role: 'member' } })]);

    const left = await must(p.employee.token, 'DELETE', `/api/networks/${open}/membership`, undefined, 204);
    expect((await must(p.employee.token, 'GET', `/api/networks/${open}`, undefined, 200)).data).toMatchObject({ myRole: null, memberCount: 1, can: { join: true, leave: false } });
    await must(p.employee.token, 'DELETE', `/api/networks/${open}/membership`, undefined, 204);
    expect((await auditOf('network.leave', p.employee.id)).filter((e) => e.target.id === open)).toEqual([expect.objectContaining({ requestId: left.headers.get('x-request-id') })]);
    await must(undefined, 'POST', `/api/networks/${open}/membership`, undefined, 401);
    await must(p.employee.token, 'POST', '/api/networks/bestaat-niet/membership', undefined, 404);
  });

  it('lets a partner join a network open to partners, never a closed one; a partner member still sees only the lead experts', async () => {
    await must(p.partner.token, 'POST', `/api/networks/${closed}/membership`, undefined, 403);
    expect((await must(p.partner.token, 'GET', `/api/networks/${closed}`, undefined, 200)).data.can.join).toBe(false);
    await must(p.partner.token, 'POST', `/api/networks/${open}/membership`, undefined, 201);
    const page = await must(p.partner.token, 'GET', `/api/networks/${open}`, undefined, 200);
    expect(page.data.myRole).toBe('member');
    expect(page.data.members).toEqual([expect.objectContaining({ userId: p.lead.id, role: 'lead' })]);
    await must(p.partner.token, 'DELETE', `/api/networks/${open}/membership`, undefined, 204);
  });

  it('keeps the count exact when many join at once', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => issuer.mint({ id: `u-net-rush-${run}-${i}`, name: `Drukte ${i}`, roles: ['employee'] })));
    const before = (await must(p.admin.token, 'GET', `/api/networks/${closed}`, undefined, 200)).data.memberCount as number;
    const joinOnce = async (token: string): Promise<number> => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const res = await api(`/api/networks/${closed}/membership`, { method: 'POST', token });
        // A retryable conflict (contention left after the API's own retries) says to try again.
        if (res.status === 409 && res.headers.get('retry-after')) continue;
        return res.status;
      }
      return 0;
    };
    const statuses = await Promise.all([...people, ...people.slice(0, 4)].map(joinOnce));
    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(16);
    const page = (await must(p.admin.token, 'GET', `/api/networks/${closed}`, undefined, 200)).data;
    expect(page.memberCount).toBe(before + 12);
    expect(page.members).toHaveLength(before + 12);
    const listed = (await must(p.admin.token, 'GET', '/api/networks', undefined, 200)).data.find((n: { id: string }) => n.id === closed);
    expect(listed.memberCount).toBe(before + 12);
  });
});

describe('member lists and privacy', () => {
  beforeAll(async () => {
    await must(p.other.token, 'POST', `/api/networks/${open}/membership`, undefined, 201);
  });

  it('shows members to employees, only the lead experts to partners, no names to anonymous visitors', async () => {
    const staff = (await must(p.outsider.token, 'GET', `/api/networks/${open}`, undefined, 200)).data;
    expect(staff.members.map((m: { userId: string }) => m.userId).sort()).toEqual([p.lead.id, p.other.id].sort());
    const partner = (await must(p.partner.token, 'GET', `/api/networks/${open}`, undefined, 200)).data;
    expect(partner.members).toEqual([expect.objectContaining({ userId: p.lead.id, name: p.lead.name, role: 'lead' })]);
    expect(partner.leadExperts).toEqual([{ userId: p.lead.id, name: p.lead.name }]);
    const anonymous = (await must(undefined, 'GET', `/api/networks/${open}`, undefined, 200)).data;
    expect(anonymous.members).toEqual([]);
    expect(anonymous.leadExperts).toEqual([]);
    expect(anonymous.can).toEqual({ join: false, leave: false, editPage: false, manageMembers: false, archive: false });
    // The overview the same way: names of lead experts for signed-in callers only.
    const listed = (who?: Person) => api(`/api/networks?q=${encodeURIComponent(`Testnetwerk ${open}`)}`, who ? { token: who.token } : {}).then((r) => r.data.find((n: { id: string }) => n.id === open));
    expect((await listed(p.partner)).leadExperts).toEqual([{ userId: p.lead.id, name: p.lead.name }]);
    expect((await listed()).leadExperts).toEqual([]);
    expect(JSON.stringify(await listed())).not.toContain(p.lead.name);
    // Nor their ids (which may carry a name).
    expect((await listed()).leads).toEqual([]);
    expect(anonymous.leads).toEqual([]);
    expect(JSON.stringify(anonymous)).not.toContain(p.lead.id);
  });
});

describe('network roles', () => {
  it('lets a lead expert appoint a co-lead and a network author, make them members again and remove a member; audited with the request id', async () => {
    await must(p.colead.token, 'POST', `/api/networks/${open}/membership`, undefined, 201);
    const appointed = await must(p.lead.token, 'PUT', `/api/networks/${open}/members/${p.colead.id}`, { role: 'lead' }, 200);
    expect(appointed.data).toMatchObject({ userId: p.colead.id, role: 'lead' });
    // Someone not yet a member is added with the role.
    const author = await must(p.lead.token, 'PUT', `/api/networks/${open}/members/${p.author.id}`, { role: 'author' }, 201);
    expect(author.data).toMatchObject({ userId: p.author.id, name: p.author.name, role: 'author' });
    await must(p.lead.token, 'PUT', `/api/networks/${open}/members/${p.author.id}`, { role: 'author' }, 200);

    const page = (await must(p.colead.token, 'GET', `/api/networks/${open}`, undefined, 200)).data;
    expect(page.myRole).toBe('lead');
    expect(page.can).toMatchObject({ editPage: true, manageMembers: true, archive: false });
    expect(page.leads.sort()).toEqual([p.lead.id, p.colead.id].sort());
    expect(page.leadExperts.map((l: { userId: string }) => l.userId).sort()).toEqual([p.lead.id, p.colead.id].sort());
    // The overview's lead experts come from the lead index.
    const listed = (await must(p.employee.token, 'GET', '/api/networks?status=all', undefined, 200)).data.find((n: { id: string }) => n.id === open);
    expect(listed.leadExperts.map((l: { userId: string }) => l.userId).sort()).toEqual([p.lead.id, p.colead.id].sort());

    // The network author writes in the network (a draft article), an ordinary member does not.
    const draft = { networkId: open, title: `Artikel van de netwerkauteur ${run}`, summary: 'Samenvatting van het artikel.', markdown: '# Kop\n\nTekst.', tags: [], themes: [], audience: 'internal', language: 'nl' };
    await must(p.author.token, 'POST', '/api/articles', draft, 201);
    await must(p.other.token, 'POST', '/api/articles', { ...draft, title: `Niet van een lid ${run}` }, 403);

    const removed = await must(p.colead.token, 'DELETE', `/api/networks/${open}/members/${p.other.id}`, undefined, 204);
    await must(p.colead.token, 'DELETE', `/api/networks/${open}/members/${p.other.id}`, undefined, 404);
    const demoted = await must(p.lead.token, 'PUT', `/api/networks/${open}/members/${p.author.id}`, { role: 'member' }, 200);
    expect((await must(p.lead.token, 'GET', `/api/networks/${open}`, undefined, 200)).data.members.find((m: { userId: string }) => m.userId === p.author.id).role).toBe('member');

    const changes = await auditOf('network.role-change', p.lead.id);
    expect(changes.find((e) => e.requestId === appointed.headers.get('x-request-id'))).toMatchObject({ target: { kind: 'person', name: p.colead.name }, details: { networkId: open, from: 'member', to: 'lead' } });
    expect(changes.find((e) => e.requestId === author.headers.get('x-request-id'))).toMatchObject({ details: { networkId: open, from: 'none', to: 'author' } });
    expect(changes.find((e) => e.requestId === demoted.headers.get('x-request-id'))).toMatchObject({ details: { networkId: open, from: 'author', to: 'member' } });
    expect((await auditOf('network.remove-member', p.colead.id)).find((e) => e.requestId === removed.headers.get('x-request-id'))).toMatchObject({ target: { kind: 'person', name: p.other.name }, details: { networkId: open, role: 'member' } });
  });

  it('refuses members, leads of other networks, partners and anonymous visitors managing members', async () => {
    await must(p.employee.token, 'POST', `/api/networks/${open}/membership`, undefined, 201);
    for (const who of [p.employee, p.outsider, p.partner]) {
      await must(who.token, 'PUT', `/api/networks/${open}/members/${p.employee.id}`, { role: 'lead' }, 403);
      await must(who.token, 'DELETE', `/api/networks/${open}/members/${p.employee.id}`, undefined, 403);
      await must(who.token, 'PUT', `/api/networks/${open}`, { description: 'Een nieuwe beschrijving van het netwerk.', goals: '', expectedRev: 1 }, 403);
    }
    await must(undefined, 'PUT', `/api/networks/${open}/members/${p.employee.id}`, { role: 'lead' }, 401);
    // A lead expert of one network is nobody special in another.
    await must(p.lead.token, 'PUT', `/api/networks/${closed}/members/${p.employee.id}`, { role: 'author' }, 201);
    await must(p.colead.token, 'PUT', `/api/networks/${closed}/members/${p.employee.id}`, { role: 'lead' }, 403);
  });

  it('appoints only employees as lead experts or network authors, and partners as members only where the network is open to them', async () => {
    // A partner: never a lead or an author (they would write and publish), not a member of a closed network.
    for (const role of ['lead', 'author'] as const) await must(p.lead.token, 'PUT', `/api/networks/${open}/members/${p.partner.id}`, { role }, 422);
    await must(p.lead.token, 'PUT', `/api/networks/${closed}/members/${p.partner.id}`, { role: 'member' }, 422);
    // The academy cannot make one a first lead expert either.
    await must(p.admin.token, 'POST', '/api/networks', { name: `Partnergeleid ${run}`, theme: 'xy', kind: 'diagnosis', description: 'Een netwerk met een partner als leider.', leads: [p.partner.id] }, 422);
  });

  it('keeps at least one lead expert', async () => {
    // The closed network has one lead: they can neither leave nor step down, nor be removed.
    await must(p.lead.token, 'DELETE', `/api/networks/${closed}/membership`, undefined, 409);
    await must(p.lead.token, 'PUT', `/api/networks/${closed}/members/${p.lead.id}`, { role: 'member' }, 409);
    await must(p.admin.token, 'DELETE', `/api/networks/${closed}/members/${p.lead.id}`, undefined, 409);
  });
});

describe('the page', () => {
  it('lets a lead expert edit description and goals, sanitised like articles, with the revision guarding against lost updates', async () => {
    const before = (await must(p.lead.token, 'GET', `/api/networks/${open}`, undefined, 200)).data;
    expect(before.goalsHtml).toContain('<strong>Eén</strong>');
    const saved = await must(p.lead.token, 'PUT', `/api/networks/${open}`, { description: 'De nieuwe beschrijving van het netwerk.', goals: '## Doelen 2027\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))', expectedRev: before.rev }, 200);
    expect(saved.data.rev).toBe(before.rev + 1);
    expect(saved.data.description).toBe('De nieuwe beschrijving van het netwerk.');
    expect(saved.data.goalsHtml).toContain('<h2 id="doelen-2027">Doelen 2027</h2>');
    expect(saved.data.goalsHtml).not.toMatch(/<script|javascript:/);
    await must(p.lead.token, 'PUT', `/api/networks/${open}`, { description: 'Een verouderde versie van de tekst.', goals: '', expectedRev: before.rev }, 409);
    expect((await auditOf('network.edit-page', p.lead.id)).find((e) => e.requestId === saved.headers.get('x-request-id'))).toMatchObject({ target: { kind: 'network', id: open } });
  });
});

describe('the overview', () => {
  it('finds networks by words in any case and with or without accents, and filters by kind, theme and openness to partners', async () => {
    const ids = async (query: string) => ((await must(p.employee.token, 'GET', `/api/networks${query}`, undefined, 200)).data as Array<{ id: string }>).map((n) => n.id);
    expect(await ids('?q=SUICIDEPREVENTIE')).toContain('suicidepreventie');
    expect(await ids('?q=su%C3%AFcide')).toContain('suicidepreventie');
    expect(await ids(`?q=${encodeURIComponent(p.lead.name)}`)).toEqual(expect.arrayContaining([open, closed]));
    expect(await ids('?kind=diagnosis')).not.toContain('suicidepreventie');
    expect(await ids('?kind=cross-cutting')).toContain('suicidepreventie');
    expect(await ids('?theme=Zelfbeschadiging')).toEqual(expect.arrayContaining([open, closed]));
    const openOnes = await ids('?openToPartners=true');
    expect(openOnes).toContain(open);
    expect(openOnes).not.toContain(closed);
    expect(await ids('?openToPartners=false')).toContain(closed);
    await must(p.employee.token, 'GET', '/api/networks?kind=iets', undefined, 400);
    // Anonymous visitors get every network with its count, and no names (other files make networks of their own meanwhile).
    const all = (await must(undefined, 'GET', '/api/networks', undefined, 200)).data as Array<{ id: string; memberCount: number; leadExperts: unknown[] }>;
    expect(all.length).toBeGreaterThanOrEqual(14);
    expect(all.every((n) => n.leadExperts.length === 0)).toBe(true);
    expect(all.find((n) => n.id === 'psychose')!.memberCount).toBeGreaterThanOrEqual(6);
  });
});

describe('archiving (the academy)', () => {
  it('archives a network: audited, out of the default overview, closed to joining and role changes; only the academy', async () => {
    const id = (await must(p.admin.token, 'POST', '/api/networks', { name: `Archief ${run}`, theme: 'test', kind: 'diagnosis', description: 'Dit netwerk wordt gearchiveerd.', leads: [p.lead.id] }, 201)).data.id as string;
    await must(p.lead.token, 'POST', `/api/networks/${id}/archive`, undefined, 403);
    const archived = await must(p.admin.token, 'POST', `/api/networks/${id}/archive`, undefined, 200);
    expect(archived.data).toMatchObject({ status: 'archived', can: { join: false, archive: false, manageMembers: false, editPage: false } });
    await must(p.admin.token, 'POST', `/api/networks/${id}/archive`, undefined, 409);
    await must(p.employee.token, 'POST', `/api/networks/${id}/membership`, undefined, 409);
    await must(p.lead.token, 'PUT', `/api/networks/${id}/members/${p.employee.id}`, { role: 'author' }, 409);
    // Its lead still reads it, but asks and plans nothing more in it.
    await must(p.lead.token, 'POST', `/api/networks/${id}/questions`, { title: 'Een vraag voor het archief', body: 'Neemt een gearchiveerd netwerk nog vragen aan van zijn leden?' }, 409);
    await must(p.lead.token, 'POST', `/api/networks/${id}/events`, { moduleId: 'm-symposium-suicidepreventie-2027', start: new Date(Date.now() + 20 * 86_400_000).toISOString(), end: new Date(Date.now() + 20 * 86_400_000 + 7_200_000).toISOString(), capacity: 10 }, 409);
    const listed = async (q: string) => ((await must(p.employee.token, 'GET', `/api/networks${q}`, undefined, 200)).data as Array<{ id: string }>).map((n) => n.id);
    expect(await listed('')).not.toContain(id);
    expect(await listed('?status=archived')).toContain(id);
    expect((await auditOf('network.archive', p.admin.id)).find((e) => e.target.id === id)).toMatchObject({ requestId: archived.headers.get('x-request-id'), details: { members: 1 } });
  });
});
