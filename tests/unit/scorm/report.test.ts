import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../../functions/src/scorm/domain/cmi';
import type { AttemptOutcome } from '../../../functions/src/scorm/domain/outcome';
import { attemptsByWeek, csvCell, interactionFigures, reportCsv, reportFigures, weekStartOf, type ReportAttempt } from '../../../functions/src/scorm/domain/report';

const outcome = (o: Partial<AttemptOutcome>): AttemptOutcome => ({ completion: 'completed', success: 'unknown', timeSeconds: 0, done: true, failed: false, ...o });
let n = 0;
const attempt = (o: Partial<ReportAttempt>): ReportAttempt => ({
  attemptId: `a${++n}`,
  userId: 'u1',
  learnerName: 'Anna de Vries',
  number: 1,
  packageVersion: 1,
  scormVersion: '1.2',
  status: 'completed',
  startedAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T10:00:00.000Z',
  ...o,
});
const answer = (id: string, response: string, result?: 'correct' | 'wrong' | 'neutral', extra: Partial<Interaction> = {}): Interaction => ({
  id,
  response,
  ...(result ? { result, ...(result === 'correct' ? { correct: true } : result === 'wrong' ? { correct: false } : {}) } : {}),
  correctResponses: [],
  objectives: [],
  ...extra,
});

describe('report figures', () => {
  it('counts learners (not attempts): started, completed, passed, failed without a pass, in progress; pass rate among the judged', () => {
    const attempts = [
      // u1: failed first, passed on the retake → passed (not failed)
      attempt({ userId: 'u1', number: 1, status: 'failed', finishedAt: '2026-03-02T10:00:00.000Z', outcome: outcome({ success: 'failed', done: false, failed: true, percent: 40, timeSeconds: 600 }) }),
      attempt({ userId: 'u1', number: 2, status: 'completed', finishedAt: '2026-03-09T10:00:00.000Z', startedAt: '2026-03-09T09:00:00.000Z', outcome: outcome({ success: 'passed', percent: 90, timeSeconds: 300 }) }),
      // u2: failed only
      attempt({ userId: 'u2', status: 'failed', finishedAt: '2026-03-03T10:00:00.000Z', outcome: outcome({ success: 'failed', done: false, failed: true, percent: 50, timeSeconds: 900 }) }),
      // u3: in progress, with a partial score that does not count
      attempt({ userId: 'u3', status: 'in-progress', outcome: outcome({ completion: 'incomplete', done: false, percent: 10, timeSeconds: 60 }) }),
      // u4: completed without a pass mark (not judged)
      attempt({ userId: 'u4', status: 'completed', finishedAt: '2026-03-04T10:00:00.000Z', packageVersion: 2, outcome: outcome({ timeSeconds: 1200 }) }),
    ];
    const r = reportFigures(attempts, [], new Date('2026-03-10T12:00:00Z'));
    expect(r.learners).toEqual({ started: 4, completed: 3, passed: 1, failed: 1, inProgress: 1 });
    expect(r.passRate).toBe(0.5);
    // Finished attempts: 40, 90, 50 with a score → 60; times 600, 300, 900, 1200 → 750.
    expect(r.averageScore).toBe(60);
    expect(r.averageTimeSeconds).toBe(750);
    expect(r.attempts).toEqual({ total: 5, inProgress: 1, completed: 2, failed: 2, finished: 4, byVersion: [{ version: 1, count: 4 }, { version: 2, count: 1 }] });
    expect(r.attemptsOverTime).toEqual([
      { weekStart: '2026-03-02', started: 4, finished: 3 },
      { weekStart: '2026-03-09', started: 1, finished: 1 },
    ]);
  });

  it('has no rates or averages without data', () => {
    const r = reportFigures([], [], new Date('2026-03-10T12:00:00Z'));
    expect(r).toMatchObject({ passRate: null, averageScore: null, averageTimeSeconds: null, attemptsOverTime: [], interactions: [] });
    expect(r.learners).toEqual({ started: 0, completed: 0, passed: 0, failed: 0, inProgress: 0 });
  });

  it('puts attempts in weeks starting Monday (UTC), fills the gaps up to now and keeps the last 104 weeks', () => {
    expect(weekStartOf('2026-03-08T23:59:59Z')).toBe('2026-03-02'); // Sunday
    expect(weekStartOf('2026-03-09T00:00:00Z')).toBe('2026-03-09'); // Monday
    const weeks = attemptsByWeek([attempt({ startedAt: '2026-02-16T08:00:00Z', finishedAt: undefined })], new Date('2026-03-11T00:00:00Z'));
    expect(weeks.map((w) => [w.weekStart, w.started])).toEqual([
      ['2026-02-16', 1],
      ['2026-02-23', 0],
      ['2026-03-02', 0],
      ['2026-03-09', 0],
    ]);
    const long = attemptsByWeek([attempt({ startedAt: '2020-01-01T08:00:00Z' })], new Date('2026-03-11T00:00:00Z'));
    expect(long).toHaveLength(104);
    expect(long[long.length - 1]!.weekStart).toBe('2026-03-09');
  });
});

describe('interaction figures', () => {
  it('counts answers per SCO and question, the share correct among judged answers, and the three most common wrong answers', () => {
    const figures = interactionFigures([
      { attemptId: 'a', scoId: 'sco1', interactions: [answer('q1', 'b', 'correct', { description: 'Welke club?', type: 'choice' }), answer('q2', 'x', 'wrong')] },
      { attemptId: 'b', scoId: 'sco1', interactions: [answer('q1', 'c', 'wrong'), answer('q2', 'y', 'wrong')] },
      { attemptId: 'c', scoId: 'sco1', interactions: [answer('q1', 'c', 'wrong'), answer('q2', 'x', 'wrong'), answer('q2', 'z', 'wrong'), answer('q2', 'w', 'wrong'), answer('q2', 'z', 'neutral')] },
      { attemptId: 'c', scoId: 'sco2', interactions: [answer('q1', 'a', 'correct')] },
    ]);
    expect(figures).toEqual([
      { scoId: 'sco1', id: 'q1', description: 'Welke club?', type: 'choice', responses: 3, correct: 1, wrong: 2, shareCorrect: 0.3333, wrongAnswers: [{ response: 'c', count: 2 }] },
      // Ties are broken alphabetically: w, y both once, after x (twice) and z (once).
      { scoId: 'sco1', id: 'q2', responses: 6, correct: 0, wrong: 5, shareCorrect: 0, wrongAnswers: [{ response: 'x', count: 2 }, { response: 'w', count: 1 }, { response: 'y', count: 1 }] },
      { scoId: 'sco2', id: 'q1', responses: 1, correct: 1, wrong: 0, shareCorrect: 1, wrongAnswers: [] },
    ]);
  });

  it('leaves the share correct empty when no answer was judged, and cuts long answers', () => {
    const [f] = interactionFigures([{ attemptId: 'a', scoId: 's', interactions: [answer('essay', 'lang antwoord', 'neutral'), answer('essay', 'x'.repeat(500), 'wrong')] }]);
    expect(f!.responses).toBe(2);
    expect(f!.wrongAnswers[0]!.response).toHaveLength(200);
    const [g] = interactionFigures([{ attemptId: 'a', scoId: 's', interactions: [answer('open', 'tekst', 'neutral')] }]);
    expect(g!.shareCorrect).toBeNull();
  });
});

describe('CSV', () => {
  it('quotes cells with the separator, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvCell('gewoon', ';')).toBe('gewoon');
    expect(csvCell('Jansen; Piet', ';')).toBe('"Jansen; Piet"');
    expect(csvCell('Jansen, Piet', ';')).toBe('Jansen, Piet');
    expect(csvCell('Jansen, Piet', ',')).toBe('"Jansen, Piet"');
    expect(csvCell('Piet "PJ" Jansen', ',')).toBe('"Piet ""PJ"" Jansen"');
    expect(csvCell('regel 1\nregel 2', ',')).toBe('"regel 1\nregel 2"');
    expect(csvCell(' spatie', ',')).toBe('" spatie"');
    expect(csvCell(undefined, ',')).toBe('');
    expect(csvCell(42.5, ',')).toBe('42.5');
  });

  it('guards against formula injection: text starting with = + - @ (or tab, CR) gets a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","klik")', ',')).toBe(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csvCell('+31 6 1234', ',')).toBe("'+31 6 1234");
    expect(csvCell('-2+3', ',')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1', ',')).toBe("'\t=1");
    expect(csvCell('a=b', ',')).toBe('a=b');
  });

  it('writes one row per attempt, UTF-8 with a BOM, CRLF, in the language asked (Dutch: ; and a decimal comma, Amsterdam time)', () => {
    const attempts = [
      attempt({ userId: 'u2', learnerName: '=cmd|calc', number: 1, status: 'failed', startedAt: '2026-03-02T09:00:00.000Z', finishedAt: '2026-03-02T09:30:00.000Z', outcome: outcome({ success: 'failed', percent: 42.5, timeSeconds: 1799.6, done: false, failed: true }) }),
      attempt({ userId: 'u1', learnerName: 'Zoë Çelik', number: 2, packageVersion: 2, status: 'in-progress', startedAt: '2026-07-01T12:00:00.000Z', outcome: undefined }),
    ];
    const nl = reportCsv(attempts, 'nl');
    expect(nl.startsWith('\uFEFF')).toBe(true);
    const lines = nl.slice(1).split('\r\n');
    expect(lines).toEqual([
      'Deelnemer;Poging;Pakketversie;Status;Resultaat;Score (%);Tijd (seconden);Gestart;Afgerond;Zelf gerapporteerd',
      "'=cmd|calc;1;1;niet gehaald;gezakt;42,5;1800;2026-03-02 10:00:00;2026-03-02 10:30:00;ja",
      'Zoë Çelik;2;2;bezig;onbekend;;;2026-07-01 14:00:00;;ja',
      '',
    ]);
    const en = reportCsv(attempts, 'en').slice(1).split('\r\n');
    expect(en[0]).toBe('Learner,Attempt,Package version,Status,Success,Score (%),Time (seconds),Started,Finished,Self-reported');
    expect(en[1]).toBe("'=cmd|calc,1,1,failed,failed,42.5,1800,2026-03-02 10:00:00,2026-03-02 10:30:00,yes");
  });
});
