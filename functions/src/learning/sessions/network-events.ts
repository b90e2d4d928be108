/**
 * Network events: regional meetings, knowledge cafés, symposia and case discussions are sessions
 * of a network's `event` modules (modules with `networkId` = the network and kind `event`), so
 * registration, the waitlist, attendance and the calendar invitation are the catalogue's own. The
 * network's lead experts plan them (policy `networkEvent.plan`); members find the upcoming ones
 * on Mijn leren.
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { actorOf, authorize, can, type Actor } from '../../policy';
import { getNetwork, membershipsOf, touchNetwork } from '../../networks';
import { getUser } from '../../identity';
import * as db from './store';
import type { Session } from './store';
import { planSession, type SessionPlan } from './service';
import { listPublishedModules } from '../catalogue/store';
import { getModule, type StoredModule } from '../shared/store';
import { moduleResource } from '../shared/access';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { hasStarted } from '../domain/instants';

export const networkEventTypes = ['regional-meeting', 'kenniscafe', 'symposium', 'case-discussion'] as const;

export interface NetworkEventPlan extends Omit<SessionPlan, 'trainers'> {
  moduleId: string;
  /** User ids of who hosts it (they register attendance): staff members of the network; the planner when left out. */
  hosts?: string[];
}

async function actorWithMemberships(ctx: LearningCtx): Promise<Actor> {
  return actorOf(ctx.principal, ctx.principal ? await membershipsOf(ctx.store, ctx.principal.id) : []);
}

/** Starts are stored with their own offset; a day's margin on the key, then compared as instants. */
const dayBefore = (iso: string) => new Date(Date.parse(iso) - 86_400_000).toISOString();

const unknownNetwork = (id: string) => new Problem('notFound', text(`Onbekend netwerk: ${id}`, `Unknown network: ${id}`));

/**
 * The hosts named, as the policy sees them (their profile's roles and their memberships): a host
 * registers attendance, which brings completion and points, so only staff in the network, with
 * the names their profiles carry.
 */
async function hostsOf(ctx: LearningCtx, networkId: string, ids: string[]) {
  return Promise.all(
    [...new Set(ids)].map(async (id) => {
      const [profile, memberships] = await Promise.all([getUser(ctx.store, id), membershipsOf(ctx.store, id)]);
      if (!profile || !can(actorOf({ id, name: profile.name, roles: profile.roles }, memberships), 'networkEvent', 'host', { networkId })) {
        const message = text('Alleen medewerkers die lid zijn van het netwerk', 'Only employees who are members of the network');
        throw new Problem('unprocessable', text(`${id} kan deze bijeenkomst niet leiden: alleen medewerkers die lid zijn van het netwerk`, `${id} cannot host this event: only employees who are members of the network`), { errors: [{ path: 'hosts', message }] });
      }
      return { id, name: profile.name };
    }),
  );
}

/** A lead expert of the network (or the academy) plans a session of one of its event modules. */
export async function planNetworkEvent(ctx: LearningCtx, networkId: string, input: NetworkEventPlan) {
  const p = signedIn(ctx);
  const network = await getNetwork(ctx.store, networkId);
  if (!network) throw unknownNetwork(networkId);
  authorize(await actorWithMemberships(ctx), 'networkEvent', 'plan', { networkId });
  if (network.status === 'archived') throw new Problem('conflict', text('Dit netwerk is gearchiveerd; er worden geen bijeenkomsten meer gepland', 'This network has been archived; no more events are planned'));
  const m = await getModule(ctx.store, input.moduleId);
  if (!m || m.networkId !== networkId || m.kind !== 'event' || m.status === 'archived') {
    const message = text('Kies een evenementmodule van dit netwerk', 'Choose an event module of this network');
    throw new Problem('unprocessable', text(`${input.moduleId} is geen evenementmodule van dit netwerk`, `${input.moduleId} is not an event module of this network`), { errors: [{ path: 'moduleId', message }] });
  }
  const { moduleId, hosts, ...plan } = input;
  const trainers = hosts && hosts.length > 0 ? await hostsOf(ctx, networkId, hosts) : [{ id: p.id, name: p.name }];
  const session = await planSession(ctx, moduleId, { ...plan, eventType: plan.eventType ?? m.eventType, trainers });
  await touchNetwork(ctx.store, networkId, nowOf(ctx)).catch(() => undefined);
  return session;
}

/** What a list of events shows: no meeting link (that is for those with a seat) and no host ids. */
function eventView(s: Session, m: StoredModule, networkId: string, networkName: string) {
  return {
    id: s.id,
    moduleId: s.moduleId,
    title: s.moduleTitle,
    networkId,
    networkName,
    eventType: s.eventType ?? m.eventType,
    start: s.start,
    end: s.end,
    ...(s.location ? { location: s.location } : {}),
    online: Boolean(s.meetingUrl),
    hosts: s.trainers.map((t) => t.name),
    capacity: s.capacity,
    enrolled: s.enrolled,
    waitlisted: s.waitlisted,
  };
}
export type NetworkEvent = ReturnType<typeof eventView>;

/** The network's event modules the actor may see (published ones; drafts for those who manage the catalogue). */
async function eventModules(ctx: LearningCtx, actor: Actor, networkId: string): Promise<StoredModule[]> {
  return (await listPublishedModules(ctx.store)).filter((m) => m.networkId === networkId && m.kind === 'event' && can(actor, 'module', 'read', moduleResource(m)));
}

/** Upcoming (planned, not yet begun) sessions of the network's event modules, soonest first. */
export async function upcomingNetworkEvents(ctx: LearningCtx, networkId: string, actor?: Actor) {
  const network = await getNetwork(ctx.store, networkId);
  if (!network) throw unknownNetwork(networkId);
  const who = actor ?? (await actorWithMemberships(ctx));
  const now = nowOf(ctx);
  const modules = await eventModules(ctx, who, networkId);
  const sessions = await Promise.all(modules.map(async (m) => (await db.sessionsOfModule(ctx.store, m.id, dayBefore(now))).filter((s) => s.status === 'planned' && !hasStarted(s.start, now)).map((s) => eventView(s, m, networkId, network.name))));
  return {
    mayPlan: can(who, 'networkEvent', 'plan', { networkId }),
    /** The modules a lead expert may plan sessions of (only for those who may plan). */
    modules: can(who, 'networkEvent', 'plan', { networkId }) ? modules.map((m) => ({ id: m.id, title: m.title, eventType: m.eventType })) : [],
    events: sessions.flat().sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
  };
}

/** Mijn leren, "Netwerkbijeenkomsten": upcoming events of the caller's networks they hold no seat in. */
export async function myNetworkEvents(ctx: LearningCtx) {
  const p = signedIn(ctx);
  const memberships = await membershipsOf(ctx.store, p.id);
  const actor = actorOf(p, memberships);
  const now = nowOf(ctx);
  const [lists, seats] = await Promise.all([
    Promise.all(memberships.map((m) => upcomingNetworkEvents(ctx, m.networkId, actor).then((r) => r.events).catch(() => []))),
    db.seatsOfLearner(ctx.store, p.id, now.slice(0, 10)),
  ]);
  const held = new Set(seats.filter((s) => s.status !== 'cancelled').map((s) => s.sessionId));
  return lists.flat().filter((e) => !held.has(e.id)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/**
 * The activity view (functions/src/reports/activity): sessions of the network's event modules that
 * began in a period, with how many attended. Counts only, no names.
 */
export async function networkEventsHeld(store: LearningCtx['store'], networkId: string, range: { from: string; to: string }) {
  const modules = (await listPublishedModules(store)).filter((m) => m.networkId === networkId && m.kind === 'event');
  const [from, to] = [Date.parse(range.from), Date.parse(range.to)];
  const sessions = (await Promise.all(modules.map((m) => db.sessionsOfModule(store, m.id, dayBefore(range.from)))))
    .flat()
    .filter((s) => s.status === 'planned' && Date.parse(s.start) >= from && Date.parse(s.start) < to);
  return Promise.all(
    sessions.map(async (s) => ({ sessionId: s.id, start: s.start, attended: (await db.seatsOfSession(store, s.id)).filter((x) => x.status === 'attended').length })),
  );
}
