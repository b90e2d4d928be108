import { counterParts } from '../../platform/store/activity-counters';
import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { get, put, queryAll, transact, update, type TransactPart } from '../../platform/store/table';
import { hasStarted, inOffsetOf } from '../domain/instants';

/** Sessions, seats and the waitlist: every seat change is one transaction with the session's counters. */

export interface Session {
  id: string;
  moduleId: string;
  moduleTitle: string;
  start: string;
  end: string;
  location?: string;
  meetingUrl?: string;
  trainers: Array<{ id: string; name: string }>;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  status: 'planned' | 'cancelled';
  /** Network events (./network-events.ts): regional-meeting | kenniscafe | symposium | case-discussion. */
  eventType?: string;
}

export type SeatStatus = 'enrolled' | 'waitlisted' | 'cancelled' | 'attended' | 'absent';
export interface Seat {
  sessionId: string;
  userId: string;
  name: string;
  status: SeatStatus;
  waitlistPosition?: string;
  createdAt: string;
  start: string;
  /** When attendance was registered (status `attended`). */
  attendedAt?: string;
  /** Copied from the session so "Mijn leren" needs no extra read per seat. */
  moduleId?: string;
  title?: string;
  end?: string;
  location?: string;
  meetingUrl?: string;
}


export async function putSession(store: StoreClients, s: Session) {
  await put(store, { ...keys.session(s.id), ...keys.sessionByModule(s.moduleId, s.start, s.id), ...keys.sessionByStart(s.start, s.id), type: 'session', ...s }, {
    ConditionExpression: 'attribute_not_exists(PK)',
  });
}

export async function getSession(store: StoreClients, id: string) {
  return fromItem<Session>(await get(store, keys.session(id), { ConsistentRead: true }));
}

export async function sessionsOfModule(store: StoreClients, moduleId: string, fromIso?: string) {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: fromIso ? 'GSI1PK = :pk AND GSI1SK >= :from' : 'GSI1PK = :pk',
    ExpressionAttributeValues: fromIso ? { ':pk': `MODULE#${moduleId}#SESSIONS`, ':from': fromIso } : { ':pk': `MODULE#${moduleId}#SESSIONS` },
  });
  return items.map((i) => fromItem<Session>(i)!);
}

export async function sessionsBetween(store: StoreClients, fromIso: string, toIso: string) {
  const items = await queryAll(store, {
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': 'SESSIONS', ':from': fromIso, ':to': `${toIso}\uffff` },
  });
  return items.map((i) => fromItem<Session>(i)!);
}

export async function setCapacity(store: StoreClients, sessionId: string, capacity: number): Promise<boolean> {
  return conditional(() =>
    update(store, keys.session(sessionId), {
      UpdateExpression: 'SET #cap = :c',
      ConditionExpression: 'attribute_exists(PK) AND enrolled <= :c',
      ExpressionAttributeNames: { '#cap': 'capacity' },
      ExpressionAttributeValues: { ':c': capacity },
    }),
  );
}

export async function getSeat(store: StoreClients, sessionId: string, userId: string, opts: { consistent?: boolean } = {}) {
  return fromItem<Seat>(await get(store, keys.seat(sessionId, userId), opts.consistent ? { ConsistentRead: true } : undefined));
}

export async function seatsOfSession(store: StoreClients, sessionId: string) {
  const items = await queryAll(store, {
    ConsistentRead: true,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
    ExpressionAttributeValues: { ':pk': `SESSION#${sessionId}`, ':s': keys.seatPrefix },
  });
  return items.map((i) => fromItem<Seat>(i)!);
}

/**
 * The first learner in the queue, read from the session's own partition with a consistent read:
 * the waitlist index (GSI2) is eventually consistent on AWS, and handing a seat to someone who
 * already has one, or missing who just joined, would leave a seat empty while people wait.
 */
export async function firstWaitlisted(store: StoreClients, sessionId: string) {
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :s)',
    FilterExpression: '#status = :w',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': `SESSION#${sessionId}`, ':s': keys.seatPrefix, ':w': 'waitlisted' },
    ConsistentRead: true,
  });
  const waiting = items.map((i) => fromItem<Seat>(i)!).sort((a, b) => a.waitlistPosition!.localeCompare(b.waitlistPosition!));
  return waiting[0];
}

export async function seatsOfLearner(store: StoreClients, userId: string, fromIso: string) {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK >= :from',
    ExpressionAttributeValues: { ':pk': `USER#${userId}#SESSIONS`, ':from': fromIso },
  });
  return items.map((i) => fromItem<Seat>(i)!);
}

/**
 * Takes a seat: the seat counter and the learner's seat change together, conditional on a free
 * seat, a session not yet started, and no active seat of this learner. Returns why it failed.
 */
export async function takeSeat(store: StoreClients, session: Session, seat: Seat, now: string): Promise<'enrolled' | 'full' | 'started' | 'already'> {
  try {
    await retryOnContention(() =>
      transact(store, [
        {
          Update: {
            Key: keys.session(session.id),
            UpdateExpression: 'SET enrolled = enrolled + :one',
            // Nobody may pass the queue: while anyone waits, a free seat is theirs (see promote).
            ConditionExpression: 'enrolled < #cap AND waitlisted = :zero AND #start > :now AND #status = :planned',
            ExpressionAttributeNames: { '#start': 'start', '#status': 'status', '#cap': 'capacity' },
            // The stored start keeps the offset it was planned in: "now" is written in that offset to compare.
            ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':now': inOffsetOf(now, session.start), ':planned': 'planned' },
          },
        },
        {
          Put: {
            Item: { ...keys.seat(session.id, seat.userId), ...keys.seatByLearner(seat.userId, session.start, session.id), type: 'seat', ...seat, status: 'enrolled' },
            ConditionExpression: 'attribute_not_exists(PK) OR #status = :cancelled',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled' },
          },
        },
        // An enrolment in the module, counted with the seat (the academy reports).
        ...counterParts([{ at: now, targetType: 'module', targetId: session.moduleId, enrolments: 1 }]),
      ]),
    );
    return 'enrolled';
  } catch (err) {
    if (conditionFailed(err, 1)) return 'already';
    if (conditionFailed(err, 0)) return hasStarted(session.start, now) ? 'started' : 'full';
    throw err;
  }
}

/**
 * Joins the waitlist: only of a session that still takes place and has not begun (checked in the
 * same transaction, so a cancellation at the same moment wins). Why it failed, if it did.
 */
export async function joinWaitlist(store: StoreClients, session: Session, seat: Seat, position: string, now: string): Promise<'waitlisted' | 'closed' | 'already'> {
  try {
    await retryOnContention(() =>
      transact(store, [
        {
          Update: {
            Key: keys.session(session.id),
            UpdateExpression: 'SET waitlisted = waitlisted + :one',
            ConditionExpression: 'attribute_exists(PK) AND #status = :planned AND #start > :now',
            ExpressionAttributeNames: { '#status': 'status', '#start': 'start' },
            ExpressionAttributeValues: { ':one': 1, ':planned': 'planned', ':now': inOffsetOf(now, session.start) },
          },
        },
        {
          Put: {
            Item: {
              ...keys.seat(session.id, seat.userId),
              ...keys.seatByLearner(seat.userId, session.start, session.id),
              type: 'seat',
              ...seat,
              status: 'waitlisted',
              waitlistPosition: position,
            },
            ConditionExpression: 'attribute_not_exists(PK) OR #status = :cancelled',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled' },
          },
        },
        // A place on the waitlist is an enrolment too (as the metric counts it); promotion later is not another.
        ...counterParts([{ at: now, targetType: 'module', targetId: session.moduleId, enrolments: 1 }]),
      ]),
    );
    return 'waitlisted';
  } catch (err) {
    if (conditionFailed(err, 0)) return 'closed';
    if (conditionFailed(err, 1)) return 'already';
    throw err;
  }
}

/** Gives up a seat or a waitlist place; the matching counter goes down in the same transaction. */
export async function releaseSeat(store: StoreClients, sessionId: string, userId: string, from: 'enrolled' | 'waitlisted'): Promise<boolean> {
  const counter = from === 'enrolled' ? 'enrolled' : 'waitlisted';
  return conditional(() =>
    transact(store, [
      {
        Update: {
          Key: keys.seat(sessionId, userId),
          UpdateExpression: 'SET #status = :cancelled REMOVE GSI2PK, GSI2SK, waitlistPosition',
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':from': from },
        },
      },
      {
        Update: {
          Key: keys.session(sessionId),
          UpdateExpression: `SET ${counter} = ${counter} - :one`,
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    ]),
  );
}

/** Moves the first waitlisted learner into a free seat (both counters and the seat in one transaction). */
export async function promote(store: StoreClients, sessionId: string, userId: string): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      {
        Update: {
          Key: keys.seat(sessionId, userId),
          UpdateExpression: 'SET #status = :enrolled REMOVE GSI2PK, GSI2SK, waitlistPosition',
          ConditionExpression: '#status = :waitlisted',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':enrolled': 'enrolled', ':waitlisted': 'waitlisted' },
        },
      },
      {
        Update: {
          Key: keys.session(sessionId),
          UpdateExpression: 'SET enrolled = enrolled + :one, waitlisted = waitlisted - :one',
          // A cancelled session hands no seats on.
          ConditionExpression: 'enrolled < #cap AND #status = :planned',
          ExpressionAttributeNames: { '#cap': 'capacity', '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':planned': 'planned' },
        },
      },
    ]),
  );
}

/** A seat's attendance changes only from the status it was read in (a correction at the same moment starts again). */
export async function setSeatStatusFrom(store: StoreClients, sessionId: string, userId: string, from: SeatStatus, to: 'absent'): Promise<boolean> {
  return conditional(() =>
    update(store, keys.seat(sessionId, userId), {
      UpdateExpression: 'SET #status = :to',
      ConditionExpression: '#status = :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':to': to, ':from': from },
    }),
  );
}

/** The seat's part of registering attendance: attended from the status read, never before the session began. */
export function seatAttendedPart(seat: Pick<Seat, 'sessionId' | 'userId' | 'status' | 'start'>, now: string): TransactPart {
  return {
    Update: {
      Key: keys.seat(seat.sessionId, seat.userId),
      UpdateExpression: 'SET #status = :attended, attendedAt = if_not_exists(attendedAt, :now)',
      ConditionExpression: '#status = :from AND #start <= :nowThere',
      ExpressionAttributeNames: { '#status': 'status', '#start': 'start' },
      ExpressionAttributeValues: { ':attended': 'attended', ':now': now, ':from': seat.status, ':nowThere': inOffsetOf(now, seat.start) },
    },
  };
}

/** The seat's part of correcting attendance to absent. */
export function seatAbsentPart(seat: Pick<Seat, 'sessionId' | 'userId'>): TransactPart {
  return {
    Update: {
      Key: keys.seat(seat.sessionId, seat.userId),
      UpdateExpression: 'SET #status = :absent REMOVE attendedAt',
      ConditionExpression: '#status = :attended',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':absent': 'absent', ':attended': 'attended' },
    },
  };
}
