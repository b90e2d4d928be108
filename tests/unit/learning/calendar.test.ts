import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amsterdamWallClock, fold, formatAmsterdam, sessionIcs, text, type CalendarSession } from '../../../functions/src/learning/domain/calendar';

// ---- a small, independent reader for what we produce ------------------------------------------

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}

function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
  return ics.slice(0, -2).split('\r\n');
}

function parse(ics: string): Property[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return physicalLines(unfolded).map((line) => {
    let i = 0;
    let inQuotes = false;
    while (i < line.length && (inQuotes || line[i] !== ':')) {
      if (line[i] === '"') inQuotes = !inQuotes;
      i++;
    }
    const [name, ...rawParams] = line.slice(0, i).match(/(?:[^;"]|"[^"]*")+/g) ?? [];
    const params = Object.fromEntries(rawParams.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    return { name: name!, params, value: line.slice(i + 1) };
  });
}

function unescapeText(value: string): string {
  // An unescaped , or ; would have split the value: TEXT must carry them escaped.
  expect(value.replace(/\\[\\;,nN]/g, '')).not.toMatch(/[;,\\]/);
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const one = (props: Property[], name: string) => {
  const found = props.filter((p) => p.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

/** The properties of one component (first occurrence), without its sub-components. */
function component(props: Property[], name: string): Property[] {
  const start = props.findIndex((p) => p.name === 'BEGIN' && p.value === name);
  const end = props.findIndex((p, i) => i > start && p.name === 'END' && p.value === name);
  expect(start).toBeGreaterThanOrEqual(0);
  const inner: Property[] = [];
  let depth = 0;
  for (const p of props.slice(start + 1, end)) {
    if (p.name === 'BEGIN') depth++;
    else if (p.name === 'END') depth--;
    else if (depth === 0) inner.push(p);
  }
  return inner;
}

const octets = (s: string) => new TextEncoder().encode(s).length;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const now = new Date('2026-01-15T12:34:56.789Z');
const session: CalendarSession = {
  id: 'ses-42',
  title: 'Klinische les: suïcidepreventie',
  description: 'Voorbereiding: lees de richtlijn.',
  start: '2026-12-07T09:30:00+01:00',
  end: '2026-12-07T12:00:00+01:00',
  location: 'Zaal Één, Utrecht',
  meetingUrl: 'https://meet.example/abc?x=1;y=2',
  organizer: { name: 'GGZ Academie, team scholing', email: 'academie@ggz-academie.example' },
};

// ---- tests ------------------------------------------------------------------------------------

describe('sessionIcs', () => {
  it('writes a well-formed calendar with a timezone, the event and a reminder a day before', () => {
    const ics = sessionIcs(session, { now });
    const props = parse(ics);
    const nesting: string[] = [];
    for (const p of props) {
      if (p.name === 'BEGIN') nesting.push(p.value);
      if (p.name === 'END') expect(nesting.pop()).toBe(p.value);
    }
    expect(nesting).toEqual([]);
    expect(props.filter((p) => p.name === 'BEGIN').map((p) => p.value)).toEqual(['VCALENDAR', 'VTIMEZONE', 'DAYLIGHT', 'STANDARD', 'VEVENT', 'VALARM']);

    const cal = component(props, 'VCALENDAR');
    expect(one(cal, 'VERSION').value).toBe('2.0');
    expect(one(cal, 'PRODID').value).toBe('-//GGZ Academie//Leerpaden//NL');
    expect(one(cal, 'METHOD').value).toBe('PUBLISH');

    expect(one(component(props, 'VTIMEZONE'), 'TZID').value).toBe('Europe/Amsterdam');
    const daylight = component(props, 'DAYLIGHT');
    expect(one(daylight, 'RRULE').value).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(one(daylight, 'DTSTART').value).toMatch(/T020000$/);
    expect(one(daylight, 'TZOFFSETTO').value).toBe('+0200');
    const standard = component(props, 'STANDARD');
    expect(one(standard, 'RRULE').value).toBe('FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(one(standard, 'DTSTART').value).toMatch(/T030000$/);
    expect(one(standard, 'TZOFFSETTO').value).toBe('+0100');

    const event = component(props, 'VEVENT');
    expect(one(event, 'UID').value).toBe('ses-42@ggz-academie.example');
    expect(one(event, 'DTSTAMP').value).toBe('20260115T123456Z');
    expect(one(event, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Amsterdam' }, value: '20261207T093000' });
    expect(one(event, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Europe/Amsterdam' }, value: '20261207T120000' });
    expect(unescapeText(one(event, 'SUMMARY').value)).toBe(session.title);
    expect(unescapeText(one(event, 'LOCATION').value)).toBe('Zaal Één, Utrecht');
    expect(one(event, 'URL').value).toBe('https://meet.example/abc?x=1;y=2');
    expect(unescapeText(one(event, 'DESCRIPTION').value)).toBe('Voorbereiding: lees de richtlijn.\n\nOnline deelnemen: https://meet.example/abc?x=1;y=2');
    expect(one(event, 'ORGANIZER')).toEqual({ name: 'ORGANIZER', params: { CN: '"GGZ Academie, team scholing"' }, value: 'mailto:academie@ggz-academie.example' });
    expect(one(event, 'STATUS').value).toBe('CONFIRMED');
    expect(one(event, 'SEQUENCE').value).toBe('0');

    const alarm = component(props, 'VALARM');
    expect(one(alarm, 'TRIGGER').value).toBe('-P1D');
    expect(one(alarm, 'ACTION').value).toBe('DISPLAY');
    expect(unescapeText(one(alarm, 'DESCRIPTION').value)).toBe('Morgen: Klinische les: suïcidepreventie');
  });

  it('leaves out what the session does not have', () => {
    const props = parse(sessionIcs({ id: 'x', title: 'Intervisie', start: '2026-05-01T08:00:00Z', end: '2026-05-01T09:00:00Z' }, { now, productId: '-//Test//NL' }));
    const names = component(props, 'VEVENT').map((p) => p.name);
    for (const absent of ['DESCRIPTION', 'LOCATION', 'URL', 'ORGANIZER']) expect(names).not.toContain(absent);
    expect(one(props, 'PRODID').value).toBe('-//Test//NL');
  });

  it('cancels with a status and without a reminder; invitations need an organizer', () => {
    const props = parse(sessionIcs(session, { now, method: 'CANCEL', sequence: 3 }));
    expect(one(props, 'METHOD').value).toBe('CANCEL');
    expect(one(props, 'STATUS').value).toBe('CANCELLED');
    expect(one(props, 'SEQUENCE').value).toBe('3');
    expect(props.some((p) => p.value === 'VALARM')).toBe(false);
    expect(one(parse(sessionIcs(session, { now, method: 'REQUEST' })), 'METHOD').value).toBe('REQUEST');
    expect(() => sessionIcs({ ...session, organizer: undefined }, { now, method: 'REQUEST' })).toThrow(TypeError);
  });

  it('refuses times without a zone and sessions that end before they start', () => {
    expect(() => sessionIcs({ ...session, start: '2026-12-07T09:30:00' }, { now })).toThrow(RangeError);
    expect(() => sessionIcs({ ...session, end: 'morgen' }, { now })).toThrow(RangeError);
    expect(() => sessionIcs({ ...session, end: session.start }, { now })).toThrow(RangeError);
  });

  describe('wall-clock time across daylight saving', () => {
    const times = (start: string, end: string) => {
      const event = component(parse(sessionIcs({ ...session, start, end }, { now })), 'VEVENT');
      const show = (p: Property) => (p.params.TZID ? `${p.value} ${p.params.TZID}` : p.value);
      return [show(one(event, 'DTSTART')), show(one(event, 'DTEND'))];
    };

    it('on 2026-03-29, when clocks go from 02:00 to 03:00', () => {
      expect(times('2026-03-29T09:00:00+02:00', '2026-03-29T10:30:00Z')).toEqual(['20260329T090000 Europe/Amsterdam', '20260329T123000 Europe/Amsterdam']);
      // Straddling the switch: 00:30Z is 01:30 CET, 01:30Z is 03:30 CEST.
      expect(times('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z')).toEqual(['20260329T013000 Europe/Amsterdam', '20260329T033000 Europe/Amsterdam']);
      expect(times('2026-03-28T09:00:00Z', '2026-03-28T10:00:00Z')).toEqual(['20260328T100000 Europe/Amsterdam', '20260328T110000 Europe/Amsterdam']);
    });

    it('on 2026-10-25, when clocks go from 03:00 back to 02:00', () => {
      expect(times('2026-10-24T09:00:00Z', '2026-10-24T10:00:00Z')).toEqual(['20261024T110000 Europe/Amsterdam', '20261024T120000 Europe/Amsterdam']);
      expect(times('2026-10-25T09:30:00Z', '2026-10-25T11:00:00+01:00')).toEqual(['20261025T103000 Europe/Amsterdam', '20261025T110000 Europe/Amsterdam']);
      // 00:30Z is the first 02:30 (CEST), which is how RFC 5545 reads 02:30; the second 02:30
      // (01:30Z, CET) cannot be written in local time without ambiguity, so it goes out in UTC.
      expect(times('2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z')).toEqual(['20261025T023000 Europe/Amsterdam', '20261025T013000Z']);
      expect(times('2026-10-25T01:30:00Z', '2026-10-25T02:00:00Z')).toEqual(['20261025T013000Z', '20261025T030000 Europe/Amsterdam']);
    });

    it('agrees with the platform time zone database at any instant this century', () => {
      const intl = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/Amsterdam',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      });
      const reference = (ms: number) => {
        const parts = Object.fromEntries(intl.formatToParts(ms).map((p) => [p.type, p.value]));
        return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
      };
      const around = (y: number, m: number, d: number) => fc.integer({ min: -7200, max: 7200 }).map((s) => Date.UTC(y, m, d, 1) + s * 1000);
      fc.assert(
        fc.property(
          fc.oneof(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2037, 11, 31) }), around(2026, 2, 29), around(2026, 9, 25), around(2027, 2, 28), around(2027, 9, 31)),
          (ms) => {
            const at = Math.floor(ms / 1000) * 1000;
            expect(amsterdamWallClock(at)).toBe(reference(at));
          },
        ),
        { numRuns: 1000 },
      );
    });
  });

  describe('line folding', () => {
    const long =
      'Tijdens deze klinische les bespreken we de zorg voor cliënten met een psychose, de rol van naasten en ' +
      'ervaringsdeskundigen, één op één begeleiding, coördinatie met de huisarts, en reïntegratie — ' +
      'privé-situaties, crisiskaart, ‘signaleringsplan’ en het café-gesprek 😊 na afloop. ' +
      'Ééntje voor de ïnformatie: ß, ø, ü, ë, ï, é, è, à.';

    it('keeps every line within 75 octets and never splits a character', () => {
      const ics = sessionIcs({ ...session, description: long.repeat(3), title: `Sessie ${'ë'.repeat(80)}`, location: '😊'.repeat(40) }, { now });
      const lines = physicalLines(ics);
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        expect(line).not.toMatch(loneSurrogate);
      }
      // Bytes: each physical line on its own is valid UTF-8.
      const bytes = Buffer.from(ics, 'utf8');
      let from = 0;
      for (let i = 0; i < bytes.length - 1; i++) {
        if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(from, i))).not.toThrow();
          from = i + 2;
        }
      }
      const event = component(parse(ics), 'VEVENT');
      expect(unescapeText(one(event, 'DESCRIPTION').value)).toBe(`${long.repeat(3)}\n\nOnline deelnemen: ${session.meetingUrl}`);
      expect(unescapeText(one(event, 'LOCATION').value)).toBe('😊'.repeat(40));
    });

    it('folds right at the limit: 75 octets stay on one line, 76 do not', () => {
      expect(fold('X'.repeat(75))).toBe('X'.repeat(75));
      expect(fold('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
      // 74 ASCII + a two-octet "ë" is 76 octets: the "ë" moves to the next line whole.
      expect(fold(`${'X'.repeat(74)}ë`)).toBe(`${'X'.repeat(74)}\r\n ë`);
    });

    it('folds any line losslessly within the limit', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (line) => {
          const folded = fold(line);
          const parts = folded.split('\r\n');
          parts.forEach((part, i) => {
            expect(octets(part)).toBeLessThanOrEqual(75);
            if (i > 0) expect(part.startsWith(' ')).toBe(true);
            expect(part).not.toMatch(loneSurrogate);
          });
          expect(folded.replace(/\r\n /g, '')).toBe(line);
        }),
      );
    });
  });

  describe('text escaping', () => {
    it('escapes backslash, semicolon, comma and line breaks', () => {
      expect(text('Ketenzorg; samen, met\nnaasten \\ familie\r\nen\rmeer')).toBe('Ketenzorg\\; samen\\, met\\nnaasten \\\\ familie\\nen\\nmeer');
    });

    it('cannot be used to smuggle in properties', () => {
      const props = parse(
        sessionIcs(
          {
            ...session,
            title: 'Les\r\nATTENDEE:mailto:evil@example.com',
            meetingUrl: 'https://x.example/\r\nRRULE:FREQ=DAILY',
            organizer: { name: 'A"; ROLE=CHAIR', email: 'a@b.example\nX:1' },
          },
          { now },
        ),
      );
      expect(props.map((p) => p.name)).not.toContain('ATTENDEE');
      expect(component(props, 'VEVENT').map((p) => p.name)).not.toContain('RRULE');
      expect(props.map((p) => p.name)).not.toContain('X');
      expect(Object.keys(one(props, 'ORGANIZER').params)).toEqual(['CN']);
    });

    it('round-trips any title and description through the file', () => {
      const normalise = (s: string) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => (c === '\n' ? c : ''));
      fc.assert(
        fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 300 }), (title, description) => {
          const event = component(parse(sessionIcs({ ...session, title, description, meetingUrl: undefined }, { now })), 'VEVENT');
          expect(unescapeText(one(event, 'SUMMARY').value)).toBe(normalise(title));
          const d = event.find((p) => p.name === 'DESCRIPTION');
          expect(d ? unescapeText(d.value) : '').toBe(normalise(description.trim()));
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('formatAmsterdam', () => {
  it('writes Dutch dates in Amsterdam time, winter and summer', () => {
    expect(formatAmsterdam('2026-12-07T08:30:00Z')).toMatch(/^ma 7 dec\.? 2026,? 09:30$/);
    expect(formatAmsterdam('2026-07-06T07:30:00Z')).toMatch(/^ma 6 jul\.? 2026,? 09:30$/);
    expect(formatAmsterdam('2026-03-29T01:30:00Z')).toMatch(/^zo 29 mrt\.? 2026,? 03:30$/);
    expect(formatAmsterdam('2026-12-07T09:30:00+01:00')).toBe(formatAmsterdam('2026-12-07T08:30:00Z'));
  });

  it('follows another locale when asked, still in Amsterdam time', () => {
    expect(formatAmsterdam('2026-12-07T08:30:00Z', 'en-GB')).toMatch(/Mon.*7 Dec.*2026.*09:30/);
  });

  it('refuses what is not a date', () => {
    expect(() => formatAmsterdam('gisteren')).toThrow(RangeError);
  });
});
