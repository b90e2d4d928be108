import { beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDevIssuer } from '../../functions/src/dev/issuer';
import { loadConfig } from '../../functions/src/platform/config';
import { createStoreClients, type StoreClients } from '../../functions/src/platform/store/clients';
import { keys } from '../../functions/src/platform/store/keys';
import { get, put } from '../../functions/src/platform/store/table';
import { personRefOf, pseudonymOf } from '../../functions/src/platform/audit';
import { eraseScormLearner, scormDataOf } from '../../functions/src/scorm';
import { modulesOfLearner } from '../../functions/src/learning';
import { startErasure, recordStep, getErasure } from '../../functions/src/privacy/store';
import { api, demo, stack, tokenFor } from '../support/api';
import { createModule, createSession, unique } from '../support/learning';
import { fixture, importPackage } from '../support/scorm';
import { publishArticle } from '../support/knowledge';

/**
 * Personal data on the real local stack: a learner with data in every feature (a completion with
 * an evaluation, a seat, a file in S3, a signal with a vote, a network membership, a SCORM attempt
 * whose state is large enough to live in S3) downloads it all; the academy erases them; then the
 * whole table and every bucket are searched for their id, name and e-mail, and the figures other
 * people see (session counts, the evaluation summary, the SCORM module report, the article's
 * counters) are compared with what they were.
 */

let clients: StoreClients | undefined;
const store = () => (clients ??= createStoreClients({ ...loadConfig(stack().env), storeTimeoutMs: 10_000 }));

const pdf = Buffer.from('%PDF-1.7\n% Bewijs\n1 0 obj << >> endobj\n%%EOF\n');
const run = unique();

interface Person {
  id: string;
  name: string;
  email: string;
  token: string;
}

let admin: string;
let people: { learner: Person; other: Person; resumable: Person };
let f: { external: string; elearning: string; session: string; network: string; article: { id: string; slug: string }; fileId: string; exportRequestId: string };

async function person(issuer: Awaited<ReturnType<typeof createDevIssuer>>, key: string, name: string): Promise<Person> {
  const id = `u-privacy-${key}-${run}`;
  const email = `${key}.${run}@voorbeeld.nl`;
  const token = await issuer.mint({ id, name, email, roles: ['employee'] });
  // The profile is made on the first sign-in (GET /api/me), as in the web.
  expect((await api('/api/me', { token })).status).toBe(200);
  return { id, name, email, token };
}

/** A SCORM 1.2 commit as scorm-again sends it; a long suspend_data (with the learner's name in it) goes to S3. */
function cmi12(o: { status: string; raw: string; suspend: string; answers: Array<[string, string, 'correct' | 'wrong']> }) {
  return {
    suspend_data: o.suspend,
    launch_data: '',
    comments: '',
    comments_from_lms: '',
    core: { student_id: 'ignored', student_name: 'ignored', lesson_location: 'p1', credit: 'credit', lesson_status: o.status, entry: '', lesson_mode: 'normal', exit: 'suspend', session_time: '00:00:30', score: { raw: o.raw, min: '', max: '100' } },
    objectives: {},
    student_data: { mastery_score: '', max_time_allowed: '', time_limit_action: '' },
    student_preference: { audio: '', language: '', speed: '', text: '' },
    interactions: Object.fromEntries([
      ...o.answers.map(([id, response, result]) => ({ id, type: 'choice', student_response: response, result, latency: '00:00:05', time: '', weighting: '', objectives: {}, correct_responses: {} })),
      // Long open answers: the state passes 100,000 characters and is kept in S3 (scorm-state/…).
      ...Array.from({ length: 6 }, (_, i) => ({ id: `open${i}`, type: 'fill-in', student_response: 'r'.repeat(8000), result: 'neutral', latency: '', time: '', weighting: '', objectives: {}, correct_responses: {} })),
    ].map((x, i) => [String(i), x])),
  };
}

async function play(token: string, moduleId: string, cmi: ReturnType<typeof cmi12>) {
  const l = await api(`/api/modules/${moduleId}/scorm/launch`, { method: 'POST', token });
  expect(l.status, JSON.stringify(l.data)).toBe(201);
  const launchToken = new URLSearchParams(new URL(l.data.launchUrl).hash.slice(1)).get('launch')!;
  const res = await api(`/api/scorm/runtime/${l.data.attemptId}/scos/item_1/commit`, { method: 'POST', headers: { authorization: `Launch ${launchToken}` }, json: { cmi, commitSequence: 1 } });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
}

async function uploadFile(token: string, moduleId: string) {
  const start = await api(`/api/modules/${moduleId}/files`, { method: 'POST', token, json: { fileName: 'bewijs.pdf', contentType: 'application/pdf', bytes: pdf.length } });
  expect(start.status, JSON.stringify(start.data)).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(start.data.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'bewijs.pdf');
  expect((await fetch(start.data.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  const done = await api(`/api/modules/${moduleId}/files/${start.data.uploadId}/complete`, { method: 'POST', token });
  expect(done.status, JSON.stringify(done.data)).toBe(201);
  return done.data.id as string;
}

/** Everything about a learner that the platform's features hold: completion + evaluation, seat, file, signal, membership, SCORM attempt. */
async function giveData(p: Person, o: { rating: number; raw: string; remark: string; answers: Array<[string, string, 'correct' | 'wrong']> }) {
  const fileId = await uploadFile(p.token, f.external);
  const done = await api(`/api/modules/${f.external}/complete`, { method: 'POST', token: p.token, json: { evidence: 'Certificaat nr. 7781', files: [fileId] } });
  expect(done.status, JSON.stringify(done.data)).toBeLessThan(300);
  expect((await api('/api/evaluations', { method: 'POST', token: p.token, json: { targetType: 'module', targetId: f.external, rating: o.rating, answers: { learned: 'Goede voorbeelden uit de praktijk' } } })).status).toBe(201);
  expect((await api(`/api/sessions/${f.session}/enrolment`, { method: 'POST', token: p.token })).status).toBe(201);
  expect((await api(`/api/articles/by-slug/${f.article.slug}/signals`, { method: 'POST', token: p.token, json: { useful: false, remark: o.remark } })).status).toBe(201);
  expect((await api(`/api/networks/${f.network}/membership`, { method: 'POST', token: p.token })).status).toBe(201);
  const asked = await api(`/api/networks/${f.network}/questions`, { method: 'POST', token: p.token, json: { title: `Vraag van ${p.name}`, body: `Hoe bespreek ik suïcidaliteit met een cliënt die weinig zegt? (${p.name})` } });
  expect(asked.status, JSON.stringify(asked.data)).toBe(201);
  const entry = await api('/api/me/portfolio/entries', { method: 'POST', token: p.token, json: { title: `Congres ${p.name}`, provider: 'V&VN', date: '2025-03-14', hours: 6, description: `Notities van ${p.name}` } });
  expect(entry.status, JSON.stringify(entry.data)).toBe(201);
  await play(p.token, f.elearning, cmi12({ status: o.raw >= '50' ? 'passed' : 'failed', raw: o.raw, suspend: `Aantekeningen van ${p.name}: ${'x'.repeat(60_000)}`, answers: o.answers }));
  return fileId;
}

/** The network's count and its rows, read together; the erasure must keep them equal. */
async function networkFigures() {
  const res = await api(`/api/networks/${f.network}`, { token: admin });
  expect(res.status, JSON.stringify(res.data)).toBe(200);
  return { memberCount: res.data.memberCount as number, rows: (res.data.members as unknown[]).length };
}

/** What other people see, which an erasure must leave exactly as it was. */
async function figures() {
  const [session, evaluation, report, article] = await Promise.all([
    api(`/api/sessions/${f.session}/participants`, { token: admin }),
    api(`/api/evaluations/module/${f.external}`, { token: admin }),
    api(`/api/modules/${f.elearning}/scorm/report`, { token: admin }),
    api(`/api/articles/${f.article.id}`, { token: admin }),
  ]);
  for (const r of [session, evaluation, report, article]) expect(r.status, JSON.stringify(r.data)).toBe(200);
  const { generatedAt: _generated, ...reportFigures } = report.data;
  return {
    session: {
      enrolled: session.data.session.enrolled,
      waitlisted: session.data.session.waitlisted,
      // The seats themselves, by status (the pseudonym stands where the person was).
      seats: session.data.participants.map((x: { status: string }) => x.status).sort(),
    },
    evaluation: evaluation.data,
    report: reportFigures,
    article: { useful: article.data.article.useful, notUseful: article.data.article.notUseful, openSignals: article.data.article.openSignals },
    network: await networkFigures(),
  };
}

const traces = (p: Person) => [p.id, p.name.toLowerCase(), p.email.toLowerCase()];

/** Every item of the table (a test may Scan) that still names the person, with the trace found. */
async function itemsNaming(p: Person): Promise<string[]> {
  const found: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await store().doc.send(new ScanCommand({ TableName: store().tableName, ExclusiveStartKey }));
    for (const item of res.Items ?? []) {
      const json = JSON.stringify(item, (_k, v) => (v instanceof Set ? [...v] : v)).toLowerCase();
      for (const t of traces(p)) if (json.includes(t)) found.push(`${item.PK} ${item.SK} (${t})`);
    }
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

/** Every object in every bucket whose key, or (attachments: the bucket with people's files) content, names the person. */
async function objectsNaming(p: Person): Promise<string[]> {
  const found: string[] = [];
  for (const bucket of ['uploads', 'content', 'attachments'] as const) {
    let ContinuationToken: string | undefined;
    do {
      const res = await store().s3.send(new ListObjectsV2Command({ Bucket: store().buckets[bucket], ContinuationToken }));
      for (const o of res.Contents ?? []) {
        const key = o.Key!;
        if (traces(p).some((t) => decodeURIComponent(key).toLowerCase().includes(t))) found.push(`${bucket}:${key}`);
        else if (bucket === 'attachments' && (o.Size ?? 0) < 2_000_000) {
          const body = (await (await store().s3.send(new GetObjectCommand({ Bucket: store().buckets.attachments, Key: key }))).Body!.transformToString('utf-8')).toLowerCase();
          for (const t of traces(p)) if (body.includes(t)) found.push(`${bucket}:${key} (${t})`);
        }
      }
      ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }
  return found;
}

beforeAll(async () => {
  admin = await tokenFor(demo.admin);
  const issuer = await createDevIssuer({ issuer: stack().env.AUTH_ISSUER!, audience: stack().env.AUTH_AUDIENCE!, keyFile: stack().devKeyFile });
  people = {
    learner: await person(issuer, 'learner', `Wilhelmina Wisbaar ${run}`),
    other: await person(issuer, 'other', `Otto Anders ${run}`),
    resumable: await person(issuer, 'resumable', `Rosa Hervat ${run}`),
  };
  const external = await createModule(admin, { kind: 'external', title: `Extern ${run}`, provider: 'Trimbos-instituut' });
  const elearning = await createModule(admin, { kind: 'elearning', title: `Golf ${run}` });
  const classroom = await createModule(admin, { kind: 'classroom', title: `Klas ${run}` });
  const session = await createSession(admin, classroom.id, { capacity: 10 });
  await importPackage(admin, elearning.id, fixture('golf-scorm12-basic-runtime'));
  const network = await api('/api/networks', { method: 'POST', token: admin, json: { name: `Expertnetwerk Privacy ${run}`, theme: 'privacy', kind: 'cross-cutting', description: 'Een netwerk voor de test van de AVG-rechten.', leads: [demo.admin] } });
  expect(network.status, JSON.stringify(network.data)).toBe(201);
  f = { external: external.id, elearning: elearning.id, session: session.id, network: network.data.id, article: await publishArticle({ title: `Privacy ${run}`, audience: 'internal' }), fileId: '', exportRequestId: '' };
  f.fileId = await giveData(people.learner, { rating: 5, raw: '80', remark: `Vraag van ${people.learner.name} (${people.learner.email})`, answers: [['q1', 'b', 'correct'], ['q2', 'c', 'correct']] });
  await giveData(people.other, { rating: 2, raw: '40', remark: 'Klopt de tabel nog?', answers: [['q1', 'a', 'wrong'], ['q2', 'c', 'correct']] });
  await giveData(people.resumable, { rating: 4, raw: '60', remark: 'Duidelijk', answers: [['q1', 'b', 'correct'], ['q2', 'a', 'wrong']] });
}, 240_000);

describe('my personal data (GET /api/me/personal-data)', () => {
  it('is one JSON download with the person’s data from every feature and nothing of anyone else; the download is in the audit log', async () => {
    const { learner, other } = people;
    const res = await fetch(`${stack().appUrl}/api/me/personal-data`, { headers: { authorization: `Bearer ${learner.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    f.exportRequestId = res.headers.get('x-request-id')!;
    const raw = await res.text();
    const data = JSON.parse(raw);
    expect(data.person).toEqual({ id: learner.id });
    expect(data.profile).toMatchObject({ id: learner.id, name: learner.name, email: learner.email });
    expect(data.learning.record.modules.map((m: { moduleId: string }) => m.moduleId).sort()).toEqual([f.elearning, f.external].sort());
    expect(data.learning.sessions).toEqual([expect.objectContaining({ sessionId: f.session, status: 'enrolled' })]);
    expect(data.learning.evaluations).toEqual([expect.objectContaining({ targetType: 'module', targetId: f.external, rating: 5 })]);
    expect(data.learning.files).toEqual([expect.objectContaining({ id: f.fileId, fileName: 'bewijs.pdf' })]);
    expect(data.learning.fileObjects).toEqual([`learners/${learner.id}/${f.external}/${f.fileId}`]);
    expect(data.knowledge.signals).toEqual([expect.objectContaining({ articleId: f.article.id, useful: false, reader: { id: learner.id, name: learner.name } })]);
    expect(data.knowledge.votes).toEqual([expect.objectContaining({ articleId: f.article.id, useful: false })]);
    expect(data.knowledge.memberships).toEqual([expect.objectContaining({ networkId: f.network })]);
    expect(data.knowledge.questions).toEqual([expect.objectContaining({ networkId: f.network, title: `Vraag van ${learner.name}` })]);
    expect(data.portfolio.externalLearning).toEqual([expect.objectContaining({ title: `Congres ${learner.name}`, hours: 6 })]);
    expect(data.scorm).toHaveLength(1);
    expect(data.scorm[0].attempts[0]).toMatchObject({ moduleId: f.elearning, userId: learner.id, outcome: expect.objectContaining({ score: expect.objectContaining({ raw: 80 }) }) });
    expect(data.scorm[0].attempts[0].scos[0].state.suspendData).toContain(learner.name);
    for (const t of traces(other)) expect(raw.toLowerCase()).not.toContain(t);

    const audit = await api(`/api/academy/audit?action=person.export&actor=${learner.id}`, { token: admin });
    expect(audit.status, JSON.stringify(audit.data)).toBe(200);
    expect(audit.data.entries).toEqual([expect.objectContaining({ action: 'person.export', requestId: f.exportRequestId, actor: expect.objectContaining({ name: learner.name }), target: expect.objectContaining({ kind: 'person' }) })]);
    // The log holds a reference, never the id, name or e-mail.
    expect(JSON.stringify(audit.data.entries[0].actor.ref)).not.toContain(learner.id);
  });

  it('is the caller’s own only: anonymous callers must sign in', async () => {
    expect((await api('/api/me/personal-data')).status).toBe(401);
  });
});

describe('erasure (POST /api/academy/erasures)', () => {
  it('is for the academy only, and never of the admin’s own account', async () => {
    const self = await api('/api/academy/erasures', { method: 'POST', token: admin, json: { personId: demo.admin, reason: 'Eigen account wissen' } });
    expect(self.status).toBe(403);
    const employee = await api('/api/academy/erasures', { method: 'POST', token: people.other.token, json: { personId: people.learner.id, reason: 'Mag ik niet' } });
    expect(employee.status).toBe(403);
    const unknown = await api('/api/academy/erasures', { method: 'POST', token: admin, json: { personId: `u-nobody-${run}`, reason: 'Bestaat niet' } });
    expect(unknown.status).toBe(404);
    expect((await get(store(), keys.user(people.learner.id)))).toBeDefined();
  });

  it('leaves nothing of the person in the table or the buckets, and every figure others see as it was; written to the audit log', async () => {
    const { learner, other } = people;
    const before = await figures();
    expect(before.session.enrolled).toBe(3);
    expect(before.evaluation.count).toBe(3);
    expect(before.report.learners.started).toBe(3);
    expect((await itemsNaming(learner)).length).toBeGreaterThan(5);
    expect((await objectsNaming(learner)).length).toBeGreaterThanOrEqual(2); // the file, the spilled SCORM state

    const res = await api('/api/academy/erasures', { method: 'POST', token: admin, json: { personId: learner.id, reason: `Verzoek van ${learner.name} per e-mail (${learner.email}), uit dienst` } });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    const requestId = res.headers.get('x-request-id')!;
    expect(res.data).toMatchObject({ status: 'done', ref: await personRefOf(store(), learner.id), requestedBy: { name: expect.any(String) } });
    expect(res.data.reason).toBe(`Verzoek van ${res.data.ref} per e-mail (${res.data.ref}), uit dienst`);
    expect(res.data.steps.map((s: { step: string }) => s.step)).toEqual(['scorm', 'certificates', 'portfolio', 'learning', 'networks', 'knowledge', 'partners', 'platform', 'profile']);

    expect(await itemsNaming(learner)).toEqual([]);
    expect(await objectsNaming(learner)).toEqual([]);
    // Everything as it was, except the network: the person left it, and its count went with the row.
    const after = await figures();
    expect(after.network).toEqual({ memberCount: before.network.memberCount - 1, rows: before.network.rows - 1 });
    expect(after.network.memberCount).toBe(after.network.rows);
    expect({ ...after, network: undefined }).toEqual({ ...before, network: undefined });
    // The other learner is untouched.
    expect((await itemsNaming(other)).length).toBeGreaterThan(5);
    expect((await api('/api/me/learning', { token: other.token })).data).toBeDefined();

    // Again: the erasure is done, nothing changes, no second entry.
    const again = await api('/api/academy/erasures', { method: 'POST', token: admin, json: { personId: learner.id, reason: 'Nogmaals' } });
    expect(again.status).toBe(200);
    expect(again.data).toEqual(res.data);

    const audit = await api('/api/academy/audit?action=person.erase', { token: admin });
    const mine = audit.data.entries.filter((e: { target: { ref?: string } }) => e.target.ref === res.data.ref);
    expect(mine).toEqual([expect.objectContaining({ action: 'person.erase', requestId, actor: expect.objectContaining({ name: expect.any(String) }), target: { kind: 'person', ref: res.data.ref, name: null } })]);
    // The export's entry is still there (append-only), its actor no longer resolvable to anyone.
    const exported = await api('/api/academy/audit?action=person.export', { token: admin });
    expect(exported.data.entries.find((e: { requestId: string }) => e.requestId === f.exportRequestId)).toMatchObject({ actor: { ref: res.data.ref, name: null } });

    const list = await api('/api/academy/erasures', { token: admin });
    expect(list.data.erasures.find((e: { ref: string }) => e.ref === res.data.ref)).toMatchObject({ status: 'done' });
  });

  it('resumes an erasure that stopped half-way', async () => {
    const { resumable } = people;
    const s = store();
    const ref = await personRefOf(s, resumable.id);
    const before = await figures();
    // Half done: the record started and the SCORM step carried out, as if the request had stopped there.
    await startErasure(s, { ref, status: 'in-progress', reason: 'Verzoek (onderbroken)', requestedBy: { ref: await personRefOf(s, demo.admin) }, requestedAt: new Date().toISOString(), steps: [] });
    const counts = await eraseScormLearner(s, { id: resumable.id, name: resumable.name, email: resumable.email }, pseudonymOf(ref), await modulesOfLearner(s, resumable.id));
    expect(counts.items).toBeGreaterThan(0);
    await recordStep(s, ref, { step: 'scorm', at: new Date().toISOString(), counts });
    expect(await scormDataOf(s, resumable.id, [f.elearning])).toEqual([]);
    expect((await getErasure(s, ref))?.status).toBe('in-progress');

    const res = await api('/api/academy/erasures', { method: 'POST', token: admin, json: { personId: resumable.id, reason: 'Verzoek (hervat)' } });
    expect(res.status, JSON.stringify(res.data)).toBe(200);
    expect(res.data).toMatchObject({ status: 'done', reason: 'Verzoek (onderbroken)' });
    expect(res.data.steps.map((x: { step: string }) => x.step)).toEqual(['scorm', 'certificates', 'portfolio', 'learning', 'networks', 'knowledge', 'partners', 'platform', 'profile']);
    expect(await itemsNaming(resumable)).toEqual([]);
    expect(await objectsNaming(resumable)).toEqual([]);
    const after = await figures();
    expect(after.network).toEqual({ memberCount: before.network.memberCount - 1, rows: before.network.rows - 1 });
    expect({ ...after, network: undefined }).toEqual({ ...before, network: undefined });
  });
});

describe('a partner user’s personal data', () => {
  it('exports their record with the organisation and erases it with their invitation: nothing of them is left', async () => {
    const email = `pia.${run}@partner.example`;
    const name = `Pia Partner ${run}`;
    const invited = await api('/api/partners/org-hap-de-linde/invitations', { method: 'POST', token: admin, json: { name, email } });
    expect(invited.status, JSON.stringify(invited.data)).toBe(201);
    const link = /\/uitnodiging\/([A-Za-z0-9_-]+)$/.exec(invited.data.link)![1];
    const accepted = await api(`/api/invitations/${link}/accept`, { method: 'POST' });
    expect(accepted.status, JSON.stringify(accepted.data)).toBe(201);
    const partner: Person = { id: accepted.data.userId, name, email, token: await tokenFor(accepted.data.userId) };
    expect((await api('/api/me', { token: partner.token })).status).toBe(200);

    const exported = await api('/api/me/personal-data', { token: partner.token });
    expect(exported.status).toBe(200);
    expect(exported.data.partner.record).toMatchObject({ organisationId: 'org-hap-de-linde', name, email, status: 'active' });
    expect(exported.data.partner.invitations).toEqual([expect.objectContaining({ email, name })]);
    expect((await itemsNaming(partner)).length).toBeGreaterThan(0);

    const erased = await api('/api/academy/erasures', { method: 'POST', token: admin, json: { personId: partner.id, reason: 'Verzoek van de partner' } });
    expect(erased.status, JSON.stringify(erased.data)).toBe(200);
    expect(erased.data.steps.map((x: { step: string }) => x.step)).toContain('partners');
    expect(await itemsNaming(partner)).toEqual([]);
    // The organisation still shows that someone left, under the pseudonym.
    const users = await api('/api/partners/org-hap-de-linde/users', { token: admin });
    expect(JSON.stringify(users.data)).not.toContain(email);
  });
});

describe('the audit log (GET /api/academy/audit)', () => {
  it('is read by the academy only, filtered by period, and refuses a period it cannot read', async () => {
    expect((await api('/api/academy/audit', { token: people.other.token })).status).toBe(403);
    expect((await api('/api/academy/erasures', { token: people.other.token })).status).toBe(403);
    const today = new Date().toISOString().slice(0, 10);
    const ok = await api(`/api/academy/audit?from=${today}&to=${today}`, { token: admin });
    expect(ok.status).toBe(200);
    expect(ok.data.entries.length).toBeGreaterThan(0);
    expect(ok.data.entries.every((e: { at: string }) => e.at.startsWith(today))).toBe(true);
    expect((await api('/api/academy/audit?from=2020-01-01&to=2024-12-31', { token: admin })).status).toBe(400);
    expect((await api('/api/academy/audit?from=morgen', { token: admin })).status).toBe(400);
    const none = await api('/api/academy/audit?from=2001-01-01&to=2001-01-31', { token: admin });
    expect(none.data.entries).toEqual([]);
  });
});
