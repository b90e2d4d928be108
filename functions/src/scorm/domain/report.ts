/**
 * A module's SCORM report (functions/src/scorm/reports), as pure code: the module's attempts and
 * the SCO states they hold in, figures out. Every number comes from what packages reported in the
 * browser (scores, statuses, answers) and is therefore labelled self-reported; the time figures
 * use the server's own tally (./cmi-time.ts, capped by the clock).
 *
 * Definitions (functions/docs/scorm.md, "Reports"):
 * - learners **started**: with at least one attempt; **completed**: with an attempt whose
 *   completion is `completed`; **passed**: with an attempt whose success is `passed`; **failed**:
 *   with a failed verdict and no pass; **in progress**: with an attempt in progress now;
 * - **pass rate**: passed ÷ (passed + failed) learners, i.e. among those the package judged
 *   (a package without a pass mark judges nobody: null);
 * - **average score / time**: over *finished* attempts (completion `completed`, or no longer in
 *   progress), the score as a percentage where the attempt has one;
 * - **attempts over time**: per week (Monday, UTC), attempts started and finished;
 * - **interactions**, per SCO and interaction id over every recorded answer (a SCORM 1.2 journal
 *   entry is one answer): answers, correct, wrong, share correct = correct ÷ (correct + wrong),
 *   and the three most common wrong answers.
 */
import { csvCell, csvSeparator, type CsvLanguage } from '../../platform/domain/csv';
import type { Interaction, ScormVersion } from './cmi';
import type { AttemptOutcome } from './outcome';

export interface ReportAttempt {
  attemptId: string;
  userId: string;
  learnerName: string;
  number: number;
  packageVersion: number;
  scormVersion: ScormVersion;
  status: 'in-progress' | 'completed' | 'failed';
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  outcome?: AttemptOutcome;
}

/** One SCO's answers within one attempt. */
export interface ReportSco {
  attemptId: string;
  scoId: string;
  interactions: Interaction[];
}

export interface WrongAnswer {
  response: string;
  count: number;
}

export interface InteractionFigures {
  scoId: string;
  id: string;
  description?: string;
  type?: string;
  /** Recorded answers (every journal entry). */
  responses: number;
  correct: number;
  wrong: number;
  /** correct ÷ (correct + wrong), 0..1; null when no answer was judged. */
  shareCorrect: number | null;
  /** The most common wrong answers, at most three, most frequent first. */
  wrongAnswers: WrongAnswer[];
}

export interface WeekFigures {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  weekStart: string;
  started: number;
  finished: number;
}

export interface ModuleReportFigures {
  learners: { started: number; completed: number; passed: number; failed: number; inProgress: number };
  passRate: number | null;
  /** Percentage 0–100 over finished attempts with a score. */
  averageScore: number | null;
  averageTimeSeconds: number | null;
  attempts: { total: number; inProgress: number; completed: number; failed: number; finished: number; byVersion: Array<{ version: number; count: number }> };
  attemptsOverTime: WeekFigures[];
  interactions: InteractionFigures[];
}

export const reportLimits = {
  /** Weeks shown in the chart (the most recent). */
  weeks: 104,
  wrongAnswers: 3,
  /** Characters of an answer shown (responses may hold up to 8,000). */
  responseChars: 200,
  interactions: 1000,
} as const;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export const isFinished = (a: ReportAttempt) => a.status !== 'in-progress' || a.outcome?.completion === 'completed';

/** Monday (UTC) of the week of an ISO instant, as YYYY-MM-DD. */
export function weekStartOf(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
  return new Date(monday).toISOString().slice(0, 10);
}

const week = 7 * 24 * 3600 * 1000;

/** Weeks from the first attempt to `now`, gaps as zeros, the most recent `reportLimits.weeks`. */
export function attemptsByWeek(attempts: ReportAttempt[], now: Date): WeekFigures[] {
  if (attempts.length === 0) return [];
  const counts = new Map<string, { started: number; finished: number }>();
  const bump = (iso: string, field: 'started' | 'finished') => {
    const w = weekStartOf(iso);
    const c = counts.get(w) ?? { started: 0, finished: 0 };
    c[field]++;
    counts.set(w, c);
  };
  for (const a of attempts) {
    bump(a.startedAt, 'started');
    if (a.finishedAt) bump(a.finishedAt, 'finished');
  }
  const keys = [...counts.keys(), weekStartOf(now.toISOString())].sort();
  const last = Date.parse(`${keys[keys.length - 1]}T00:00:00Z`);
  const first = Math.max(Date.parse(`${keys[0]}T00:00:00Z`), last - (reportLimits.weeks - 1) * week);
  const out: WeekFigures[] = [];
  for (let t = first; t <= last; t += week) {
    const w = new Date(t).toISOString().slice(0, 10);
    out.push({ weekStart: w, ...(counts.get(w) ?? { started: 0, finished: 0 }) });
  }
  return out;
}

/** Per SCO and interaction id: answers, share correct, most common wrong answers. */
export function interactionFigures(scos: ReportSco[]): InteractionFigures[] {
  interface Acc extends Omit<InteractionFigures, 'shareCorrect' | 'wrongAnswers'> {
    order: number;
    wrongCounts: Map<string, number>;
  }
  const byKey = new Map<string, Acc>();
  for (const sco of scos) {
    sco.interactions.forEach((it, index) => {
      const key = `${sco.scoId}\u0000${it.id}`;
      let acc = byKey.get(key);
      if (!acc) {
        acc = { scoId: sco.scoId, id: it.id, responses: 0, correct: 0, wrong: 0, order: index, wrongCounts: new Map() };
        byKey.set(key, acc);
      }
      acc.order = Math.min(acc.order, index);
      if (acc.description === undefined && it.description) acc.description = it.description;
      if (acc.type === undefined && it.type) acc.type = it.type;
      acc.responses++;
      if (it.correct === true) acc.correct++;
      if (it.correct === false) {
        acc.wrong++;
        const answer = (it.response ?? '').trim().slice(0, reportLimits.responseChars);
        acc.wrongCounts.set(answer, (acc.wrongCounts.get(answer) ?? 0) + 1);
      }
    });
  }
  return [...byKey.values()]
    .sort((a, b) => (a.scoId === b.scoId ? a.order - b.order || a.id.localeCompare(b.id) : a.scoId.localeCompare(b.scoId)))
    .slice(0, reportLimits.interactions)
    .map(({ order: _o, wrongCounts, ...acc }) => ({
      ...acc,
      shareCorrect: acc.correct + acc.wrong > 0 ? round(acc.correct / (acc.correct + acc.wrong), 4) : null,
      wrongAnswers: [...wrongCounts]
        .map(([response, count]) => ({ response, count }))
        .sort((a, b) => b.count - a.count || a.response.localeCompare(b.response))
        .slice(0, reportLimits.wrongAnswers),
    }));
}

/** The report's figures from every attempt at the module and the SCO states they hold. */
export function reportFigures(attempts: ReportAttempt[], scos: ReportSco[], now: Date): ModuleReportFigures {
  const byLearner = new Map<string, ReportAttempt[]>();
  for (const a of attempts) byLearner.set(a.userId, [...(byLearner.get(a.userId) ?? []), a]);
  const learners = { started: byLearner.size, completed: 0, passed: 0, failed: 0, inProgress: 0 };
  for (const list of byLearner.values()) {
    if (list.some((a) => a.outcome?.completion === 'completed' || a.status === 'completed')) learners.completed++;
    const passed = list.some((a) => a.outcome?.success === 'passed');
    if (passed) learners.passed++;
    else if (list.some((a) => a.outcome?.success === 'failed' && (a.outcome.completion === 'completed' || a.status === 'failed'))) learners.failed++;
    if (list.some((a) => a.status === 'in-progress')) learners.inProgress++;
  }
  const finished = attempts.filter(isFinished);
  const scores = finished.map((a) => a.outcome?.percent).filter((p): p is number => typeof p === 'number');
  const times = finished.map((a) => a.outcome?.timeSeconds).filter((t): t is number => typeof t === 'number');
  const mean = (xs: number[]) => (xs.length > 0 ? round(xs.reduce((s, x) => s + x, 0) / xs.length, 1) : null);
  const versions = new Map<number, number>();
  for (const a of attempts) versions.set(a.packageVersion, (versions.get(a.packageVersion) ?? 0) + 1);
  const judged = learners.passed + learners.failed;
  return {
    learners,
    passRate: judged > 0 ? round(learners.passed / judged, 4) : null,
    averageScore: mean(scores),
    averageTimeSeconds: mean(times),
    attempts: {
      total: attempts.length,
      inProgress: attempts.filter((a) => a.status === 'in-progress').length,
      completed: attempts.filter((a) => a.status === 'completed').length,
      failed: attempts.filter((a) => a.status === 'failed').length,
      finished: finished.length,
      byVersion: [...versions].sort((a, b) => a[0] - b[0]).map(([version, count]) => ({ version, count })),
    },
    attemptsOverTime: attemptsByWeek(attempts, now),
    interactions: interactionFigures(scos),
  };
}

// ---- CSV -------------------------------------------------------------------------------------------

/** Shared with every CSV export (functions/src/platform/domain/csv.ts); re-exported for this module's readers. */
export { csvCell, csvSeparator, type CsvLanguage };

const headers: Record<CsvLanguage, string[]> = {
  nl: ['Deelnemer', 'Poging', 'Pakketversie', 'Status', 'Resultaat', 'Score (%)', 'Tijd (seconden)', 'Gestart', 'Afgerond', 'Zelf gerapporteerd'],
  en: ['Learner', 'Attempt', 'Package version', 'Status', 'Success', 'Score (%)', 'Time (seconds)', 'Started', 'Finished', 'Self-reported'],
};
const statusWords: Record<CsvLanguage, Record<ReportAttempt['status'], string>> = {
  nl: { 'in-progress': 'bezig', completed: 'afgerond', failed: 'niet gehaald' },
  en: { 'in-progress': 'in progress', completed: 'completed', failed: 'failed' },
};
const successWords: Record<CsvLanguage, Record<string, string>> = {
  nl: { passed: 'geslaagd', failed: 'gezakt', unknown: 'onbekend' },
  en: { passed: 'passed', failed: 'failed', unknown: 'unknown' },
};

const localTime = (iso: string | undefined) => {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
};

const decimal = (n: number | undefined, language: CsvLanguage) => (n === undefined ? '' : language === 'nl' ? String(n).replace('.', ',') : String(n));

/**
 * One row per attempt (learner name, attempt number, version, status, success, score, time,
 * started and finished in Amsterdam time), UTF-8 with a byte order mark so Excel reads the
 * accents, CRLF line ends.
 */
export function reportCsv(attempts: ReportAttempt[], language: CsvLanguage): string {
  const sep = csvSeparator(language);
  const sorted = [...attempts].sort((a, b) => a.learnerName.localeCompare(b.learnerName, 'nl') || a.userId.localeCompare(b.userId) || a.number - b.number);
  const lines = [headers[language].map((h) => csvCell(h, sep)).join(sep)];
  for (const a of sorted) {
    const o = a.outcome;
    lines.push(
      [
        csvCell(a.learnerName, sep),
        csvCell(a.number, sep),
        csvCell(a.packageVersion, sep),
        csvCell(statusWords[language][a.status], sep),
        csvCell(successWords[language][o?.success ?? 'unknown'] ?? '', sep),
        csvCell(decimal(o?.percent, language), sep),
        csvCell(o ? Math.round(o.timeSeconds) : undefined, sep),
        csvCell(localTime(a.startedAt), sep),
        csvCell(localTime(a.finishedAt), sep),
        csvCell(language === 'nl' ? 'ja' : 'yes', sep),
      ].join(sep),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
