import { describe, expect, it } from 'vitest';
import * as scorm12 from 'scorm-again/scorm12';
import * as scorm2004 from 'scorm-again/scorm2004';
import {
  cmiLimits,
  cmiOf,
  emptySco,
  entryOf,
  loadJsonOf,
  mergeSco,
  nextCompletion,
  nextLessonStatus,
  nextSuccess,
  readCmi,
  readScore,
  unflatten,
  type ScoState,
  type ScormVersion,
} from '../../../functions/src/scorm/domain/cmi';
import { emptyTally, formatDuration2004, formatTimespan12, parseDuration2004, parseTimespan12, tallyAfter, totalSeconds } from '../../../functions/src/scorm/domain/cmi-time';
import { outcomeOf, scoOutcome, type OutcomeItem } from '../../../functions/src/scorm/domain/outcome';

// The ESM builds export the class by name (the package's types say default).
type Api = { loadFromJSON(json: object, element: string): void } & Record<string, (...a: string[]) => unknown>;
const Scorm12API = (scorm12 as unknown as { Scorm12API: new (s: object) => Api }).Scorm12API;
const Scorm2004API = (scorm2004 as unknown as { Scorm2004API: new (s: object) => Api }).Scorm2004API;

const sco = (itemId = 'item_1', extra: Partial<OutcomeItem> = {}): OutcomeItem => ({ itemId, scormType: 'sco', ...extra });
const caps = { sessionCap: 1e9, totalCap: 1e9 };
const apply = (version: ScormVersion, cmi: Record<string, unknown>, prev?: ScoState, session = '1:a', o = caps) => {
  const read = readCmi(version, cmi);
  if (!read.ok) throw new Error(JSON.stringify(read.limits));
  return mergeSco(prev, read.report, { version, session, ...o });
};

describe('durations', () => {
  it('parses and formats SCORM 1.2 time spans (HHHH:MM:SS.SS)', () => {
    expect(parseTimespan12('00:10:05.5')).toBe(605.5);
    expect(parseTimespan12('0001:02:03.50')).toBe(3723.5);
    expect(parseTimespan12('1234:00:00')).toBe(1234 * 3600);
    expect(parseTimespan12('00:00:07.25')).toBe(7.25);
    for (const bad of ['1:00:00', '00:60:00', '00:00:60', 'PT1H', '', '00:00:00.123', '12345:00:00']) expect(parseTimespan12(bad), bad).toBeUndefined();
    expect(formatTimespan12(3723.5)).toBe('0001:02:03.50');
    expect(formatTimespan12(0)).toBe('0000:00:00.00');
    expect(formatTimespan12(59.999)).toBe('0000:01:00.00');
    expect(formatTimespan12(1e9)).toBe('9999:59:59.99');
  });

  it('parses and formats SCORM 2004 ISO 8601 durations', () => {
    expect(parseDuration2004('PT10M5.5S')).toBe(605.5);
    expect(parseDuration2004('PT1H')).toBe(3600);
    expect(parseDuration2004('P1DT1S')).toBe(86401);
    expect(parseDuration2004('P1Y2M3DT4H5M6.07S')).toBe(365 * 86400 + 60 * 86400 + 3 * 86400 + 4 * 3600 + 5 * 60 + 6.07);
    expect(parseDuration2004('PT0S')).toBe(0);
    for (const bad of ['P', 'PT', '00:10:00', 'PT1.5H', 'P1W', 'PT-1S', '', 'PT1.123S']) expect(parseDuration2004(bad), bad).toBeUndefined();
    expect(formatDuration2004(3723.5)).toBe('PT1H2M3.5S');
    expect(formatDuration2004(0)).toBe('PT0S');
    expect(formatDuration2004(3600)).toBe('PT1H');
    expect(formatDuration2004(60.25)).toBe('PT1M0.25S');
    // What we format, we (and scorm-again) read back.
    for (const n of [0, 1.5, 59.99, 3600, 3723.5, 86400 * 3 + 1]) expect(parseDuration2004(formatDuration2004(n))).toBeCloseTo(n, 2);
  });

  it('sums sessions on the server and caps them by the clock', () => {
    let t = emptyTally();
    t = tallyAfter(t, 's1', 60, caps);
    t = tallyAfter(t, 's1', 120, caps); // same session, later report: replaces
    t = tallyAfter(t, 's1', 90, caps); // a late, smaller report: ignored
    expect(totalSeconds(t)).toBe(120);
    t = tallyAfter(t, 's2', 30, caps); // a new session adds
    expect(totalSeconds(t)).toBe(150);
    // A forged session time is capped by the time since the launch …
    expect(totalSeconds(tallyAfter(emptyTally(), 's', 10 * 3600, { sessionCap: 300, totalCap: 1e9 }))).toBe(300);
    // … and the attempt's total by the time since the attempt began.
    expect(totalSeconds(tallyAfter(t, 's3', 1000, { sessionCap: 1e9, totalCap: 400 }))).toBe(400);
    expect(totalSeconds(tallyAfter(emptyTally(), 's', -5, caps))).toBe(0);
  });

  it('ignores the SCO’s own total_time and keeps its own tally across commits', () => {
    let s = apply('1.2', { core: { session_time: '00:05:00', total_time: '9999:00:00' } });
    s = apply('1.2', { core: { session_time: '00:10:00' } }, s);
    expect(totalSeconds(s.time)).toBe(600);
    s = apply('1.2', { core: { session_time: '00:01:00' } }, s, '2:a');
    expect(totalSeconds(s.time)).toBe(660);
    expect(loadJsonOf('1.2', s, { id: 'u', name: 'U' }, {}).core).toMatchObject({ total_time: '0000:11:00.00' });
    expect(loadJsonOf('2004', apply('2004', { session_time: 'PT1H2M' }), { id: 'u', name: 'U' }, {}).total_time).toBe('PT1H2M');
  });
});

describe('statuses never go backwards within an attempt', () => {
  it('SCORM 1.2 lesson status', () => {
    expect(nextLessonStatus('completed', 'incomplete')).toBe('completed');
    expect(nextLessonStatus('passed', 'failed')).toBe('passed');
    expect(nextLessonStatus('passed', 'completed')).toBe('passed');
    expect(nextLessonStatus('failed', 'passed')).toBe('passed');
    expect(nextLessonStatus('incomplete', 'failed')).toBe('failed');
    expect(nextLessonStatus('failed', 'completed')).toBe('completed');
    expect(nextLessonStatus('completed', 'failed')).toBe('failed');
    expect(nextLessonStatus('incomplete', 'not attempted')).toBe('incomplete');
    expect(nextLessonStatus(undefined, 'browsed')).toBe('browsed');
    expect(nextLessonStatus('incomplete', undefined)).toBe('incomplete');
  });

  it('SCORM 2004 completion and success', () => {
    expect(nextCompletion('completed', 'incomplete')).toBe('completed');
    expect(nextCompletion('incomplete', 'completed')).toBe('completed');
    expect(nextCompletion('incomplete', 'unknown')).toBe('incomplete');
    expect(nextSuccess('passed', 'failed')).toBe('passed');
    expect(nextSuccess('failed', 'passed')).toBe('passed');
    expect(nextSuccess('failed', 'unknown')).toBe('failed');
  });

  it('through commits: a later commit with a lower status keeps the higher one, but its other data counts', () => {
    let s = apply('1.2', { core: { lesson_status: 'passed', lesson_location: 'p9', score: { raw: '90' } } });
    s = apply('1.2', { core: { lesson_status: 'incomplete', lesson_location: 'p2' } }, s);
    expect(s.lessonStatus).toBe('passed');
    expect(s.location).toBe('p2');
    let t = apply('2004', { completion_status: 'completed', success_status: 'passed' });
    t = apply('2004', { completion_status: 'incomplete', success_status: 'failed' }, t);
    expect([t.completion, t.success]).toEqual(['completed', 'passed']);
  });
});

describe('scores', () => {
  const score = (version: ScormVersion, s: Record<string, unknown>) => {
    const ignored: string[] = [];
    return { score: readScore(version, s, 'cmi.score', ignored), ignored };
  };

  it('keeps raw within min..max and derives 1.2’s scaled value', () => {
    expect(score('1.2', { raw: '85', min: '0', max: '100' }).score).toEqual({ raw: 85, min: 0, max: 100, scaled: 0.85 });
    expect(score('1.2', { raw: '8', min: '0', max: '10' }).score).toEqual({ raw: 8, min: 0, max: 10, scaled: 0.8 });
    expect(score('1.2', { raw: '85' }).score).toEqual({ raw: 85, scaled: 0.85 });
    expect(score('1.2', { raw: '', min: '', max: '100' })).toEqual({ score: undefined, ignored: [] });
  });

  it('leaves out a score that breaks a rule, and names it', () => {
    for (const [version, s] of [
      ['1.2', { raw: '150' }],
      ['1.2', { raw: '50', min: '60', max: '100' }],
      ['1.2', { raw: '-1' }],
      ['1.2', { raw: 'abc' }],
      ['2004', { scaled: '1.5' }],
      ['2004', { scaled: '-1.01' }],
      ['2004', { raw: '11', min: '0', max: '10' }],
      ['2004', { raw: '5', min: '10', max: '0' }],
    ] as const) {
      expect(score(version, s), JSON.stringify(s)).toEqual({ score: undefined, ignored: ['cmi.score'] });
    }
    expect(score('2004', { scaled: '-1', raw: '-50', min: '-100', max: '100' }).score).toEqual({ scaled: -1, raw: -50, min: -100, max: 100 });
  });

  it('keeps the previous score when a commit’s score is out of range, and says so', () => {
    const first = apply('2004', { score: { scaled: '0.7' } });
    const read = readCmi('2004', { score: { scaled: '7' } });
    expect(read.ok && read.ignored).toEqual(['cmi.score']);
    const next = mergeSco(first, read.ok ? read.report : ({} as never), { version: '2004', session: 's', ...caps });
    expect(next.score).toEqual({ scaled: 0.7 });
  });
});

describe('limits the player shows', () => {
  it('accepts suspend_data up to 64,000 characters for both versions, and refuses more in Dutch and English', () => {
    for (const version of ['1.2', '2004'] as const) {
      expect(readCmi(version, { suspend_data: 'x'.repeat(64_000) }).ok).toBe(true);
      const over = readCmi(version, { suspend_data: 'x'.repeat(64_001) });
      expect(over.ok).toBe(false);
      if (over.ok) continue;
      expect(over.limits[0]!.path).toBe('cmi.suspend_data');
      expect(over.limits[0]!.message.nl).toMatch(/te groot om op te slaan.*64\.001 tekens.*64\.000/);
      expect(over.limits[0]!.message.en).toMatch(/too large to save.*64,001 characters.*64,000/);
    }
    expect(cmiLimits.suspendData).toBe(64_000);
  });

  it('refuses a bookmark over 1,000 characters and too many interactions', () => {
    expect(readCmi('2004', { location: 'l'.repeat(1000) }).ok).toBe(true);
    const loc = readCmi('1.2', { core: { lesson_location: 'l'.repeat(1001) } });
    expect(!loc.ok && loc.limits.map((l) => l.path)).toEqual(['cmi.core.lesson_location']);
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [String(i), { id: `q${i}` }]));
    const r = readCmi('2004', { interactions: many });
    expect(!r.ok && r.limits.map((l) => l.path)).toEqual(['cmi.interactions']);
  });
});

describe('interactions and objectives', () => {
  it('reads them as scorm-again sends them, and merges by index without losing stored ones', () => {
    const s1 = apply('1.2', {
      interactions: { '0': { id: 'q1', type: 'choice', student_response: 'a', result: 'wrong', latency: '00:00:05', correct_responses: { '0': { pattern: 'b' } }, objectives: {} } },
      objectives: { '0': { id: 'o1', status: 'passed', score: { raw: '3', min: '', max: '100' } } },
    });
    expect(s1.interactions).toEqual([{ id: 'q1', type: 'choice', response: 'a', result: 'wrong', correct: false, latency: '00:00:05', latencySeconds: 5, correctResponses: ['b'], objectives: [] }]);
    expect(s1.objectives).toEqual([{ id: 'o1', status: 'passed', score: { raw: 3, max: 100, scaled: 0.03 } }]);
    const s2 = apply('1.2', { interactions: [{ id: 'q1', result: 'correct' }, { id: 'q2', result: 'correct' }] }, s1);
    expect(s2.interactions.map((i) => [i.id, i.correct])).toEqual([['q1', true], ['q2', true]]);
    const s3 = apply('1.2', { interactions: {} }, s2);
    expect(s3.interactions).toHaveLength(2);
  });

  it('finds the cmi in every JSON commit shape of scorm-again', () => {
    expect(cmiOf({ cmi: { location: 'a' }, commitSequence: 1 })).toEqual({ location: 'a' });
    expect(cmiOf({ runtimeData: { cmi: { location: 'b' } }, completionStatus: 'completed' })).toEqual({ location: 'b' });
    expect(cmiOf({ 'cmi.core.lesson_location': 'c', 'cmi.interactions.0.id': 'q', commitSequence: 2 })).toEqual({ core: { lesson_location: 'c' }, interactions: { '0': { id: 'q' } } });
    expect(cmiOf({ commitSequence: 3 })).toBeUndefined();
    expect(unflatten({ 'a.__proto__.x': 1, 'b.c': 2 })).toEqual({ b: { c: 2 } });
  });
});

describe('resume', () => {
  it('entry: ab-initio the first time, resume after a suspend, empty otherwise', () => {
    expect(entryOf(undefined)).toBe('ab-initio');
    expect(entryOf(apply('1.2', { core: { exit: 'suspend' } }))).toBe('resume');
    expect(entryOf(apply('2004', { exit: 'normal' }))).toBe('');
    expect(entryOf(apply('2004', { exit: 'time-out', suspend_data: 'x' }))).toBe('resume');
    expect(entryOf(apply('1.2', { core: { exit: '' } }))).toBe('');
  });

  it('restores location and suspend_data before Initialize in a real scorm-again API (1.2 and 2004)', () => {
    const s12 = apply('1.2', { core: { lesson_location: 'page-4', exit: 'suspend', lesson_status: 'incomplete', session_time: '00:03:00', score: { raw: '40' } }, suspend_data: 'answers=1,2', interactions: { '0': { id: 'q1', type: 'choice', student_response: 'a', result: 'correct' } } });
    const a = new Scorm12API({ logLevel: 5 });
    a.loadFromJSON(loadJsonOf('1.2', s12, { id: 'u-1', name: 'Noor' }, { masteryScore: 80 }), 'cmi');
    a.LMSInitialize!('');
    expect(['cmi.core.entry', 'cmi.core.lesson_location', 'cmi.suspend_data', 'cmi.core.student_id', 'cmi.student_data.mastery_score', 'cmi.interactions._count', 'cmi.core.lesson_status'].map((e) => a.LMSGetValue!(e))).toEqual([
      'resume',
      'page-4',
      'answers=1,2',
      'u-1',
      '80',
      '1',
      'incomplete',
    ]);
    const s2004 = apply('2004', { location: 'p7', exit: 'suspend', completion_status: 'incomplete', suspend_data: '{"a":1}', session_time: 'PT5M' });
    const b = new Scorm2004API({ logLevel: 5 });
    b.loadFromJSON(loadJsonOf('2004', s2004, { id: 'u-1', name: 'Noor' }, { scaledPassingScore: 0.8, completionThreshold: 0.5 }), 'cmi');
    b.Initialize!('');
    expect(['cmi.entry', 'cmi.location', 'cmi.suspend_data', 'cmi.total_time', 'cmi.scaled_passing_score', 'cmi.completion_status'].map((e) => b.GetValue!(e))).toEqual(['resume', 'p7', '{"a":1}', 'PT5M', '0.8', 'unknown']);
    // (scorm-again answers `unknown` for completion_status while a completion threshold is set and progress_measure is not: RTE 4.2.4.1.)
    // Not after a normal exit: the SCO starts over (statuses and score stay).
    const normal = loadJsonOf('2004', { ...s2004, exit: 'normal' }, { id: 'u', name: 'U' }, {});
    expect([normal.entry, normal.location, normal.suspend_data, normal.completion_status]).toEqual(['', undefined, undefined, 'incomplete']);
  });
});

describe('outcomes', () => {
  const st = (version: ScormVersion, cmi: Record<string, unknown>) => apply(version, cmi);

  it('SCORM 1.2 without a mastery score: passed and completed complete; failed does not', () => {
    expect(scoOutcome('1.2', st('1.2', { core: { lesson_status: 'passed' } }), sco()).done).toBe(true);
    expect(scoOutcome('1.2', st('1.2', { core: { lesson_status: 'completed' } }), sco()).done).toBe(true);
    const failed = scoOutcome('1.2', st('1.2', { core: { lesson_status: 'failed' } }), sco());
    expect([failed.completion, failed.success, failed.done]).toEqual(['completed', 'failed', false]);
    expect(scoOutcome('1.2', st('1.2', { core: { lesson_status: 'incomplete' } }), sco()).done).toBe(false);
    expect(scoOutcome('1.2', undefined, sco()).done).toBe(false);
  });

  it('SCORM 1.2 with a mastery score: only a pass completes; "completed" is judged by the raw score', () => {
    const item = sco('item_1', { masteryScore: 80 });
    expect(scoOutcome('1.2', st('1.2', { core: { lesson_status: 'completed', score: { raw: '85' } } }), item)).toMatchObject({ success: 'passed', done: true });
    expect(scoOutcome('1.2', st('1.2', { core: { lesson_status: 'completed', score: { raw: '70' } } }), item)).toMatchObject({ success: 'failed', done: false });
    expect(scoOutcome('1.2', st('1.2', { core: { lesson_status: 'completed' } }), item)).toMatchObject({ success: 'unknown', done: false });
    expect(scoOutcome('1.2', st('1.2', { core: { lesson_status: 'passed', score: { raw: '85' } } }), item)).toMatchObject({ done: true });
    const o = outcomeOf('1.2', { item_1: st('1.2', { core: { lesson_status: 'failed', score: { raw: '40' } } }) }, [item]);
    expect([o.done, o.failed, o.percent]).toEqual([false, true, 40]);
  });

  it('SCORM 2004: completion threshold on progress_measure, scaled passing score on score.scaled', () => {
    const item = sco('t', { completionThreshold: 0.8, scaledPassingScore: 0.7 });
    expect(scoOutcome('2004', st('2004', { completion_status: 'incomplete', progress_measure: '0.9', score: { scaled: '0.75' } }), item)).toMatchObject({ completion: 'completed', success: 'passed', done: true });
    expect(scoOutcome('2004', st('2004', { completion_status: 'completed', progress_measure: '0.5', score: { scaled: '0.75' } }), item)).toMatchObject({ completion: 'incomplete', done: false });
    expect(scoOutcome('2004', st('2004', { completion_status: 'completed', success_status: 'passed', progress_measure: '0.9', score: { scaled: '0.6' } }), item)).toMatchObject({ success: 'passed' });
    expect(scoOutcome('2004', st('2004', { completion_status: 'completed', progress_measure: '0.9', score: { scaled: '0.6' } }), item)).toMatchObject({ success: 'failed', done: false });
    expect(scoOutcome('2004', st('2004', { completion_status: 'completed', progress_measure: '0.9' }), item)).toMatchObject({ success: 'unknown', done: false });
    // Without a passing score: completed is done unless the SCO says failed.
    expect(scoOutcome('2004', st('2004', { completion_status: 'completed' }), sco('x')).done).toBe(true);
    expect(scoOutcome('2004', st('2004', { completion_status: 'completed', success_status: 'failed' }), sco('x')).done).toBe(false);
  });

  it('several SCOs: all must be done (1.2), or the activity tree’s rollup decides (2004)', () => {
    const items = [sco('a'), sco('b')];
    const a = st('1.2', { core: { lesson_status: 'passed', score: { raw: '80' } } });
    const b = st('1.2', { core: { lesson_status: 'incomplete' } });
    expect(outcomeOf('1.2', { a, b }, items)).toMatchObject({ done: false, completion: 'incomplete' });
    const b2 = st('1.2', { core: { lesson_status: 'completed', score: { raw: '60' } } });
    expect(outcomeOf('1.2', { a, b: b2 }, items)).toMatchObject({ done: true, completion: 'completed', score: { scaled: 0.7 }, percent: 70 });
    const x = st('2004', { completion_status: 'completed' });
    expect(outcomeOf('2004', { a: x }, items)).toMatchObject({ done: false });
    expect(outcomeOf('2004', { a: x }, items, { completionStatus: 'completed', successStatus: 'passed', scaled: 0.9 })).toMatchObject({ done: true, success: 'passed', percent: 90 });
    // Assets only (nothing talks to the API): every launchable the player reported.
    const assets: OutcomeItem[] = [{ itemId: 'p1', scormType: 'asset' }, { itemId: 'p2', scormType: 'asset' }];
    expect(outcomeOf('2004', { p1: x }, assets).done).toBe(false);
    expect(outcomeOf('2004', { p1: x, p2: x }, assets).done).toBe(true);
  });

  it('counts the time of every SCO', () => {
    const a = apply('2004', { session_time: 'PT10M' });
    const b = apply('2004', { session_time: 'PT5M' });
    expect(outcomeOf('2004', { a, b }, [sco('a'), sco('b')]).timeSeconds).toBe(900);
    expect(emptySco('1.2').completion).toBe('not attempted');
  });
});
