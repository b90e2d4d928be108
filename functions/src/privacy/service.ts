/**
 * Personal data (AVG/GDPR): a person's download of everything the platform holds about them, the
 * academy's erasure of a person everywhere, and reading the audit log. Each feature owns its part
 * (what it holds about a person, and how it erases them); this orchestrates, and records both in the
 * audit log. See functions/docs/privacy.md.
 */
import { Problem } from '../platform/http/problem';
import { text } from '../platform/http/language';
import type { StoreClients } from '../platform/store/clients';
import { retryOnContention, conditionFailed } from '../platform/store/items';
import { transact } from '../platform/store/table';
import { appendAudit, auditParts, forgetPersonRefPart, peopleOfRefs, personRefOf, pseudonymOf, scrubText, type AuditEntry, type PersonTraces } from '../platform/audit';
import { actorOf, authorize } from '../policy';
import { eraseProfile, getUser, listUsers } from '../identity';
import { eraseLearner, learningDataOf, modulesOfLearner } from '../learning';
import { eraseReader, knowledgeDataOf } from '../knowledge';
import { eraseMemberships } from '../networks';
import { erasePartnerUser, partnerDataOf } from '../partners';
import { eraseScormLearner, scormDataOf } from '../scorm';
import { certificatesDataOf, eraseCertificates, erasePortfolio, portfolioDataOf } from '../portfolio';
import { nowOf, type PrivacyCtx } from './context';
import { auditRange } from './domain/audit-range';
import * as db from './store';
import type { AuditEntryView, AuditList, Erasure, People, PersonalData } from './schemas';

function signedIn(ctx: PrivacyCtx) {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om dit te doen', 'Sign in to do this'));
  return ctx.principal;
}

// ---- the export -----------------------------------------------------------------------------------

/** Everything about the signed-in person, from every feature; the export itself goes into the audit log. */
export async function personalData(ctx: PrivacyCtx): Promise<PersonalData> {
  const p = signedIn(ctx);
  authorize(actorOf(p), 'person', 'export', { personId: p.id });
  const s = ctx.deps.store;
  const [profile, learning, knowledge, certificates, portfolio] = await Promise.all([getUser(s, p.id), learningDataOf(s, p.id), knowledgeDataOf(s, p.id), certificatesDataOf(s, p.id), portfolioDataOf(s, p.id)]);
  const partner = await partnerDataOf(s, { id: p.id, ...(profile?.email ? { email: profile.email } : {}) }, profile?.organisationId ?? p.organisationId);
  const moduleIds = (learning.record.modules as Array<{ moduleId: string }>).map((m) => m.moduleId);
  const scorm = await scormDataOf(s, p.id, moduleIds);
  const data: PersonalData = {
    exportedAt: nowOf(ctx).toISOString(),
    person: { id: p.id },
    profile: (profile as Record<string, unknown> | undefined) ?? null,
    learning,
    knowledge: knowledge as unknown as PersonalData['knowledge'],
    scorm: scorm as unknown as PersonalData['scorm'],
    portfolio: portfolio as unknown as PersonalData['portfolio'],
    certificates: certificates as unknown as PersonalData['certificates'],
    partner,
  };
  await appendAudit(s, {
    actor: { id: p.id },
    action: 'person.export',
    target: { kind: 'person', personId: p.id },
    requestId: ctx.requestId,
    at: data.exportedAt,
    details: { sessions: learning.sessions.length, evaluations: learning.evaluations.length, files: learning.files.length, signals: knowledge.signals.length, scormModules: scorm.length, certificates: certificates.length, externalLearning: portfolio.externalLearning.length },
  });
  return data;
}

// ---- erasure --------------------------------------------------------------------------------------

/** Names of the references still known (people who exist), by reference. */
async function namesOf(store: StoreClients, refs: string[]): Promise<Map<string, string>> {
  const people = await peopleOfRefs(store, refs);
  const out = new Map<string, string>();
  await Promise.all(
    [...people].map(async ([ref, userId]) => {
      const u = await getUser(store, userId);
      if (u) out.set(ref, u.name);
    }),
  );
  return out;
}

const erasureView = (e: db.ErasureRecord, names: Map<string, string>): Erasure => ({
  ref: e.ref,
  status: e.status,
  reason: e.reason,
  requestedBy: { ref: e.requestedBy.ref, name: names.get(e.requestedBy.ref) ?? null },
  requestedAt: e.requestedAt,
  ...(e.completedAt ? { completedAt: e.completedAt } : {}),
  steps: e.steps ?? [],
});

/**
 * Carries out an erasure request: every feature erases or pseudonymises what it holds of the
 * person, step by step (each step recorded on the erasure, `ERASURE#{ref}`), then one transaction
 * marks it done, writes the audit entry and forgets whose reference it was. A request for a person
 * whose erasure stopped half-way resumes it (steps already done are skipped, and every step finds
 * only what is left); for one already erased it answers with that erasure.
 */
export async function erase(ctx: PrivacyCtx, input: { personId: string; reason: string }): Promise<Erasure> {
  const p = signedIn(ctx);
  authorize(actorOf(p), 'person', 'erase', { personId: input.personId });
  const s = ctx.deps.store;
  const ref = await personRefOf(s, input.personId);
  const existing = await db.getErasure(s, ref);
  if (existing?.status === 'done') return erasureView(existing, await namesOf(s, [existing.requestedBy.ref]));
  const profile = await getUser(s, input.personId);
  if (!existing && !profile) throw new Problem('notFound', text('Deze persoon bestaat niet (of is al gewist)', 'This person does not exist (or has already been erased)'));
  const person: PersonTraces = { id: input.personId, ...(profile?.name ? { name: profile.name } : {}), ...(profile?.email ? { email: profile.email } : {}) };
  const pseudonym = pseudonymOf(ref);
  const now = () => nowOf(ctx).toISOString();

  let record = existing;
  if (!record) {
    const fresh: db.ErasureRecord = { ref, status: 'in-progress', reason: scrubText(input.reason, person, pseudonym), requestedBy: { ref: await personRefOf(s, p.id) }, requestedAt: now(), steps: [] };
    record = (await db.startErasure(s, fresh)) ? fresh : (await db.getErasure(s, ref))!;
  }
  const done = new Set(record.steps.map((x) => x.step));
  const steps = [...record.steps];
  const step = async (name: string, run: () => Promise<Record<string, number>>) => {
    if (done.has(name)) return;
    const counts = await run();
    const entry = { step: name, at: now(), counts };
    await db.recordStep(s, ref, entry);
    steps.push(entry);
  };
  // SCORM first: the learner's record (deleted by learning) says which modules they launched.
  await step('scorm', async () => eraseScormLearner(s, person, pseudonym, await modulesOfLearner(s, person.id)));
  // Certificates before learning: the learner's pointers to them are in the learner's record.
  await step('certificates', async () => eraseCertificates(s, person.id));
  await step('portfolio', () => erasePortfolio(s, person.id));
  await step('learning', () => eraseLearner(s, person, pseudonym));
  await step('networks', () => eraseMemberships(s, person.id));
  await step('knowledge', () => eraseReader(s, person, pseudonym));
  // Partners before the profile: the profile says which organisation holds the partner's record.
  await step('partners', () => erasePartnerUser(s, person, pseudonym, profile?.organisationId));
  await step('platform', async () => ({ rateLimits: await db.eraseRateLimits(s, person.id) }));
  await step('profile', async () => {
    await eraseProfile(s, person.id);
    return { profiles: profile ? 1 : 0 };
  });

  const completedAt = now();
  try {
    await retryOnContention(async () =>
      transact(s, [
        db.finishErasurePart(ref, completedAt),
        ...(await auditParts(s, { actor: { id: p.id }, action: 'person.erase', target: { kind: 'person', ref }, requestId: ctx.requestId, at: completedAt, details: { steps: steps.length } })),
        forgetPersonRefPart(ref),
      ]),
    );
  } catch (err) {
    // Another run finished it at the same moment: theirs is the record.
    if (!conditionFailed(err, 0)) throw err;
  }
  const finished = (await db.getErasure(s, ref))!;
  return erasureView(finished, await namesOf(s, [finished.requestedBy.ref]));
}

export async function listErasures(ctx: PrivacyCtx): Promise<{ erasures: Erasure[] }> {
  const p = signedIn(ctx);
  authorize(actorOf(p), 'audit', 'read', {});
  const records = await db.listErasures(ctx.deps.store);
  const names = await namesOf(ctx.deps.store, records.map((r) => r.requestedBy.ref));
  return { erasures: records.map((r) => erasureView(r, names)) };
}

// ---- the audit log --------------------------------------------------------------------------------

const maxEntries = 500;

export async function readAudit(ctx: PrivacyCtx, q: { from?: string; to?: string; action?: string; actor?: string }): Promise<AuditList> {
  const p = signedIn(ctx);
  authorize(actorOf(p), 'audit', 'read', {});
  const range = auditRange(q.from, q.to, nowOf(ctx).toISOString().slice(0, 10));
  if ('error' in range) throw new Problem('validation', range.error);
  const s = ctx.deps.store;
  const actorRef = q.actor ? await personRefOf(s, q.actor) : undefined;
  const entries: AuditEntry[] = [];
  let truncated = false;
  for (const month of range.months) {
    const left = maxEntries - entries.length;
    const got = await db.auditEntries(s, month, `${range.from}T00:00:00`, `${range.to}T23:59:59.999Z\uffff`, { action: q.action, actorRef }, left);
    entries.push(...got.entries);
    if (got.more || entries.length >= maxEntries) {
      truncated = got.more || month !== range.months[range.months.length - 1];
      break;
    }
  }
  const names = await namesOf(s, entries.flatMap((e) => [e.actor.ref, ...(e.target.ref ? [e.target.ref] : [])]));
  const view = (e: AuditEntry): AuditEntryView => ({
    id: e.id,
    at: e.at,
    action: e.action,
    actor: { ref: e.actor.ref, name: names.get(e.actor.ref) ?? null },
    target: { kind: e.target.kind, ...(e.target.id ? { id: e.target.id } : {}), ...(e.target.ref ? { ref: e.target.ref, name: names.get(e.target.ref) ?? null } : {}) },
    requestId: e.requestId,
    ...(e.details ? { details: e.details } : {}),
  });
  return { from: range.from, to: range.to, entries: entries.map(view), truncated };
}

/** The people the academy can pick from (an erasure request, the audit log's filter by person). */
export async function people(ctx: PrivacyCtx): Promise<People> {
  const p = signedIn(ctx);
  authorize(actorOf(p), 'audit', 'read', {});
  const users = await listUsers(ctx.deps.store, 1000);
  return { people: users.map((u) => ({ id: u.id, name: u.name, ...(u.email ? { email: u.email } : {}) })) };
}
