import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { api, demo, stack, tokenFor } from '../support/api';
import { handInNextVersion, publishArticle, tokens, uniqueWord } from '../support/knowledge';
import { createModule, createSession } from '../support/learning';
import { fixture, importPackage } from '../support/scorm';

/**
 * Partner organisations (functions/src/partners): the academy registers an organisation and invites
 * a user; the accepted user signs in and reads partner content; suspending, revoking and removing
 * take effect on the very next request with the SAME unexpired token, with a clear message and a
 * problem type of their own; every change to access is in the audit log with its request id.
 */

const run = Math.random().toString(36).slice(2, 7);
let admin: string;
let issuer: Awaited<ReturnType<typeof createDevIssuer>>;

const mint = (id: string, roles: Array<'academy-admin' | 'employee' | 'partner' | 'author'>, organisationId?: string) =>
  issuer.mint({ id, name: `Test ${id}`, roles, ...(organisationId ? { organisationId } : {}) });

const orgInput = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'wijkverpleging',
  contact: { name: 'Karin de Wit', email: 'karin@partner.example', phone: '030 111 22 33' },
  networkIds: [],
  moduleIds: [],
  ...extra,
});

async function createOrg(name = `Wijkzorg Test ${run} ${Math.random().toString(36).slice(2, 6)}`) {
  const res = await api('/api/partners', { method: 'POST', token: admin, json: orgInput(name) });
  expect(res.status, JSON.stringify(res.data)).toBe(201);
  return { org: res.data as { id: string; rev: number; name: string }, requestId: res.headers.get('x-request-id')! };
}

/** Invite by e-mail, accept through the link (local mode), sign in with the dev issuer: the partner's token. */
async function invitedPartner(orgId: string, name = 'Petra Partner') {
  const invited = await api(`/api/partners/${orgId}/invitations`, { method: 'POST', token: admin, json: { name, email: `petra.${Math.random().toString(36).slice(2, 7)}@partner.example` } });
  expect(invited.status, JSON.stringify(invited.data)).toBe(201);
  expect(invited.data.delivery).toBe('link');
  const token = /\/uitnodiging\/([A-Za-z0-9_-]+)$/.exec(invited.data.link)?.[1];
  expect(token, invited.data.link).toBeTruthy();
  const preview = await api(`/api/invitations/${token}`);
  expect(preview.status, JSON.stringify(preview.data)).toBe(200);
  expect(preview.data).toMatchObject({ name });
  const accepted = await api(`/api/invitations/${token}/accept`, { method: 'POST' });
  expect(accepted.status, JSON.stringify(accepted.data)).toBe(201);
  return { userId: accepted.data.userId as string, token: await tokenFor(accepted.data.userId), inviteRequestId: invited.headers.get('x-request-id')!, acceptRequestId: accepted.headers.get('x-request-id')!, link: token! };
}

/** The audit entries of one action on one target. */
async function auditOf(action: string, targetId: string) {
  const res = await api(`/api/academy/audit?action=${encodeURIComponent(action)}`, { token: admin });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return (res.data.entries as Array<{ action: string; requestId: string; target: { kind: string; id?: string; ref?: string }; details?: Record<string, unknown>; actor: { ref: string } }>).filter((e) => e.target.id === targetId);
}

beforeAll(async () => {
  issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  admin = await tokenFor(demo.admin);
});

describe('partner organisations, managed by the academy', () => {
  it('are created, read, listed and edited with a revision; each change is in the audit log with its request id', async () => {
    const { org, requestId } = await createOrg();
    expect(org).toMatchObject({ status: 'active', rev: 1, kind: 'wijkverpleging' });
    expect((await api(`/api/partners/${org.id}`, { token: admin })).data).toMatchObject({ id: org.id, contact: { name: 'Karin de Wit' } });
    const list = await api('/api/partners', { token: admin });
    expect(list.data.organisations.map((o: { id: string }) => o.id)).toContain(org.id);
    // The seeded demo: four organisations, one of them suspended.
    const demoOrgs = list.data.organisations.filter((o: { id: string }) => ['org-hap-de-linde', 'org-politie-basisteam-oost', 'org-wijkteam-centrum', 'org-wijkverpleging-zorgzaam'].includes(o.id));
    expect(demoOrgs.map((o: { status: string }) => o.status).sort()).toEqual(['active', 'active', 'active', 'suspended']);

    const stale = await api(`/api/partners/${org.id}`, { method: 'PUT', token: admin, json: { ...orgInput(org.name), rev: 7 } });
    expect(stale.status).toBe(409);
    const edited = await api(`/api/partners/${org.id}`, { method: 'PUT', token: admin, json: { ...orgInput(org.name, { kind: 'school' }), networkIds: ['suicidepreventie'], rev: 1 } });
    expect(edited.status, JSON.stringify(edited.data)).toBe(200);
    expect(edited.data).toMatchObject({ rev: 2, kind: 'school', networkIds: ['suicidepreventie'] });
    // Only networks open to partners, and only modules for partners.
    const wrong = await api(`/api/partners/${org.id}`, { method: 'PUT', token: admin, json: { ...orgInput(org.name), networkIds: ['e-health'], moduleIds: ['m-bestaat-niet'], rev: 2 } });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['moduleIds.0', 'networkIds.0']);

    expect((await auditOf('partner-organisation.create', org.id)).map((e) => e.requestId)).toEqual([requestId]);
    expect((await auditOf('partner-organisation.update', org.id)).map((e) => e.requestId)).toEqual([edited.headers.get('x-request-id')]);
  });

  it('are the academy\'s alone', async () => {
    const { org } = await createOrg();
    const others = [await tokenFor(demo.employee), await tokenFor(demo.author), await mint(`u-pt-partner-${run}`, ['partner'], org.id)];
    for (const token of others) {
      expect((await api('/api/partners', { token })).status).toBe(403);
      expect((await api(`/api/partners/${org.id}`, { token })).status).toBe(403);
      expect((await api(`/api/partners/${org.id}/suspend`, { method: 'POST', token, json: { reason: 'Zomaar' } })).status).toBe(403);
      expect((await api(`/api/partners/${org.id}/invitations`, { method: 'POST', token, json: { name: 'Iemand', email: 'iemand@x.example' } })).status).toBe(403);
    }
    expect((await api('/api/partners')).status).toBe(401);
    expect((await api(`/api/partners/${org.id}`)).data.type).toMatch(/unauthenticated/);
  });
});

describe('invitations and revocation on the next request', () => {
  it('invites a user who signs in and reads partner content; suspend → the same token is refused everywhere; reactivate → back; revoke → refused', async () => {
    const { org } = await createOrg();
    const partner = await invitedPartner(org.id, 'Petra Partner');
    const partnerArticle = await publishArticle({ title: `Voor partners ${uniqueWord()}`, audience: 'partners' });
    const internal = await publishArticle({ title: `Intern ${uniqueWord()}`, audience: 'internal' });

    // Signed in: the profile says partner of the organisation; partner content yes, internal no.
    const me = await api('/api/me', { token: partner.token });
    expect(me.status, JSON.stringify(me.data)).toBe(200);
    expect(me.data).toMatchObject({ id: partner.userId, roles: ['partner'], organisationId: org.id, organisationName: org.name });
    expect((await api(`/api/articles/by-slug/${partnerArticle.slug}`, { token: partner.token })).status).toBe(200);
    expect((await api(`/api/articles/by-slug/${internal.slug}`, { token: partner.token })).status).toBe(404);
    // Listed with the organisation; the invitation is used once.
    const users = await api(`/api/partners/${org.id}/users`, { token: admin });
    expect(users.data.users).toEqual([expect.objectContaining({ userId: partner.userId, status: 'active' })]);
    expect(users.data.invitations).toEqual([]);
    expect((await api(`/api/invitations/${partner.link}/accept`, { method: 'POST' })).status).toBe(404);

    const suspended = await api(`/api/partners/${org.id}/suspend`, { method: 'POST', token: admin, json: { reason: 'Overeenkomst verlopen' } });
    expect(suspended.status, JSON.stringify(suspended.data)).toBe(200);
    expect(suspended.data).toMatchObject({ status: 'suspended', statusReason: 'Overeenkomst verlopen', rev: 2 });
    // The same unexpired token, on every route (its own profile too): refused with the clear message and its own type.
    for (const path of ['/api/me', `/api/articles/by-slug/${partnerArticle.slug}`, '/api/modules', '/api/networks', '/api/me/learning', `/api/partners/${org.id}`]) {
      const res = await api(path, { token: partner.token });
      expect(res.status, path).toBe(403);
      expect(res.data.type, path).toBe('https://academie.example/problems/organisation-suspended');
      expect(res.data.detail, path).toContain('Je organisatie');
      expect(res.data.detail, path).toContain('geschorst');
      expect(res.data.organisationStatus).toBe('suspended');
    }
    const inEnglish = await api('/api/me', { token: partner.token, headers: { 'accept-language': 'en' } });
    expect(inEnglish.data.detail).toMatch(/Your organisation .* currently has no access .*suspended/);
    // Writes too, and an invitation into a suspended organisation.
    expect((await api(`/api/articles/${partnerArticle.id}/signals`, { method: 'POST', token: partner.token, json: { kind: 'question', message: 'Mag dit?' } })).status).toBe(403);
    expect((await api(`/api/partners/${org.id}/invitations`, { method: 'POST', token: admin, json: { name: 'Nog iemand', email: 'nog@partner.example' } })).status).toBe(409);
    expect((await api(`/api/partners/${org.id}/suspend`, { method: 'POST', token: admin, json: { reason: 'Nog eens' } })).status).toBe(409);

    const reactivated = await api(`/api/partners/${org.id}/reactivate`, { method: 'POST', token: admin, json: { reason: 'Nieuwe overeenkomst getekend' } });
    expect(reactivated.status, JSON.stringify(reactivated.data)).toBe(200);
    expect((await api('/api/me', { token: partner.token })).status).toBe(200);
    expect((await api(`/api/articles/by-slug/${partnerArticle.slug}`, { token: partner.token })).status).toBe(200);

    const revoked = await api(`/api/partners/${org.id}/revoke`, { method: 'POST', token: admin, json: { reason: 'Samenwerking beëindigd' } });
    expect(revoked.status).toBe(200);
    const refused = await api('/api/me', { token: partner.token });
    expect(refused.status).toBe(403);
    expect(refused.data.type).toBe('https://academie.example/problems/partner-access-revoked');
    expect(refused.data.detail).toContain('ingetrokken');

    // Each change to access, once, with the request that made it.
    expect((await auditOf('partner-user.invite', org.id)).map((e) => e.requestId)).toEqual([partner.inviteRequestId]);
    expect((await auditOf('partner-organisation.suspend', org.id)).map((e) => [e.requestId, e.details])).toEqual([[suspended.headers.get('x-request-id'), { from: 'active', to: 'suspended' }]]);
    expect((await auditOf('partner-organisation.reactivate', org.id)).map((e) => e.requestId)).toEqual([reactivated.headers.get('x-request-id')]);
    expect((await auditOf('partner-organisation.revoke', org.id)).map((e) => e.requestId)).toEqual([revoked.headers.get('x-request-id')]);
    const accepts = (await api('/api/academy/audit?action=partner-user.accept', { token: admin })).data.entries.filter((e: { requestId: string }) => e.requestId === partner.acceptRequestId);
    expect(accepts).toEqual([expect.objectContaining({ details: { organisationId: org.id }, target: expect.objectContaining({ kind: 'person' }) })]);
    // The reason (free text) stays with the organisation, never in the audit log.
    expect(JSON.stringify(await auditOf('partner-organisation.suspend', org.id))).not.toContain('Overeenkomst');
  });

  it('refuses a removed user from their next request on, and leaves colleagues, staff and other partners alone', async () => {
    const { org } = await createOrg();
    const removed = await invitedPartner(org.id, 'Rik Verwijderd');
    const colleague = await invitedPartner(org.id, 'Cora Collega');
    expect((await api('/api/me', { token: removed.token })).status).toBe(200);
    const res = await api(`/api/partners/${org.id}/users/${removed.userId}`, { method: 'DELETE', token: admin });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.data).toMatchObject({ status: 'removed' });
    const refused = await api('/api/me', { token: removed.token });
    expect(refused.status).toBe(403);
    expect(refused.data.type).toBe('https://academie.example/problems/partner-access-revoked');
    expect(refused.data.detail).toContain('verwijderd');
    expect((await api('/api/me', { token: colleague.token })).status).toBe(200);
    const entries = await api('/api/academy/audit?action=partner-user.remove', { token: admin });
    expect(entries.data.entries.filter((e: { requestId: string }) => e.requestId === res.headers.get('x-request-id'))).toEqual([expect.objectContaining({ details: { organisationId: org.id } })]);

    // Suspending this organisation touches nobody else: staff, and partners of another organisation.
    await api(`/api/partners/${org.id}/suspend`, { method: 'POST', token: admin, json: { reason: 'Controle' } });
    expect((await api('/api/me', { token: colleague.token })).status).toBe(403);
    expect((await api('/api/me', { token: await tokenFor(demo.employee) })).status).toBe(200);
    expect((await api('/api/me', { token: await tokenFor(demo.partner) })).status).toBe(200);
    // A partner token without an organisation, or of one that does not exist, is refused too.
    expect((await api('/api/me', { token: await mint(`u-pt-noorg-${run}`, ['partner']) })).data.type).toBe('https://academie.example/problems/partner-access-revoked');
    expect((await api('/api/me', { token: await mint(`u-pt-ghost-${run}`, ['partner'], 'org-bestaat-niet') })).status).toBe(403);
  });

  it('shows the seeded suspended organisation\'s user the message', async () => {
    const res = await api('/api/me', { token: await tokenFor('u-femke-jacobs') });
    expect(res.status).toBe(403);
    expect(res.data.detail).toContain('Wijkverpleging Zorgzaam');
  });

  it('refuses unknown, used and malformed invitations alike', async () => {
    expect((await api(`/api/invitations/${'x'.repeat(43)}/accept`, { method: 'POST' })).status).toBe(404);
    expect((await api('/api/invitations/kort/accept', { method: 'POST' })).status).toBe(400);
  });
});

describe('the modules an organisation lets its users use', () => {
  it('lets a partner join only the modules their organisation allows, by enrolling, completing or taking a seat; all of them when it names none', async () => {
    const allowed = await createModule(admin, { kind: 'external', title: `Toegestaan ${run}`, provider: 'GGD', enrolAudience: 'partners' });
    const other = await createModule(admin, { kind: 'external', title: `Niet toegestaan ${run}`, provider: 'GGD', enrolAudience: 'partners' });
    const otherClass = await createModule(admin, { kind: 'classroom', title: `Klas niet toegestaan ${run}`, enrolAudience: 'partners' });
    const session = await createSession(admin, otherClass.id, { capacity: 5 });
    const created = await api('/api/partners', { method: 'POST', token: admin, json: orgInput(`Beperkt ${run}`, { moduleIds: [allowed.id] }) });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const partner = await invitedPartner(created.data.id, 'Bea Beperkt');

    expect((await api(`/api/modules/${allowed.id}/enrol`, { method: 'POST', token: partner.token })).status).toBeLessThan(300);
    expect((await api(`/api/modules/${other.id}/enrol`, { method: 'POST', token: partner.token })).status).toBe(403);
    expect((await api(`/api/modules/${other.id}/complete`, { method: 'POST', token: partner.token, json: { evidence: 'Certificaat 12' } })).status).toBe(403);
    expect((await api(`/api/sessions/${session.id}/enrolment`, { method: 'POST', token: partner.token })).status).toBe(403);

    // An organisation that names no modules: every module open to partners.
    const open = await invitedPartner((await createOrg()).org.id, 'Olga Open');
    expect((await api(`/api/modules/${other.id}/enrol`, { method: 'POST', token: open.token })).status).toBeLessThan(300);
    expect((await api(`/api/sessions/${session.id}/enrolment`, { method: 'POST', token: open.token })).status).toBe(201);
  });
});

describe('an e-learning started before a suspension', () => {
  it('refuses the launch token of a suspended organisation’s user on the next runtime call, and takes it again after reactivation', async () => {
    const elearning = await createModule(admin, { kind: 'elearning', title: `E-learning partners ${run}`, enrolAudience: 'partners' });
    await importPackage(admin, elearning.id, fixture('golf-scorm12-basic-runtime'));
    const { org } = await createOrg();
    const partner = await invitedPartner(org.id, 'Sanne Scorm');
    const launched = await api(`/api/modules/${elearning.id}/scorm/launch`, { method: 'POST', token: partner.token });
    expect(launched.status, JSON.stringify(launched.data)).toBe(201);
    const launchToken = new URLSearchParams(new URL(launched.data.launchUrl).hash.slice(1)).get('launch')!;
    const runtime = () => api(`/api/scorm/runtime/${launched.data.attemptId}`, { headers: { authorization: `Launch ${launchToken}` } });
    const commit = (n: number) =>
      api(`/api/scorm/runtime/${launched.data.attemptId}/scos/item_1/commit`, { method: 'POST', headers: { authorization: `Launch ${launchToken}` }, json: { commitSequence: n, cmi: { core: { lesson_location: `p${n}`, lesson_status: 'incomplete', session_time: '00:00:10' }, suspend_data: `stap ${n}` } } });
    expect((await runtime()).status).toBe(200);
    expect((await commit(1)).status).toBe(200);

    expect((await api(`/api/partners/${org.id}/suspend`, { method: 'POST', token: admin, json: { reason: 'Overeenkomst verlopen' } })).status).toBe(200);
    for (const refused of [await runtime(), await commit(2)]) {
      expect(refused.status).toBe(403);
      expect(refused.data.type).toMatch(/organisation-suspended$/);
    }
    expect((await api(`/api/partners/${org.id}/reactivate`, { method: 'POST', token: admin, json: { reason: 'Verlengd' } })).status).toBe(200);
    expect((await commit(3)).status).toBe(200);
  });
});

describe('audit of published content', () => {
  it('records publishing, a change of visibility and archiving of an article, each with its request id', async () => {
    const article = await publishArticle({ title: `Zichtbaarheid ${uniqueWord()}`, audience: 'internal' });
    const first = await auditOf('article.publish', article.id);
    expect(first).toEqual([expect.objectContaining({ details: expect.objectContaining({ version: 1, audience: 'internal' }) })]);
    const revision = await handInNextVersion(article.id, { audience: 'partners' });
    const published = await api(`/api/articles/${article.id}/publish`, { method: 'POST', token: await tokens.lead(), json: { expectedRevision: revision, note: 'Ook voor partners' } });
    expect(published.status, JSON.stringify(published.data)).toBe(200);
    const requestId = published.headers.get('x-request-id');
    expect((await auditOf('article.publish', article.id)).map((e) => e.requestId)).toContain(requestId);
    expect((await auditOf('article.visibility-change', article.id)).map((e) => [e.requestId, e.details])).toEqual([[requestId, { version: 2, from: 'internal', to: 'partners' }]]);
    const archived = await api(`/api/articles/${article.id}/archive`, { method: 'POST', token: await tokens.lead() });
    expect(archived.status, JSON.stringify(archived.data)).toBe(200);
    expect((await auditOf('article.archive', article.id)).map((e) => e.requestId)).toEqual([archived.headers.get('x-request-id')]);
  });

  it('records publishing and archiving a module', async () => {
    const created = await api('/api/modules', { method: 'POST', token: admin, json: { kind: 'classroom', title: `Auditmodule ${run}`, description: 'Beschrijving van de module.', durationMinutes: 60, enrolAudience: 'employees', status: 'draft', accreditation: [] } });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const id = created.data.id as string;
    expect(await auditOf('module.publish', id)).toEqual([]);
    const body = (extra: Record<string, unknown>) => ({ kind: 'classroom', title: `Auditmodule ${run}`, description: 'Beschrijving van de module.', durationMinutes: 60, enrolAudience: 'employees', accreditation: [], ...extra });
    const published = await api(`/api/modules/${id}`, { method: 'PUT', token: admin, json: { ...body({ status: 'published' }), expectedRev: 1 } });
    expect(published.status, JSON.stringify(published.data)).toBe(200);
    expect((await auditOf('module.publish', id)).map((e) => e.requestId)).toEqual([published.headers.get('x-request-id')]);
    const wider = await api(`/api/modules/${id}`, { method: 'PUT', token: admin, json: { ...body({ status: 'published', enrolAudience: 'partners' }), expectedRev: 2 } });
    expect(wider.status, JSON.stringify(wider.data)).toBe(200);
    expect((await auditOf('module.visibility-change', id)).map((e) => e.details)).toEqual([{ from: 'employees', to: 'partners', rev: 3 }]);
    const archived = await api(`/api/modules/${id}`, { method: 'PUT', token: admin, json: { ...body({ status: 'archived', enrolAudience: 'partners' }), expectedRev: 3 } });
    expect(archived.status, JSON.stringify(archived.data)).toBe(200);
    expect((await auditOf('module.archive', id)).map((e) => e.requestId)).toEqual([archived.headers.get('x-request-id')]);
  });
});
