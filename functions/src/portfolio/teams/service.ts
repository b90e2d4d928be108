/**
 * Team compliance: a team manager sees their own team (the team on their profile) and no other;
 * per member and mandatory module the status and expiry, overdue first; and a member's register
 * progress only when they share it. The academy sees every team. Members come from GSI2
 * (`TEAM#{teamId}`), their learner-module items by BatchGet of exactly the requirements' keys.
 */
import { Problem } from '../../platform/http/problem';
import { text, type Text } from '../../platform/http/language';
import { csvDocument } from '../../platform/domain/csv';
import { authorize, can } from '../../policy';
import { getUser, teamMembers } from '../../identity';
import { nowOf, type PortfolioCtx } from '../context';
import { listRequirements } from '../mandatory/store';
import { actorIn, hasMandatoryTraining, statesOfPeople } from '../mandatory/service';
import { amsterdamDate, isCompliant, urgency, worstOf, type MandatoryStatus } from '../mandatory/domain/validity';
import { progressOf } from './shared-progress';
import { sharingPeople } from '../registrations/store';

const noTeam = text('Dit team bestaat niet', 'This team does not exist');
const signInFirst = () => new Problem('unauthenticated', text('Meld je aan om je team te zien', 'Sign in to see your team'));

/** The caller's team (from their profile), as the policy sees it. */
async function callerTeam(ctx: PortfolioCtx) {
  if (!ctx.principal) throw signInFirst();
  return (await getUser(ctx.store, ctx.principal.id))?.teamId;
}

/** The team I manage: the team on my profile, if the policy lets me read its compliance. */
export async function myTeam(ctx: PortfolioCtx) {
  const teamId = await callerTeam(ctx);
  if (!teamId) throw new Problem('notFound', text('Je profiel noemt geen team', 'Your profile names no team'));
  authorize(actorIn(ctx), 'team', 'read-compliance', { teamId, callerTeamId: teamId }, noTeam);
  const members = await teamMembers(ctx.store, teamId);
  return { teamId, teamName: members.find((m) => m.teamName)?.teamName ?? teamId, members: members.length };
}

export async function teamCompliance(ctx: PortfolioCtx, teamId: string) {
  const callerTeamId = await callerTeam(ctx);
  authorize(actorIn(ctx), 'team', 'read-compliance', { teamId, ...(callerTeamId ? { callerTeamId } : {}) }, noTeam);
  const [everyone, reqs] = await Promise.all([teamMembers(ctx.store, teamId), listRequirements(ctx.store)]);
  if (everyone.length === 0) throw new Problem('notFound', noTeam);
  const members = everyone.filter(hasMandatoryTraining);
  // Register progress is read only for members who share some of it (one BatchGet tells which): not 200 portfolios.
  const [states, sharing] = await Promise.all([statesOfPeople(ctx, members, reqs), sharingPeople(ctx.store, members.map((m) => m.id))]);
  const actor = actorIn(ctx);
  const rows = await Promise.all(
    members.map(async (m) => {
      const items = states.get(m.id) ?? [];
      // The policy decides, per registration, whether the manager sees it: the member's own team, and shared by the member.
      const registers = (sharing.has(m.id) ? await progressOf(ctx, m.id) : [])
        .filter((r) => can(actor, 'sharedProgress', 'read', { ownerId: m.id, ...(m.teamId ? { ownerTeamId: m.teamId } : {}), ...(callerTeamId ? { callerTeamId } : {}), shared: r.shared }) && r.shared)
        .map(({ shared: _shared, ...r }) => r);
      const worst = worstOf(items.map((i) => i.status));
      return { userId: m.id, name: m.name, ...(m.profession ? { profession: m.profession } : {}), ...(worst ? { worst } : {}), items, ...(registers.length > 0 ? { registers } : {}), shared: registers.length > 0 };
    }),
  );
  rows.sort((a, b) => (a.worst ? urgency(a.worst) : 99) - (b.worst ? urgency(b.worst) : 99) || a.name.localeCompare(b.name, 'nl'));
  const count = (pred: (w: MandatoryStatus | undefined) => boolean) => rows.filter((r) => pred(r.worst)).length;
  return {
    teamId,
    teamName: everyone.find((m) => m.teamName)?.teamName ?? teamId,
    asOf: amsterdamDate(nowOf(ctx)),
    counts: { members: rows.length, overdue: count((w) => w === 'overdue'), due: count((w) => w === 'due' || w === 'in-grace'), dueSoon: count((w) => w === 'due-soon'), compliant: count((w) => w === undefined || isCompliant(w)) },
    members: rows,
  };
}

export const statusWords: Record<MandatoryStatus, Text> = {
  overdue: text('Te laat', 'Overdue'),
  'in-grace': text('Verlopen (coulancetermijn)', 'Expired (grace period)'),
  due: text('Nog te doen', 'To do'),
  'due-soon': text('Verloopt binnenkort', 'Expires soon'),
  valid: text('Geldig', 'Valid'),
};

/** One row per member and requirement, most urgent member first, in the reader's language. */
export async function teamComplianceCsv(ctx: PortfolioCtx, teamId: string, language: 'nl' | 'en') {
  const t = await teamCompliance(ctx, teamId);
  const header =
    language === 'nl'
      ? ['Naam', 'Beroep', 'Module', 'Status', 'Afgerond op', 'Geldig tot', 'Te laat vanaf', 'Registervoortgang (gedeeld)']
      : ['Name', 'Profession', 'Module', 'Status', 'Completed on', 'Valid until', 'Overdue from', 'Register progress (shared)'];
  const progress = (m: (typeof t.members)[number]) => (m.registers ?? []).map((r) => `${r.registerName}: ${r.earned}/${r.required}`).join(' | ');
  const rows = t.members.flatMap((m) =>
    m.items.length === 0
      ? [[m.name, m.profession ?? '', '', '', '', '', '', progress(m)]]
      : m.items.map((i) => [m.name, m.profession ?? '', i.title, statusWords[i.status][language], i.completedOn ?? '', i.expiresOn ? dayBefore(i.expiresOn) : '', i.overdueOn, progress(m)]),
  );
  return { teamId: t.teamId, body: csvDocument(header, rows, language) };
}

/** "Valid until" is the last valid day: the day before `expiresOn`. */
function dayBefore(date: string) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
