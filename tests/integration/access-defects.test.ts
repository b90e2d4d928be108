import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import type { Role } from '../../functions/src/platform/auth/roles';
import { api, demo, stack, tokenFor } from '../support/api';
import { publishArticle, submitArticle, tokens, uniqueWord } from '../support/knowledge';
import { createModule, createSession, sessionStartingSoon, unique, untilStarted } from '../support/learning';

/**
 * The access defects a review of the code found, each closed by the access policy and each with
 * the request that used to succeed (or leak). Every one of these failed before the policy.
 */
let mint: (id: string, roles: Role[], organisationId?: string) => Promise<string>;
beforeAll(async () => {
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  mint = (id, roles, organisationId) => issuer.mint({ id, name: `Test ${id}`, roles, ...(organisationId ? { organisationId } : {}) });
});

const moduleBody = (extra: Record<string, unknown>) => ({ kind: 'classroom', title: `Accreditatie ${unique()}`, description: 'Een training.', durationMinutes: 180, enrolAudience: 'employees', ...extra });

describe('self-accreditation', () => {
  it('leaves publishing modules, accreditation points, sessions and paths to the academy-admin; an author drafts', async () => {
    const author = await tokenFor(demo.author);
    const points = [{ register: 'V&VN Kwaliteitsregister', points: 4 }];
    expect((await api('/api/modules', { method: 'POST', token: author, json: moduleBody({ status: 'published' }) })).status).toBe(403);
    expect((await api('/api/modules', { method: 'POST', token: author, json: moduleBody({ status: 'draft', accreditation: points }) })).status).toBe(403);
    const draft = await api('/api/modules', { method: 'POST', token: author, json: moduleBody({ status: 'draft' }) });
    expect(draft.status).toBe(201);
    // The author may go on drafting, but neither publish it nor add points to it.
    const body = { ...moduleBody({}), title: draft.data.title };
    expect((await api(`/api/modules/${draft.data.id}`, { method: 'PUT', token: author, json: { ...body, expectedRev: 1, status: 'published' } })).status).toBe(403);
    expect((await api(`/api/modules/${draft.data.id}`, { method: 'PUT', token: author, json: { ...body, expectedRev: 1, accreditation: points } })).status).toBe(403);
    expect((await api(`/api/modules/${draft.data.id}`, { method: 'PUT', token: author, json: { ...body, expectedRev: 1, description: 'Beter beschreven.' } })).status).toBe(200);
    expect((await api(`/api/modules/${draft.data.id}/sessions`, { method: 'POST', token: author, json: { start: new Date(Date.now() + 86400_000).toISOString(), end: new Date(Date.now() + 90000_000).toISOString(), trainers: [{ id: demo.author, name: 'Fatima' }], capacity: 5 } })).status).toBe(403);
    expect((await api('/api/paths', { method: 'POST', token: author, json: { title: 'Eigen pad', description: 'x', minOptional: 0, steps: [{ id: 's1', moduleId: draft.data.id, required: true, unlockAfter: [] }] } })).status).toBe(403);
    // The academy-admin publishes it, with its points.
    const admin = await tokenFor(demo.admin);
    const published = await api(`/api/modules/${draft.data.id}`, { method: 'PUT', token: admin, json: { ...body, expectedRev: 2, status: 'published', accreditation: points } });
    expect(published.status, JSON.stringify(published.data)).toBe(200);
  });

  it('never lets a trainer enrol in a session they teach, nor register their own attendance', async () => {
    const admin = await tokenFor(demo.admin);
    const trainerId = `u-trainer-${unique()}`;
    const trainer = await mint(trainerId, ['trainer', 'employee']);
    const m = await createModule(admin, moduleBody({ status: 'published', accreditation: [{ register: 'NIP', points: 3 }] }));
    const s = await sessionStartingSoon(admin, m.id, { trainers: [{ id: trainerId, name: 'Trainer' }] });
    const enrolled = await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: trainer });
    expect(enrolled.status).toBe(403);
    await untilStarted(s);
    const own = await api(`/api/sessions/${s.id}/attendance/${trainerId}`, { method: 'PUT', token: trainer, json: { present: true } });
    expect(own.status).toBe(403);
    const mine = await api('/api/me/learning', { token: trainer });
    expect(mine.data.completed).toEqual([]);
    expect(mine.data.accreditation).toEqual([]);
  });

  it('accepts attendance only once the session has started', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, moduleBody({ status: 'published' }));
    const s = await createSession(admin, m.id);
    const learnerId = `u-learner-${unique()}`;
    const learner = await mint(learnerId, ['employee']);
    expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: learner })).status).toBe(201);
    const early = await api(`/api/sessions/${s.id}/attendance/${learnerId}`, { method: 'PUT', token: admin, json: { present: true } });
    expect(early.status).toBe(409);
    expect((await api('/api/me/learning', { token: learner })).data.completed).toEqual([]);
  });
});

describe('editorial rights from stale membership', () => {
  it('keeps nothing for a lead moved to the partner group, or stripped of every role', async () => {
    const word = uniqueWord('stale');
    // Fatima leads Suïcidepreventie in the seeded networks; her membership rows stay when her roles change.
    const draft = await submitArticle({ title: `Concept ${word}`, audience: 'internal' }, { author: await tokens.author() });
    for (const roles of [['partner'], []] as Role[][]) {
      const moved = await mint(demo.author, roles, roles.includes('partner') ? 'org-hap-de-linde' : undefined);
      const label = roles.join(',') || 'no roles';
      expect((await api(`/api/articles/${draft.id}`, { token: moved })).status, label).toBe(404);
      expect((await api(`/api/articles/${draft.id}/versions`, { token: moved })).status, label).toBe(404);
      expect((await api('/api/networks/suicidepreventie/articles', { token: moved })).status, label).toBe(403);
      expect((await api(`/api/articles/${draft.id}/publish`, { method: 'POST', token: moved, json: { expectedRevision: draft.revision, note: 'x' } })).status, label).toBe(404);
      const me = (await api('/api/me', { token: moved })).data;
      expect(me.abilities.knowledge, label).toEqual({ write: false, publish: false });
      expect(me.abilities.networks.every((n: { write: boolean; publish: boolean }) => !n.write && !n.publish), label).toBe(true);
      expect(me.abilities.networks.length, label).toBeGreaterThan(0);
    }
    // The draft is still in review, untouched.
    expect((await api(`/api/articles/${draft.id}`, { token: await tokens.lead() })).data.draft.state).toBe('in-review');
  });
});

describe('four eyes', () => {
  it('refuses a lead expert publishing their own draft, and records the academy\'s override with its reason', async () => {
    const lead = await tokens.lead();
    const own = await submitArticle({ title: `Eigen concept ${uniqueWord()}`, audience: 'internal' }, { author: lead });
    const refused = await api(`/api/articles/${own.id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: own.revision, note: 'Snel online' } });
    expect(refused.status).toBe(403);
    expect(refused.data.detail).toMatch(/niet de auteurs/);
    // Only the academy may override, and only with a reason.
    expect((await api(`/api/articles/${own.id}/publish`, { method: 'POST', token: lead, json: { expectedRevision: own.revision, note: 'x', overrideReason: 'Geen andere lezer beschikbaar' } })).status).toBe(403);
    const admin = await tokens.admin();
    const adminOwn = await submitArticle({ title: `Concept van de academie ${uniqueWord()}`, audience: 'internal' }, { author: admin });
    expect((await api(`/api/articles/${adminOwn.id}/publish`, { method: 'POST', token: admin, json: { expectedRevision: adminOwn.revision, note: 'x' } })).status).toBe(403);
    const overridden = await api(`/api/articles/${adminOwn.id}/publish`, { method: 'POST', token: admin, json: { expectedRevision: adminOwn.revision, note: 'Spoedbericht', overrideReason: 'Landelijke richtlijn per vandaag gewijzigd' } });
    expect(overridden.status, JSON.stringify(overridden.data)).toBe(200);
    const v1 = (await api(`/api/articles/${adminOwn.id}/versions/1`, { token: admin })).data;
    expect(v1.fourEyesOverride).toMatchObject({ reason: 'Landelijke richtlijn per vandaag gewijzigd', by: { id: demo.admin } });
    // Someone other than the authors publishes without any override.
    expect((await api(`/api/articles/${own.id}/publish`, { method: 'POST', token: admin, json: { expectedRevision: own.revision, note: 'Gelezen' } })).status).toBe(200);
  });
});

describe('fields by audience', () => {
  it('gives the meeting link only to participants, the session\'s trainers and the academy', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'online-session', title: `Webinar ${unique()}`, enrolAudience: 'public' });
    const link = `https://meet.example.org/${unique()}`;
    await createSession(admin, m.id, { meetingUrl: link, location: undefined });
    const learnerId = `u-webinar-${unique()}`;
    const learner = await mint(learnerId, ['employee']);
    const seen = async (token?: string) => (await api(`/api/modules/${m.id}`, { token })).data.sessions[0];
    expect(await seen()).not.toHaveProperty('meetingUrl');
    expect((await seen()).trainers).toEqual([{ name: 'Ingrid Jansen' }]);
    expect(await seen(await tokenFor(demo.partner))).not.toHaveProperty('meetingUrl');
    expect(await seen(learner)).not.toHaveProperty('meetingUrl');
    const s = await seen(learner);
    expect((await api(`/api/sessions/${s.id}/enrolment`, { method: 'POST', token: learner })).status).toBe(201);
    expect((await seen(learner)).meetingUrl).toBe(link);
    expect((await seen(await tokenFor(demo.trainer))).meetingUrl).toBe(link);
    expect((await seen(admin)).meetingUrl).toBe(link);
    expect((await seen(admin)).trainers).toEqual([{ id: demo.trainer, name: 'Ingrid Jansen' }]);
  });

  it('shows network members to staff, lead experts to partners, and no names to anonymous visitors', async () => {
    const all = (await api('/api/networks/suicidepreventie', { token: await tokenFor(demo.employee) })).data.members;
    expect(all.length).toBeGreaterThan(1);
    const leads = all.filter((m: { role: string }) => m.role === 'lead');
    expect(leads.length).toBeGreaterThan(0);
    expect((await api('/api/networks/suicidepreventie', { token: await tokenFor(demo.partner) })).data.members).toEqual(leads);
    expect((await api('/api/networks/suicidepreventie')).data.members).toEqual([]);
  });

  it('never shows a draft or out-of-audience step in a path, and offers partners no paths', async () => {
    const admin = await tokenFor(demo.admin);
    const open = await createModule(admin, { kind: 'elearning', title: `Open stap ${unique()}`, enrolAudience: 'public' });
    const staff = await createModule(admin, { kind: 'elearning', title: `Stap voor medewerkers ${unique()}`, enrolAudience: 'employees' });
    const draft = await createModule(admin, { kind: 'elearning', title: `Conceptstap ${unique()}`, enrolAudience: 'public', status: 'draft' });
    const path = await api('/api/paths', {
      method: 'POST',
      token: admin,
      json: { title: `Pad ${unique()}`, description: 'x', minOptional: 0, steps: [open, staff, draft].map((m, i) => ({ id: `s${i}`, moduleId: m.id, required: i === 0, unlockAfter: [] })) },
    });
    expect(path.status, JSON.stringify(path.data)).toBe(201);
    const titles = async (token?: string) => (await api(`/api/paths/${path.data.id}`, { token })).data.path.steps.map((s: { module: { id: string } }) => s.module.id);
    expect(await titles()).toEqual([open.id]);
    expect(await titles(await tokenFor(demo.employee))).toEqual([open.id, staff.id]);
    expect(await titles(admin)).toEqual([open.id, staff.id, draft.id]);
    const partner = await tokenFor(demo.partner);
    expect((await api(`/api/paths/${path.data.id}`, { token: partner })).status).toBe(404);
    expect((await api('/api/paths', { token: partner })).data).toEqual([]);
    expect((await api(`/api/paths/${path.data.id}/enrol`, { method: 'POST', token: partner })).status).toBe(404);
  });
});

describe('existence leaks', () => {
  /** Everything of a problem answer except what names the request itself. */
  const shape = (res: { status: number; data: Record<string, unknown> }, askedFor = '') => ({ status: res.status, type: res.data.type, title: res.data.title, detail: String(res.data.detail).replace(askedFor, '{asked}') });

  it('answers a hidden article exactly like a missing one, by slug and by id, signed in or not', async () => {
    const { id, slug } = await publishArticle({ title: `Intern ${uniqueWord()}`, audience: 'internal' });
    const partner = await tokenFor(demo.partner);
    for (const token of [undefined, partner]) {
      expect(shape(await api(`/api/articles/by-slug/${slug}`, { token }))).toEqual(shape(await api(`/api/articles/by-slug/${slug}-bestaat-niet`, { token })));
    }
    expect(shape(await api(`/api/articles/${id}`, { token: partner }), id)).toEqual(shape(await api('/api/articles/a-bestaat-niet', { token: partner }), 'a-bestaat-niet'));
    expect((await api(`/api/articles/${id}`, { token: partner })).status).toBe(404);
  });

  it('answers a hidden module like a missing one', async () => {
    const admin = await tokenFor(demo.admin);
    const m = await createModule(admin, { kind: 'elearning', title: `Intern ${unique()}`, enrolAudience: 'employees' });
    for (const token of [undefined, await tokenFor(demo.partner)]) {
      expect(shape(await api(`/api/modules/${m.id}`, { token }))).toEqual(shape(await api('/api/modules/m-bestaat-niet', { token })));
    }
  });
});
