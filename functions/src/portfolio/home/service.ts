/**
 * The home page's "what's next", in one request: each part only when it applies to the caller
 * (the policy's abilities, never role names). A learner: mandatory training to do, the next
 * session, the path step to continue, the gap in their register cycles. A team manager: their
 * team's overdue training. A trainer: today's and this week's sessions and hand-ins to review.
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { abilitiesOf, can } from '../../policy';
import { getUser } from '../../identity';
import { myLearning, pendingSubmissions, sessionsOfTrainer, type LearningCtx } from '../../learning';
import { nowOf, type PortfolioCtx } from '../context';
import { actorIn, myMandatory } from '../mandatory/service';
import { teamCompliance } from '../teams/service';
import { progressOf } from '../teams/shared-progress';
import { addDays, amsterdamDate } from '../mandatory/domain/validity';

const learningCtx = (ctx: PortfolioCtx): LearningCtx => ({ store: ctx.store, principal: ctx.principal, ...(ctx.now ? { now: () => ctx.now!().toISOString() } : {}) });

/** Monday to Sunday (Amsterdam dates) of the week `date` is in. */
function weekOf(date: string) {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = addDays(date, -weekday);
  return { from: monday, to: addDays(monday, 6) };
}

export async function home(ctx: PortfolioCtx) {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan', 'Sign in'));
  const actor = actorIn(ctx);
  const abilities = abilitiesOf(actor);
  const today = amsterdamDate(nowOf(ctx));
  const lctx = learningCtx(ctx);

  const mandatoryPart = async () => {
    if (!can(actor, 'mandatory', 'read', {})) return undefined;
    const items = (await myMandatory(ctx)).items.filter((i) => i.status !== 'valid');
    return { items };
  };
  const learningPart = async () => {
    const mine = await myLearning(lctx);
    const next = mine.upcomingSessions.filter((s) => Date.parse(s.start) > nowOf(ctx).getTime()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
    const path = mine.paths.find((p) => !p.complete && p.nextStep);
    return {
      ...(next ? { nextSession: { sessionId: next.sessionId, ...(next.moduleId ? { moduleId: next.moduleId } : {}), ...(next.title ? { title: next.title } : {}), start: next.start, ...(next.end ? { end: next.end } : {}), status: next.status } } : {}),
      ...(path?.nextStep ? { continuePath: { pathId: path.pathId, title: path.title, percent: path.percent, step: { moduleId: path.nextStep.moduleId, title: path.nextStep.title } } } : {}),
    };
  };
  const registersPart = async () => {
    if (!can(actor, 'portfolio', 'read', { ownerId: ctx.principal!.id })) return undefined;
    const progress = await progressOf(ctx, ctx.principal!.id);
    return progress.filter((r) => r.missing > 0).map((r) => ({ registerId: r.registerId, registerName: r.registerName, unit: r.unit, earned: r.earned, required: r.required, missing: r.missing, ...(r.daysLeft !== undefined ? { daysLeft: r.daysLeft } : {}) }));
  };
  const teamPart = async () => {
    if (!abilities.learning.team) return undefined;
    const teamId = (await getUser(ctx.store, ctx.principal!.id))?.teamId;
    if (!teamId || !can(actor, 'team', 'read-compliance', { teamId, callerTeamId: teamId })) return undefined;
    const t = await teamCompliance(ctx, teamId).catch((err: unknown) => {
      if (err instanceof Problem && err.kind === 'notFound') return undefined;
      throw err;
    });
    if (!t) return undefined;
    const overdue = t.members.flatMap((m) => m.items.filter((i) => i.status === 'overdue' || i.status === 'in-grace').map((i) => ({ userId: m.userId, name: m.name, moduleId: i.moduleId, title: i.title, status: i.status, overdueOn: i.overdueOn })));
    return { teamId: t.teamId, teamName: t.teamName, members: t.counts.members, overdueMembers: t.counts.overdue, overdue: overdue.slice(0, 10) };
  };
  const trainerPart = async () => {
    if (!abilities.academy['read-trainer-sessions']) return undefined;
    const week = weekOf(today);
    const sessions = (await sessionsOfTrainer(lctx)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const on = (s: { start: string }) => amsterdamDate(s.start);
    const toReview = abilities.academy['review-assignments'] ? (await pendingSubmissions(lctx)).length : undefined;
    return {
      today: sessions.filter((s) => on(s) === today),
      thisWeek: sessions.filter((s) => on(s) > today && on(s) <= week.to),
      ...(toReview !== undefined ? { toReview } : {}),
    };
  };

  const [mandatory, learning, registers, team, trainer] = await Promise.all([mandatoryPart(), learningPart(), registersPart(), teamPart(), trainerPart()]);
  return {
    asOf: today,
    ...(mandatory ? { mandatory } : {}),
    learning,
    ...(registers ? { registers } : {}),
    ...(team ? { team } : {}),
    ...(trainer ? { trainer } : {}),
  };
}
