/**
 * Mandatory training: the academy's requirements (which module, for whom, how long valid), each
 * person's status per requirement (functions/src/portfolio/mandatory/domain/validity.ts), my own
 * list with the next session to book, and compliance per department for the academy.
 * See functions/docs/mandatory-training.md.
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { actorOf, authorize, can } from '../../policy';
import { everyUser, getUser, type UserProfile } from '../../identity';
import { getModule, seatsOfLearner, sessionsOfModule, type LearnerModule } from '../../learning';
import { nowOf, type PortfolioCtx } from '../context';
import * as db from './store';
import type { Requirement } from './store';
import { appliesTo } from './domain/requirements';
import { amsterdamDate, isCompliant, urgency, validityOf, worstOf, type MandatoryStatus, type Validity } from './domain/validity';

const signInFirst = () => new Problem('unauthenticated', text('Meld je aan om je verplichte scholing te zien', 'Sign in to see your mandatory training'));

/** The caller as the policy sees them. */
export const actorIn = (ctx: PortfolioCtx) => actorOf(ctx.principal);

/** A profile as the policy sees the person: mandatory training is for whoever may read it (staff). */
export const hasMandatoryTraining = (p: Pick<UserProfile, 'id' | 'name' | 'roles'>) => can(actorOf({ id: p.id, name: p.name, roles: p.roles }), 'mandatory', 'read', {});

export interface MandatoryState extends Omit<Validity, 'status'> {
  moduleId: string;
  title: string;
  kind: string;
  status: MandatoryStatus;
  validityMonths: number;
}

/** The instant validity runs from: the latest completion (renewals), for completions from before it was kept the first. */
export const completionInstant = (lm: LearnerModule | undefined) => (lm?.completedAt ? (lm.lastCompletedAt ?? lm.completedAt) : undefined);

/** One person's state for each requirement that applies to them, most urgent first. */
export function statesOf(person: Pick<UserProfile, 'id' | 'roles' | 'profession' | 'department'>, requirements: readonly Requirement[], items: ReadonlyMap<string, LearnerModule>, now: Date): MandatoryState[] {
  return requirements
    .filter((r) => appliesTo(r.appliesTo, person))
    .map((r) => {
      const v = validityOf(r, [completionInstant(items.get(`${person.id}#${r.moduleId}`))], now);
      return { moduleId: r.moduleId, title: r.title, kind: r.kind, validityMonths: r.validityMonths, ...v };
    })
    .sort((a, b) => urgency(a.status) - urgency(b.status) || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'nl'));
}

/** States of several people: reads exactly the applicable (person, module) keys. */
export async function statesOfPeople(ctx: PortfolioCtx, people: readonly UserProfile[], requirements: readonly Requirement[]) {
  const pairs = people.flatMap((p) => requirements.filter((r) => appliesTo(r.appliesTo, p)).map((r) => ({ userId: p.id, moduleId: r.moduleId })));
  const items = await db.learnerModules(ctx.store, pairs);
  const now = nowOf(ctx);
  return new Map(people.map((p) => [p.id, statesOf(p, requirements, items, now)]));
}

// ---- the academy's requirements ---------------------------------------------------------------------

export async function requirements(ctx: PortfolioCtx) {
  if (!ctx.principal) throw signInFirst();
  authorize(actorIn(ctx), 'mandatory', 'read', {});
  return { requirements: await db.listRequirements(ctx.store) };
}

export interface RequirementInput {
  appliesTo: Requirement['appliesTo'];
  validityMonths: number;
  graceDays: number;
  dueSoonDays: number;
  since: string;
  expectedRev?: number;
}

const clean = (list: string[] | undefined) => (list && list.length > 0 ? [...new Set(list.map((x) => x.trim()).filter(Boolean))] : undefined);

export async function saveRequirement(ctx: PortfolioCtx, moduleId: string, input: RequirementInput): Promise<Requirement> {
  if (!ctx.principal) throw signInFirst();
  authorize(actorIn(ctx), 'mandatory', 'manage', {});
  const m = await getModule(ctx.store, moduleId);
  if (!m || m.status === 'archived') throw new Problem('notFound', text(`Geen (niet-gearchiveerde) module met id ${moduleId}`, `No (unarchived) module with id ${moduleId}`));
  if (m.enrolAudience === 'partners') throw new Problem('unprocessable', text('Deze module is alleen voor ketenpartners; verplichte scholing is voor medewerkers', 'This module is for chain partners only; mandatory training is for employees'));
  const applies = { ...(clean(input.appliesTo.roles) ? { roles: clean(input.appliesTo.roles) } : {}), ...(clean(input.appliesTo.professions) ? { professions: clean(input.appliesTo.professions) } : {}), ...(clean(input.appliesTo.departments) ? { departments: clean(input.appliesTo.departments) } : {}) };
  const r: Requirement = {
    moduleId,
    title: m.title,
    kind: m.kind,
    appliesTo: applies,
    validityMonths: input.validityMonths,
    graceDays: input.graceDays,
    dueSoonDays: input.dueSoonDays,
    since: input.since,
    rev: (input.expectedRev ?? 0) + 1,
    updatedAt: nowOf(ctx).toISOString(),
    updatedBy: { id: ctx.principal.id, name: ctx.principal.name },
  };
  if (!(await db.putRequirement(ctx.store, r, input.expectedRev ?? null))) {
    throw input.expectedRev === undefined
      ? new Problem('conflict', text('Deze module is al verplicht; open de verplichting en wijzig die', 'This module is already mandatory; open the requirement and change it'))
      : new Problem('versionConflict', text('Iemand anders heeft deze verplichting intussen gewijzigd of verwijderd; laad de pagina opnieuw', 'Someone else has changed or removed this requirement in the meantime; reload the page'));
  }
  return r;
}

export async function removeRequirement(ctx: PortfolioCtx, moduleId: string, expectedRev?: number) {
  if (!ctx.principal) throw signInFirst();
  authorize(actorIn(ctx), 'mandatory', 'manage', {});
  if (!(await db.deleteRequirement(ctx.store, moduleId, expectedRev))) {
    throw expectedRev === undefined
      ? new Problem('notFound', text(`Module ${moduleId} is niet verplicht`, `Module ${moduleId} is not mandatory`))
      : new Problem('versionConflict', text('Iemand anders heeft deze verplichting intussen gewijzigd of verwijderd; laad de pagina opnieuw', 'Someone else has changed or removed this requirement in the meantime; reload the page'));
  }
  return { deleted: true as const };
}

// ---- mine -----------------------------------------------------------------------------------------

/** My requirements with status, most urgent first; for what is not valid, the next session to book (or the one I booked). */
export async function myMandatory(ctx: PortfolioCtx) {
  if (!ctx.principal) throw signInFirst();
  authorize(actorIn(ctx), 'mandatory', 'read', {});
  const p = ctx.principal;
  const [profile, reqs] = await Promise.all([getUser(ctx.store, p.id), db.listRequirements(ctx.store)]);
  const me: UserProfile = { ...(profile ?? { id: p.id, name: p.name, createdAt: '' }), roles: p.roles };
  const [states] = [...(await statesOfPeople(ctx, [me], reqs)).values()];
  const now = nowOf(ctx);
  const open = (states ?? []).filter((s) => s.status !== 'valid');
  const seats = open.length > 0 ? await seatsOfLearner(ctx.store, p.id, amsterdamDate(now)) : [];
  const items = await Promise.all(
    (states ?? []).map(async (s) => {
      if (s.status === 'valid') return s;
      const seat = seats.find((x) => x.moduleId === s.moduleId && (x.status === 'enrolled' || x.status === 'waitlisted') && Date.parse(x.start) > now.getTime());
      if (seat) return { ...s, booked: { sessionId: seat.sessionId, start: seat.start, status: seat.status as 'enrolled' | 'waitlisted' } };
      const next = await nextSessionToBook(ctx, s.moduleId, now);
      return next ? { ...s, nextSession: next } : s;
    }),
  );
  return { asOf: amsterdamDate(now), items };
}

/** The earliest planned session of the module that has not begun and has a seat left. */
export async function nextSessionToBook(ctx: PortfolioCtx, moduleId: string, now: Date) {
  const sessions = await sessionsOfModule(ctx.store, moduleId, new Date(now.getTime() - 86_400_000).toISOString());
  const open = sessions
    .filter((s) => s.status === 'planned' && Date.parse(s.start) > now.getTime() && s.enrolled < s.capacity)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
  return open ? { sessionId: open.id, start: open.start, end: open.end, ...(open.location ? { location: open.location } : {}), online: !open.location && !!open.meetingUrl, seatsLeft: open.capacity - open.enrolled } : undefined;
}

// ---- the academy: compliance per department ----------------------------------------------------------

const noDepartment = text('(geen afdeling)', '(no department)');

/**
 * Per department: staff, and how many are compliant (everything valid or due soon), due soon,
 * due (never done, or expired within the grace days) and overdue, by each person's most urgent
 * status. Lists every profile (GSI1 `USERS`) and reads the applicable keys by BatchGet: for 5,000
 * staff and four requirements, a few profile pages and 200 BatchGets, 8 at a time.
 */
export async function departmentCompliance(ctx: PortfolioCtx, language: 'nl' | 'en') {
  if (!ctx.principal) throw signInFirst();
  authorize(actorIn(ctx), 'mandatory', 'read-compliance', {});
  const [people, reqs] = await Promise.all([everyUser(ctx.store), db.listRequirements(ctx.store)]);
  const staff = people.filter(hasMandatoryTraining);
  const states = await statesOfPeople(ctx, staff, reqs);
  const rows = new Map<string, { department: string; members: number; compliant: number; dueSoon: number; due: number; overdue: number }>();
  for (const p of staff) {
    const department = p.department ?? noDepartment[language];
    const row = rows.get(department) ?? { department, members: 0, compliant: 0, dueSoon: 0, due: 0, overdue: 0 };
    const worst = worstOf((states.get(p.id) ?? []).map((s) => s.status));
    row.members++;
    if (worst === undefined || isCompliant(worst)) row.compliant++;
    if (worst === 'due-soon') row.dueSoon++;
    if (worst === 'due' || worst === 'in-grace') row.due++;
    if (worst === 'overdue') row.overdue++;
    rows.set(department, row);
  }
  return { asOf: amsterdamDate(nowOf(ctx)), requirements: reqs.length, departments: [...rows.values()].sort((a, b) => a.department.localeCompare(b.department, 'nl')) };
}
