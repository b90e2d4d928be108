/**
 * Calendar output for sessions (classroom days, online sessions, events, intervision): an
 * RFC 5545 iCalendar file to add a session to Outlook, Google or Apple Calendar, and the Dutch
 * date-time text shown next to it. Every session takes place in (or is planned from) the
 * Netherlands, so wall-clock times are Europe/Amsterdam.
 */

export interface CalendarSession {
  id: string;
  title: string;
  description?: string;
  /** ISO 8601 with an offset or Z; a bare local time would be ambiguous. */
  start: string;
  end: string;
  location?: string;
  meetingUrl?: string;
  organizer?: { name: string; email: string };
}

export interface IcsOptions {
  productId?: string;
  /** DTSTAMP; defaults to the current time. */
  now?: Date;
  /** iTIP method; PUBLISH (the default) for a download, REQUEST/CANCEL for mailed invitations. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** Revision of the session; raise it on every change so clients replace their copy. */
  sequence?: number;
}

export const timeZone = 'Europe/Amsterdam';
export const uidDomain = 'ggz-academie.example';
const defaultProductId = '-//GGZ Academie//Leerpaden//NL';

/**
 * The EU rules since 1996 (CET +01:00, CEST +02:00, switching at 01:00 UTC on the last Sundays
 * of March and October), spelled out so the VTIMEZONE and our own conversion cannot disagree.
 */
const vtimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${timeZone}`,
  `X-LIC-LOCATION:${timeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function sessionIcs(session: CalendarSession, opts: IcsOptions = {}): string {
  const method = opts.method ?? 'PUBLISH';
  const start = parseInstant(session.start, 'start');
  const end = parseInstant(session.end, 'end');
  if (end <= start) throw new RangeError(`Session ${session.id} ends before it starts`);
  // RFC 5546: invitations and cancellations are only honoured when they say who organises.
  if (method !== 'PUBLISH' && !session.organizer) throw new TypeError(`METHOD:${method} needs an organizer`);

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${text(opts.productId ?? defaultProductId)}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...vtimezone,
    'BEGIN:VEVENT',
    `UID:${text(`${session.id}@${uidDomain}`)}`,
    `DTSTAMP:${utcStamp(opts.now ?? new Date())}`,
    `SEQUENCE:${Math.max(0, Math.floor(opts.sequence ?? 0))}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    dateTimeProperty('DTSTART', start),
    dateTimeProperty('DTEND', end),
    `SUMMARY:${text(session.title)}`,
  ];
  const description = describe(session);
  if (description) lines.push(`DESCRIPTION:${text(description)}`);
  if (session.location) lines.push(`LOCATION:${text(session.location)}`);
  if (session.meetingUrl) lines.push(`URL:${uri(session.meetingUrl)}`);
  if (session.organizer) lines.push(`ORGANIZER;CN=${paramValue(session.organizer.name)}:mailto:${uri(session.organizer.email)}`);
  // A reminder for a cancelled session would only confuse.
  if (method !== 'CANCEL') {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${text(`Morgen: ${session.title}`)}`, 'TRIGGER:-P1D', 'END:VALARM');
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** "ma 7 dec 2026, 09:30": the session time as Dutch readers expect it, always in Amsterdam time. */
export function formatAmsterdam(iso: string, locale = 'nl-NL'): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) throw new RangeError(`Not a date-time: ${iso}`);
  return formatter(locale).format(at);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, f);
  }
  return f;
}

/** Amsterdam's UTC offset in minutes at an instant (EU rules; sessions lie well after 1996). */
export function amsterdamOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const summerFrom = Date.UTC(year, 2, lastSunday(year, 2), 1);
  const summerUntil = Date.UTC(year, 9, lastSunday(year, 9), 1);
  return epochMs >= summerFrom && epochMs < summerUntil ? 120 : 60;
}

/** Local Amsterdam wall-clock time of an instant, as an iCalendar DATE-TIME without zone. */
export function amsterdamWallClock(epochMs: number): string {
  return basicFormat(new Date(epochMs + amsterdamOffsetMinutes(epochMs) * 60_000));
}

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return last.getUTCDate() - last.getUTCDay();
}

/**
 * DTSTART/DTEND in Amsterdam time. The one exception is the hour that repeats when summer time
 * ends: RFC 5545 reads an ambiguous local time as its first occurrence, so a time in the second
 * one is written in UTC instead, which every client places correctly.
 */
function dateTimeProperty(name: 'DTSTART' | 'DTEND', epochMs: number): string {
  const inRepeatedHour = amsterdamOffsetMinutes(epochMs) === 60 && amsterdamOffsetMinutes(epochMs - 3_600_000) === 120;
  if (inRepeatedHour) return `${name}:${utcStamp(new Date(epochMs))}`;
  return `${name};TZID=${timeZone}:${amsterdamWallClock(epochMs)}`;
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function parseInstant(value: string, field: string): number {
  const at = isoWithZone.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new RangeError(`Session ${field} must be ISO 8601 with an offset or Z: ${value}`);
  return at;
}

function utcStamp(d: Date): string {
  return `${basicFormat(d)}Z`;
}

/** YYYYMMDDTHHMMSS from the UTC fields of a Date. */
function basicFormat(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/**
 * Outlook and Google show DESCRIPTION but ignore URL, so the meeting link goes in the text too;
 * otherwise online participants would have to go back to the academy to find it.
 */
function describe(session: CalendarSession): string {
  const parts = [session.description?.trim(), session.meetingUrl ? `Online deelnemen: ${session.meetingUrl}` : undefined];
  return parts.filter((p): p is string => Boolean(p)).join('\n\n');
}

// Controls other than tab are not allowed in iCalendar values; CR and LF would even start a new property.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** TEXT value escaping (RFC 5545 §3.3.11); every line break becomes \n. */
export function text(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(controls, '');
}

/** URIs are not escaped, but must stay on their property's line. */
function uri(value: string): string {
  return value.replace(controls, '').trim();
}

/** Parameter values are quoted (a name may contain , ; :), and a quoted value cannot hold a quote. */
function paramValue(value: string): string {
  return `"${value.replace(controls, '').replace(/"/g, "'")}"`;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), counting UTF-8 bytes and breaking only
 * between code points, so "ë", "ï", "é" and emoji are never cut in half. Continuation lines start
 * with a space, which counts towards their 75.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
