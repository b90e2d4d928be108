/**
 * Sessions: planning and capacity (academy), seats and the waitlist (learners), participants and
 * attendance (trainers), a trainer's sessions, and the calendar invitation.
 */
import type { Principal } from '../../platform/auth/principal';
import { countEvent } from '../../platform/observability/metrics';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import { authorize, can } from '../../policy';
import * as db from './store';
import type { Session } from './store';
import { getModule } from '../shared/store';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { actor, organisationScope, sessionResource, visibleModule } from '../shared/access';
import { recordAbsence, recordAttendance } from '../completion/service';
import { hasStarted } from '../domain/instants';
import { sessionKinds } from '../domain/types';

export interface SessionPlan {
  start: string;
  end: string;
  location?: string;
  meetingUrl?: string;
  trainers: Array<{ id: string; name: string }>;
  capacity: number;
  /** Network events: regional meeting, knowledge café, symposium or case discussion (else the module's). */
  eventType?: string;
}

export async function createSession(ctx: LearningCtx, moduleId: string, input: SessionPlan, id = `sess-${timeId()}`) {
  authorize(actor(ctx), 'academy', 'plan-sessions', {});
  return planSession(ctx, moduleId, input, id);
}

/** Plans a session once the caller is authorised (the academy above; a network's lead experts in ./network-events.ts). */
export async function planSession(ctx: LearningCtx, moduleId: string, input: SessionPlan, id = `sess-${timeId()}`) {
  const m = await getModule(ctx.store, moduleId);
  if (!m) throw new Problem('notFound', text('Deze module bestaat niet', 'This module does not exist'));
  if (!sessionKinds.includes(m.kind)) throw new Problem('unprocessable', text(`Een module van vorm "${m.kind}" heeft geen sessies`, `A module of the form "${m.kind}" has no sessions`));
  if (input.end <= input.start) throw new Problem('validation', text('Het einde ligt na het begin', 'The end comes after the start'), { errors: [{ path: 'end', message: text('Moet na het begin liggen', 'Must be after the start') }] });
  const s: Session = { id, moduleId, moduleTitle: m.title, ...input, enrolled: 0, waitlisted: 0, status: 'planned' };
  await db.putSession(ctx.store, s);
  return s;
}

async function loadSession(ctx: LearningCtx, id: string) {
  const s = await db.getSession(ctx.store, id);
  if (!s) throw new Problem('notFound', text('Deze sessie bestaat niet', 'This session does not exist'));
  return s;
}

export async function changeCapacity(ctx: LearningCtx, sessionId: string, capacity: number) {
  authorize(actor(ctx), 'academy', 'plan-sessions', {});
  const s = await loadSession(ctx, sessionId);
  if (!(await db.setCapacity(ctx.store, sessionId, capacity))) {
    throw new Problem('conflict', text(`De capaciteit kan niet lager dan het aantal ingeschreven deelnemers (${s.enrolled})`, `The capacity cannot be lower than the number of enrolled participants (${s.enrolled})`), {
      enrolled: s.enrolled,
    });
  }
  await fillFromWaitlist(ctx, sessionId);
  return loadSession(ctx, sessionId);
}

export async function enrol(ctx: LearningCtx, sessionId: string) {
  const p = signedIn(ctx);
  const s = await loadSession(ctx, sessionId);
  const m = visibleModule(ctx, await getModule(ctx.store, s.moduleId));
  // A trainer never sits in a session they teach: attendance they register would be their own.
  const resource = sessionResource(ctx, s, m);
  authorize(actor(ctx), 'session', 'enrol', { ...resource, module: resource.module && { ...resource.module, ...(await organisationScope(ctx, s.moduleId)) } });
  const now = nowOf(ctx);
  if (s.status !== 'planned') throw new Problem('conflict', text('Deze sessie gaat niet door; inschrijven kan niet', 'This session has been cancelled; you cannot enrol'));
  if (hasStarted(s.start, now)) throw new Problem('conflict', text('Deze sessie is al begonnen; inschrijven kan niet meer', 'This session has already started; you can no longer enrol'));
  const existing = await db.getSeat(ctx.store, sessionId, p.id);
  if (existing && existing.status !== 'cancelled') throw new Problem('conflict', existing.status === 'waitlisted' ? text('Je staat al op de wachtlijst', 'You are already on the waiting list') : text('Je bent al ingeschreven', 'You are already enrolled'), { status: existing.status });
  const seat: db.Seat = { sessionId, userId: p.id, name: p.name, status: 'enrolled', createdAt: now, start: s.start, moduleId: s.moduleId, title: s.moduleTitle, end: s.end, location: s.location, meetingUrl: s.meetingUrl };
  const outcome = await db.takeSeat(ctx.store, s, seat, now);
  if (outcome === 'enrolled') {
    countEvent('Enrolment');
    return { status: 'enrolled' as const };
  }
  if (outcome === 'already') throw new Problem('conflict', text('Je bent al ingeschreven', 'You are already enrolled'));
  if (outcome === 'started') throw new Problem('conflict', text('Deze sessie is al begonnen; inschrijven kan niet meer', 'This session has already started; you can no longer enrol'));
  const position = timeId();
  const joined = await db.joinWaitlist(ctx.store, s, seat, position, now);
  if (joined === 'already') throw new Problem('conflict', text('Je bent al ingeschreven of staat op de wachtlijst', 'You are already enrolled or on the waiting list'));
  if (joined === 'closed') {
    // Cancelled or begun in the meantime: the transaction saw it, so say which.
    const latest = await db.getSession(ctx.store, sessionId);
    throw new Problem('conflict', latest?.status === 'planned' ? text('Deze sessie is al begonnen; inschrijven kan niet meer', 'This session has already started; you can no longer enrol') : text('Deze sessie gaat niet door; inschrijven kan niet', 'This session has been cancelled; you cannot enrol'));
  }
  // A seat may be free while others wait (a cancellation not yet handed on): hand it on now, in order.
  await fillFromWaitlist(ctx, sessionId);
  const seats = await db.seatsOfSession(ctx.store, sessionId);
  countEvent('Enrolment'); // a place on the waitlist is an enrolment too; a seat may come free
  if (seats.find((x) => x.userId === p.id)?.status === 'enrolled') return { status: 'enrolled' as const };
  const waiting = seats.filter((x) => x.status === 'waitlisted' && x.waitlistPosition! <= position).length;
  return { status: 'waitlisted' as const, position: waiting };
}

/** Seats freed by a cancellation or a larger room go to the waitlist, first come first served. */
async function fillFromWaitlist(ctx: LearningCtx, sessionId: string) {
  for (let i = 0; i < 100; i++) {
    const next = await db.firstWaitlisted(ctx.store, sessionId);
    if (!next) return;
    if (await db.promote(ctx.store, sessionId, next.userId)) continue;
    // Refused: either the room is full again (stop), or a concurrent request moved this learner
    // (promoted or cancelled) and the next in line may still get the seat (go on).
    const s = await db.getSession(ctx.store, sessionId);
    if (!s || s.status !== 'planned' || s.enrolled >= s.capacity || s.waitlisted === 0) return;
  }
}

export async function cancel(ctx: LearningCtx, sessionId: string) {
  const p = signedIn(ctx);
  const s = await loadSession(ctx, sessionId);
  // A session of a module the caller may not see answers like a missing one, as enrolling does.
  visibleModule(ctx, await getModule(ctx.store, s.moduleId));
  if (hasStarted(s.start, nowOf(ctx))) throw new Problem('conflict', text('Een begonnen sessie kun je niet meer annuleren', 'You can no longer cancel a session that has started'));
  const seat = await db.getSeat(ctx.store, sessionId, p.id);
  if (!seat || (seat.status !== 'enrolled' && seat.status !== 'waitlisted')) throw new Problem('conflict', text('Je bent niet ingeschreven voor deze sessie', 'You are not enrolled in this session'));
  if (!(await db.releaseSeat(ctx.store, sessionId, p.id, seat.status))) throw new Problem('conflict', text('Je inschrijving is intussen gewijzigd', 'Your enrolment has been changed in the meantime'));
  if (seat.status === 'enrolled') await fillFromWaitlist(ctx, sessionId);
  return { status: 'cancelled' as const };
}

async function requireTrainerOf(ctx: LearningCtx, s: Session): Promise<Principal> {
  const p = signedIn(ctx);
  const m = await getModule(ctx.store, s.moduleId);
  if (!m) throw new Problem('notFound', text('Deze sessie bestaat niet', 'This session does not exist'));
  authorize(actor(ctx), 'session', 'read-participants', sessionResource(ctx, s, m));
  return p;
}

export async function participants(ctx: LearningCtx, sessionId: string) {
  const s = await loadSession(ctx, sessionId);
  await requireTrainerOf(ctx, s);
  const seats = (await db.seatsOfSession(ctx.store, sessionId)).filter((x) => x.status !== 'cancelled');
  const waiting = seats.filter((x) => x.status === 'waitlisted').sort((a, b) => a.waitlistPosition!.localeCompare(b.waitlistPosition!));
  return {
    session: s,
    participants: seats.map((x) => ({ userId: x.userId, name: x.name, status: x.status, waitlistPosition: x.status === 'waitlisted' ? waiting.indexOf(x) + 1 : undefined })),
  };
}

export async function registerAttendance(ctx: LearningCtx, sessionId: string, userId: string, present: boolean) {
  const s = await loadSession(ctx, sessionId);
  const m = await getModule(ctx.store, s.moduleId);
  if (!m) throw new Problem('notFound', text('Deze sessie bestaat niet', 'This session does not exist'));
  // Nobody registers their own attendance: it would grant them the completion and its points.
  authorize(actor(ctx), 'seat', 'register-attendance', { session: sessionResource(ctx, s, m), learnerId: userId });
  // Attendance, and the completion it brings, only once the session has begun (compared as instants).
  if (!hasStarted(s.start, nowOf(ctx))) throw new Problem('conflict', text('De sessie is nog niet begonnen; aanwezigheid registreer je vanaf het begin van de sessie', 'The session has not started yet; attendance is recorded from the start of the session'));
  // Present completes the module (and the paths that follow); a correction to absent takes back what came only from it.
  if (present) await recordAttendance(ctx, s, m, userId);
  else await recordAbsence(ctx, s, userId);
  const seat = await db.getSeat(ctx.store, sessionId, userId, { consistent: true });
  return { userId, name: seat!.name, status: seat!.status };
}

export async function sessionsOfTrainer(ctx: LearningCtx) {
  const p = signedIn(ctx);
  authorize(actor(ctx), 'academy', 'read-trainer-sessions', {});
  const from = new Date(Date.parse(nowOf(ctx)) - 30 * 86400_000).toISOString();
  const to = new Date(Date.parse(nowOf(ctx)) + 365 * 86400_000).toISOString();
  return (await db.sessionsBetween(ctx.store, from, to))
    .filter((s) => can(actor(ctx), 'session', 'read-participants', sessionResource(ctx, s, undefined)))
    .map((s) => ({ id: s.id, moduleId: s.moduleId, title: s.moduleTitle, start: s.start, end: s.end, enrolled: s.enrolled, capacity: s.capacity }));
}

export async function sessionForCalendar(ctx: LearningCtx, sessionId: string) {
  const p = signedIn(ctx);
  const s = await loadSession(ctx, sessionId);
  const seat = await db.getSeat(ctx.store, sessionId, p.id);
  if (!can(actor(ctx), 'session', 'download-invite', sessionResource(ctx, s, undefined, seat))) {
    throw new Problem('notFound', text('Je bent niet ingeschreven voor deze sessie', 'You are not enrolled in this session'));
  }
  return s;
}
