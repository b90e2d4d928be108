/**
 * The one access policy: every rule about who may do what, as data plus pure functions.
 * Features ask `authorize`/`can`; no other file compares role names. See docs/access.md.
 */
import { actorOf, enrolAudiences, isPartner, isStaff, isTeamManager, readableAudiences, type Actor, type NetworkRole } from './actor';
import { can } from './authorize';
import { rules } from './rules';

export { actorOf, anonymous, enrolAudiences, isPartner, readableAudiences, type Actor, type Audience, type EnrolAudience, type Membership, type NetworkRole } from './actor';
export { authorize, can, describeRules } from './authorize';
export { rules, type Action, type Kind, type Resources } from './rules';
export type { ArticleResource, ModuleResource, SessionResource, SeatResource, PathResource, LearnerWorkResource, NetworkResource, ScormPackageResource, ScormAttemptResource, PortfolioResource, TeamResource, SharedProgressResource, PersonResource, QuestionResource, NetworkEventResource, NetworkActivityResource } from './rules';

/** The members of a network the actor may see: all for staff, the lead experts for other signed-in users, none for anonymous visitors. */
export function visibleMembers<M extends { role: NetworkRole }>(actor: Actor, networkId: string, members: M[]): M[] {
  if (can(actor, 'network', 'read-members', { networkId })) return members;
  if (can(actor, 'network', 'read-leads', { networkId })) return members.filter((m) => m.role === 'lead');
  return [];
}

/**
 * What the signed-in user may do in general, for `/api/me`: the web shows what these allow and
 * never reasons about role names. Per-resource answers (this article, this session) come with
 * the resource itself.
 */
export function abilitiesOf(actor: Actor) {
  const academy = Object.fromEntries(Object.keys(rules.academy.actions).map((action) => [action, can(actor, 'academy', action as never, {})])) as Record<keyof typeof rules.academy.actions, boolean>;
  const networks = actor.memberships.map((m) => ({
    networkId: m.networkId,
    write: can(actor, 'network', 'write', { networkId: m.networkId }),
    publish: can(actor, 'network', 'publish', { networkId: m.networkId }),
  }));
  return {
    academy,
    /** Pages to offer; each request is checked against the resource itself. */
    learning: {
      portfolio: isStaff(actor),
      registers: can(actor, 'registers', 'manage', {}),
      mandatory: can(actor, 'mandatory', 'manage', {}),
      certificates: can(actor, 'certificate', 'list', {}),
      reports: can(actor, 'reports', 'read-dashboard', {}),
      audit: can(actor, 'audit', 'read', {}),
      /** The academy's partner organisations (functions/src/partners). */
      partners: can(actor, 'partnerOrganisation', 'read', {}),
      /** A team manager has a team page (their own team, from their profile). */
      team: isTeamManager(actor),
    },
    knowledge: {
      /** Writes in at least one network (or for the academy): the editor and "Mijn redactiewerk". */
      write: can(actor, 'knowledge', 'write', {}),
      publish: can(actor, 'network', 'publish', { networkId: '' }) || networks.some((n) => n.publish),
    },
    networks,
    manageNetworks: can(actor, 'network', 'create', { networkId: '' }),
    audiences: readableAudiences(actor),
    enrolAudiences: enrolAudiences(actor),
    /** A partner sees their organisation; staff see their own learning. */
    staff: isStaff(actor),
    partner: isPartner(actor),
  };
}

export type Abilities = ReturnType<typeof abilitiesOf>;
