/**
 * The SCORM run-time data a SCO reports (`cmi`), as the server reads, checks and keeps it. Pure
 * code: plain JSON in, plain data out; no I/O.
 *
 * What a commit says is reported by the browser and can be forged, so nothing is stored as sent:
 * - limits the player can show (`CmiLimit`, answered 422): suspend_data ≤ 64,000 characters for
 *   both versions (the 1.2 spec says 4,096; real packages write more), location ≤ 1,000, at most
 *   1,000 interactions and 100 objectives, identifiers ≤ 4,000 and responses ≤ 8,000 characters;
 * - values that break a rule are left out and named in `ignored` (the commit itself is kept, so a
 *   SCO with one odd value still saves its progress): a score outside its range, an unknown status;
 * - statuses never go backwards within an attempt (`mergeSco`);
 * - total time is the server's own sum of session times (./cmi-time.ts), capped by the clock.
 */
import { text, type Text } from '../../platform/domain/text';
import { emptyTally, formatTime, parseTime, tallyAfter, totalSeconds, type TimeTally } from './cmi-time';

export type ScormVersion = '1.2' | '2004';

export const cmiLimits = {
  suspendData: 64_000,
  location: 1_000,
  interactions: 1_000,
  objectives: 100,
  identifier: 4_000,
  response: 8_000,
  /** Other free text (descriptions, comments we keep). */
  text: 1_000,
} as const;

export type LessonStatus12 = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';
export type Completion = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
export type Success = 'passed' | 'failed' | 'unknown';

export interface Score {
  raw?: number;
  min?: number;
  max?: number;
  /** −1..1; for 1.2 derived from raw within min..max (0..100 when not given). */
  scaled?: number;
}

export interface Interaction {
  id: string;
  type?: string;
  /** 1.2 `student_response`, 2004 `learner_response`. */
  response?: string;
  /** As written (`correct`, `wrong`/`incorrect`, `unanticipated`, `neutral`, or a number). */
  result?: string;
  /** true/false for correct and wrong/incorrect; absent otherwise (for reports). */
  correct?: boolean;
  latency?: string;
  latencySeconds?: number;
  /** 1.2 `time`, 2004 `timestamp`. */
  time?: string;
  weighting?: string;
  description?: string;
  correctResponses: string[];
  objectives: string[];
}

export interface Objective {
  id: string;
  /** 1.2 `status` (a lesson status). */
  status?: string;
  completion?: string;
  success?: string;
  score?: Score;
  progressMeasure?: number;
  description?: string;
}

/** What one commit reports for one SCO, checked. */
export interface ScoReport {
  location?: string;
  suspendData?: string;
  exit?: string;
  lessonStatus?: LessonStatus12;
  completion?: Completion;
  success?: Success;
  score?: Score;
  progressMeasure?: number;
  sessionSeconds?: number;
  interactions: Interaction[];
  objectives: Objective[];
}

/** A SCO's state within an attempt, as stored. */
export interface ScoState {
  version: ScormVersion;
  location: string;
  suspendData: string;
  /** The last `exit` reported ('' before any). */
  exit: string;
  /** 1.2 only: the lesson status as reported (after the no-going-back rule). */
  lessonStatus?: LessonStatus12;
  completion: Completion;
  success: Success;
  score?: Score;
  progressMeasure?: number;
  time: TimeTally;
  interactions: Interaction[];
  objectives: Objective[];
  /** Commits applied. */
  commits: number;
}

export interface CmiLimit {
  path: string;
  message: Text;
}

export type ReadResult = { ok: true; report: ScoReport; ignored: string[] } | { ok: false; limits: CmiLimit[] };

// ---- the payload -----------------------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * scorm-again's flattened commit (`dataCommitFormat: 'flattened'`: `{ "cmi.core.lesson_status": … }`)
 * back into the JSON tree (`{ cmi: { core: { lesson_status } } }`); numeric segments become object
 * keys, as in the JSON format.
 */
export function unflatten(flat: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) continue;
    let node = out;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(node[part])) node[part] = {};
      node = node[part] as Json;
    }
    node[parts.at(-1)!] = value;
  }
  return out;
}

/** The `cmi` object of any of scorm-again's JSON commit shapes (json, flattened, common commit fields). */
export function cmiOf(body: Json): Json | undefined {
  if (isObject(body.cmi)) return body.cmi;
  if (isObject(body.runtimeData)) return cmiOf(body.runtimeData);
  if (Object.keys(body).some((k) => k.startsWith('cmi.'))) {
    const tree = unflatten(Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('cmi.'))));
    return isObject(tree.cmi) ? tree.cmi : undefined;
  }
  return undefined;
}

/** Arrays as scorm-again writes them: `{ "0": {…}, "1": {…} }` (or a real array), in index order. */
function listOf(v: unknown): Json[] {
  if (Array.isArray(v)) return v.filter(isObject);
  if (!isObject(v)) return [];
  return Object.keys(v)
    .filter((k) => /^\d+$/.test(k))
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => v[k])
    .filter(isObject);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const nonEmpty = (v: unknown) => {
  const s = str(v);
  return s === undefined || s === '' ? undefined : s;
};
const num = (v: unknown): number | undefined => {
  const s = nonEmpty(v);
  if (s === undefined || !/^-?\d+(\.\d+)?$/.test(s.trim())) return undefined;
  return Number(s);
};

const lessonStatuses: readonly LessonStatus12[] = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'];
const completions: readonly Completion[] = ['completed', 'incomplete', 'not attempted', 'unknown'];
const successes: readonly Success[] = ['passed', 'failed', 'unknown'];

const tooLong = (path: string, max: number, what: Text): CmiLimit => ({
  path,
  message: text(`${what.nl} is te lang: hoogstens ${max.toLocaleString('nl-NL')} tekens`, `${what.en} is too long: at most ${max.toLocaleString('en-GB')} characters`),
});

/**
 * Reads what a commit reports for one SCO. Refuses (with the limits broken) what the player must
 * show; leaves out, and names, values that break a rule.
 */
export function readCmi(version: ScormVersion, cmi: Json): ReadResult {
  const limits: CmiLimit[] = [];
  const ignored: string[] = [];
  const v12 = version === '1.2';
  const core = v12 && isObject(cmi.core) ? cmi.core : {};
  const at = (name12: string, name2004: string) => (v12 ? `cmi.${name12}` : `cmi.${name2004}`);

  const suspendData = str(cmi.suspend_data);
  if (suspendData !== undefined && suspendData.length > cmiLimits.suspendData) {
    limits.push({
      path: 'cmi.suspend_data',
      message: text(
        `De voortgang van deze e-learning is te groot om op te slaan (${suspendData.length.toLocaleString('nl-NL')} tekens; hoogstens ${cmiLimits.suspendData.toLocaleString('nl-NL')}). Meld dit bij de academie.`,
        `This e-learning's progress is too large to save (${suspendData.length.toLocaleString('en-GB')} characters; at most ${cmiLimits.suspendData.toLocaleString('en-GB')}). Please report this to the academy.`,
      ),
    });
  }
  const location = str(v12 ? core.lesson_location : cmi.location);
  if (location !== undefined && location.length > cmiLimits.location) limits.push(tooLong(at('core.lesson_location', 'location'), cmiLimits.location, text('De bladwijzer (location)', 'The bookmark (location)')));

  const rawInteractions = listOf(cmi.interactions);
  const rawObjectives = listOf(cmi.objectives);
  if (rawInteractions.length > cmiLimits.interactions) limits.push({ path: 'cmi.interactions', message: text(`Te veel vragen (interactions): hoogstens ${cmiLimits.interactions}`, `Too many interactions: at most ${cmiLimits.interactions}`) });
  if (rawObjectives.length > cmiLimits.objectives) limits.push({ path: 'cmi.objectives', message: text(`Te veel doelen (objectives): hoogstens ${cmiLimits.objectives}`, `Too many objectives: at most ${cmiLimits.objectives}`) });

  const interactions: Interaction[] = [];
  rawInteractions.slice(0, cmiLimits.interactions).forEach((r, i) => {
    const path = `cmi.interactions.${i}`;
    const id = str(r.id) ?? '';
    const response = str(v12 ? r.student_response : r.learner_response);
    if (id.length > cmiLimits.identifier) limits.push(tooLong(`${path}.id`, cmiLimits.identifier, text('Het id van een vraag', 'An interaction id')));
    if (response !== undefined && response.length > cmiLimits.response) limits.push(tooLong(`${path}.${v12 ? 'student_response' : 'learner_response'}`, cmiLimits.response, text('Een antwoord', 'A response')));
    const result = nonEmpty(r.result);
    const latency = nonEmpty(r.latency);
    const latencySeconds = latency !== undefined ? parseTime(version, latency) : undefined;
    if (latency !== undefined && latencySeconds === undefined) ignored.push(`${path}.latency`);
    const it: Interaction = {
      id,
      correctResponses: listOf(r.correct_responses).map((c) => str(c.pattern) ?? '').slice(0, 50).map((p) => p.slice(0, cmiLimits.response)),
      objectives: listOf(r.objectives).map((o) => str(o.id) ?? '').slice(0, 50).map((p) => p.slice(0, cmiLimits.identifier)),
    };
    put(it, 'type', nonEmpty(r.type));
    put(it, 'response', response);
    put(it, 'result', result);
    if (result === 'correct') it.correct = true;
    else if (result === 'wrong' || result === 'incorrect') it.correct = false;
    if (latencySeconds !== undefined) Object.assign(it, { latency, latencySeconds });
    put(it, 'time', nonEmpty(v12 ? r.time : r.timestamp)?.slice(0, 100));
    put(it, 'weighting', nonEmpty(r.weighting)?.slice(0, 100));
    put(it, 'description', nonEmpty(r.description)?.slice(0, cmiLimits.text));
    interactions.push(it);
  });

  const objectives: Objective[] = [];
  rawObjectives.slice(0, cmiLimits.objectives).forEach((r, i) => {
    const path = `cmi.objectives.${i}`;
    const id = str(r.id) ?? '';
    if (id.length > cmiLimits.identifier) limits.push(tooLong(`${path}.id`, cmiLimits.identifier, text('Het id van een doel', 'An objective id')));
    const o: Objective = { id };
    const score = readScore(version, isObject(r.score) ? r.score : {}, `${path}.score`, ignored);
    if (score) o.score = score;
    if (v12) put(o, 'status', pick(nonEmpty(r.status), lessonStatuses, `${path}.status`, ignored));
    else {
      put(o, 'completion', pick(nonEmpty(r.completion_status), completions, `${path}.completion_status`, ignored));
      put(o, 'success', pick(nonEmpty(r.success_status), successes, `${path}.success_status`, ignored));
      put(o, 'progressMeasure', unit(num(r.progress_measure), `${path}.progress_measure`, ignored));
      put(o, 'description', nonEmpty(r.description)?.slice(0, cmiLimits.text));
    }
    objectives.push(o);
  });

  if (limits.length > 0) return { ok: false, limits };

  const report: ScoReport = { interactions, objectives };
  put(report, 'location', location);
  put(report, 'suspendData', suspendData);
  put(report, 'exit', str(v12 ? core.exit : cmi.exit));
  const session = nonEmpty(v12 ? core.session_time : cmi.session_time);
  if (session !== undefined) {
    const seconds = parseTime(version, session);
    if (seconds === undefined) ignored.push(at('core.session_time', 'session_time'));
    else report.sessionSeconds = seconds;
  }
  if (v12) {
    const status = pick(nonEmpty(core.lesson_status), lessonStatuses, 'cmi.core.lesson_status', ignored);
    if (status) report.lessonStatus = status;
    const score = readScore(version, isObject(core.score) ? core.score : {}, 'cmi.core.score', ignored);
    if (score) report.score = score;
  } else {
    put(report, 'completion', pick(nonEmpty(cmi.completion_status), completions, 'cmi.completion_status', ignored));
    put(report, 'success', pick(nonEmpty(cmi.success_status), successes, 'cmi.success_status', ignored));
    put(report, 'progressMeasure', unit(num(cmi.progress_measure), 'cmi.progress_measure', ignored));
    const score = readScore(version, isObject(cmi.score) ? cmi.score : {}, 'cmi.score', ignored);
    if (score) report.score = score;
  }
  return { ok: true, report, ignored };
}

function put<T extends object, K extends keyof T>(o: T, key: K, value: T[K] | undefined) {
  if (value !== undefined) o[key] = value;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], path: string, ignored: string[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  ignored.push(path);
  return undefined;
}

function unit(value: number | undefined, path: string, ignored: string[]) {
  if (value === undefined) return undefined;
  if (value >= 0 && value <= 1) return value;
  ignored.push(path);
  return undefined;
}

/**
 * A score as reported, or undefined when there is none or it breaks a rule (then its path is in
 * `ignored`): raw within min..max, min ≤ max, scaled within −1..1; SCORM 1.2 scores within 0..100.
 */
export function readScore(version: ScormVersion, s: Json, path: string, ignored: string[]): Score | undefined {
  const raw = num(s.raw);
  const min = num(s.min);
  const max = num(s.max);
  const scaled = version === '2004' ? num(s.scaled) : undefined;
  const badNumber = (['raw', 'min', 'max', ...(version === '2004' ? ['scaled'] : [])] as const).some((k) => nonEmpty(s[k]) !== undefined && num(s[k]) === undefined);
  if (raw === undefined && scaled === undefined) {
    if (badNumber) ignored.push(path);
    return undefined;
  }
  const checkScore = checkScoreRules(version, { raw, min, max, scaled });
  if (badNumber || !checkScore.ok) {
    ignored.push(path);
    return undefined;
  }
  return checkScore.score;
}

/** The range rules of a score; for 1.2 also its scaled value (raw within min..max, 0..100 when not given). */
export function checkScoreRules(version: ScormVersion, s: Score): { ok: true; score: Score } | { ok: false } {
  const { raw, min, max, scaled } = s;
  const in12 = (n: number | undefined) => n === undefined || (n >= 0 && n <= 100);
  if (version === '1.2' && !(in12(raw) && in12(min) && in12(max))) return { ok: false };
  if (min !== undefined && max !== undefined && min > max) return { ok: false };
  if (raw !== undefined && ((min !== undefined && raw < min) || (max !== undefined && raw > max))) return { ok: false };
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) return { ok: false };
  const score: Score = {};
  if (raw !== undefined) score.raw = raw;
  if (min !== undefined) score.min = min;
  if (max !== undefined) score.max = max;
  if (scaled !== undefined) score.scaled = scaled;
  else if (version === '1.2' && raw !== undefined) {
    const lo = min ?? 0;
    const hi = max ?? 100;
    score.scaled = hi > lo ? Math.round(((raw - lo) / (hi - lo)) * 10000) / 10000 : undefined;
    if (score.scaled === undefined) delete score.scaled;
  }
  return { ok: true, score };
}

// ---- statuses never go backwards ---------------------------------------------------------------------

const lessonRank: Record<LessonStatus12, number> = { 'not attempted': 0, browsed: 1, incomplete: 2, completed: 3, failed: 3, passed: 4 };
const completionRank: Record<Completion, number> = { unknown: 0, 'not attempted': 1, incomplete: 2, completed: 3 };
const successRank: Record<Success, number> = { unknown: 0, failed: 1, passed: 2 };

/**
 * SCORM 1.2 lesson status within an attempt: not attempted < browsed < incomplete < completed |
 * failed < passed. A lower status is ignored (completed → incomplete, passed → failed: a SCO that
 * passed keeps it); completed and failed may follow each other (the same stage: the SCO was done
 * with; the quiz decides), failed → passed is a retry that passed.
 */
export function nextLessonStatus(prev: LessonStatus12 | undefined, next: LessonStatus12 | undefined): LessonStatus12 | undefined {
  if (next === undefined) return prev;
  if (prev === undefined) return next;
  return lessonRank[next] >= lessonRank[prev] ? next : prev;
}

/** SCORM 2004 completion: unknown < not attempted < incomplete < completed. */
export const nextCompletion = (prev: Completion, next: Completion | undefined): Completion => (next !== undefined && completionRank[next] >= completionRank[prev] ? next : prev);

/** SCORM 2004 success: unknown < failed < passed (a retry may pass; a pass is never taken back). */
export const nextSuccess = (prev: Success, next: Success | undefined): Success => (next !== undefined && successRank[next] >= successRank[prev] ? next : prev);

/** 1.2 lesson status as 2004's two statuses. */
export function statusesOf12(s: LessonStatus12 | undefined): { completion: Completion; success: Success } {
  switch (s) {
    case 'passed':
      return { completion: 'completed', success: 'passed' };
    case 'failed':
      return { completion: 'completed', success: 'failed' };
    case 'completed':
      return { completion: 'completed', success: 'unknown' };
    case 'incomplete':
    case 'browsed':
      return { completion: 'incomplete', success: 'unknown' };
    case 'not attempted':
      return { completion: 'not attempted', success: 'unknown' };
    default:
      return { completion: 'unknown', success: 'unknown' };
  }
}

export const emptySco = (version: ScormVersion): ScoState => ({
  version,
  location: '',
  suspendData: '',
  exit: '',
  completion: version === '1.2' ? 'not attempted' : 'unknown',
  success: 'unknown',
  time: emptyTally(),
  interactions: [],
  objectives: [],
  commits: 0,
});

/**
 * A SCO's state after a commit, never going backwards: statuses by their order; interactions and
 * objectives by index (a commit that sends fewer than are stored keeps the rest); the time by the
 * server's own tally of session times, capped by the clock (seconds since this session's launch,
 * and since the attempt began).
 */
export function mergeSco(prev: ScoState | undefined, report: ScoReport, o: { version: ScormVersion; session: string; sessionCap: number; totalCap: number }): ScoState {
  const base = prev ?? emptySco(o.version);
  const next: ScoState = { ...base, commits: base.commits + 1 };
  if (report.location !== undefined) next.location = report.location;
  if (report.suspendData !== undefined) next.suspendData = report.suspendData;
  if (report.exit !== undefined) next.exit = report.exit;
  if (o.version === '1.2') {
    next.lessonStatus = nextLessonStatus(base.lessonStatus, report.lessonStatus);
    const s = statusesOf12(next.lessonStatus);
    next.completion = s.completion;
    next.success = s.success;
  } else {
    next.completion = nextCompletion(base.completion, report.completion);
    next.success = nextSuccess(base.success, report.success);
    if (report.progressMeasure !== undefined) next.progressMeasure = report.progressMeasure;
  }
  if (report.score !== undefined) next.score = report.score;
  next.interactions = mergeByIndex(base.interactions, report.interactions);
  next.objectives = mergeByIndex(base.objectives, report.objectives);
  next.time = tallyAfter(base.time, o.session, report.sessionSeconds, { sessionCap: o.sessionCap, totalCap: o.totalCap });
  return next;
}

const mergeByIndex = <T>(stored: T[], sent: T[]) => (sent.length >= stored.length ? sent : [...sent, ...stored.slice(sent.length)]);

// ---- back to the player -------------------------------------------------------------------------------

export type Entry = 'ab-initio' | 'resume' | '';

/**
 * `cmi.entry` / `cmi.core.entry` for the next launch of a SCO: `ab-initio` the first time in the
 * attempt, `resume` after a suspend (2004 also after a time-out with suspend data, as scorm-again
 * does), otherwise empty.
 */
export function entryOf(state: ScoState | undefined): Entry {
  if (!state || state.commits === 0) return 'ab-initio';
  if (state.exit === 'suspend') return 'resume';
  if (state.version === '2004' && state.exit === 'time-out' && state.suspendData !== '') return 'resume';
  return '';
}

/** What the LMS tells a SCO about the package (the manifest's values for this item). */
export interface LaunchData {
  masteryScore?: number;
  scaledPassingScore?: number;
  completionThreshold?: number;
  maxTimeAllowed?: string;
  timeLimitAction?: string;
  dataFromLms?: string;
}

const optional = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const numText = (n: number | undefined) => (n === undefined ? undefined : String(n));
const scoreJson = (s: Score | undefined, version: ScormVersion) =>
  s ? optional({ raw: numText(s.raw), min: numText(s.min), max: numText(s.max), ...(version === '2004' ? { scaled: numText(s.scaled) } : {}) }) : undefined;
const indexed = <T>(list: T[], f: (x: T) => Json) => Object.fromEntries(list.map((x, i) => [String(i), f(x)]));

/**
 * The JSON for scorm-again's `loadFromJSON(cmi)` before the SCO initialises (the `cmi` object's
 * content, without the `cmi` wrapper): who the learner is, the manifest's values, the entry and
 * the server's total time; location and suspend_data only when the SCO resumes; statuses, score,
 * objectives and interactions as stored (so later full commits carry them on).
 */
export function loadJsonOf(version: ScormVersion, state: ScoState | undefined, learner: { id: string; name: string }, launch: LaunchData): Json {
  const s = state ?? emptySco(version);
  const entry = entryOf(state);
  const resume = entry === 'resume';
  const total = formatTime(version, totalSeconds(s.time));
  if (version === '1.2') {
    return optional({
      core: optional({
        student_id: learner.id,
        student_name: learner.name,
        credit: 'credit',
        lesson_mode: 'normal',
        entry,
        total_time: total,
        lesson_status: s.lessonStatus,
        lesson_location: resume ? s.location : undefined,
        score: scoreJson(s.score, version),
      }),
      suspend_data: resume ? s.suspendData : undefined,
      launch_data: launch.dataFromLms,
      student_data: optional({ mastery_score: numText(launch.masteryScore), max_time_allowed: launch.maxTimeAllowed, time_limit_action: launch.timeLimitAction }),
      objectives: s.objectives.length ? indexed(s.objectives, (o) => optional({ id: o.id, status: o.status, score: scoreJson(o.score, version) })) : undefined,
      interactions: s.interactions.length ? indexed(s.interactions, (x) => interactionJson(version, x)) : undefined,
    });
  }
  return optional({
    learner_id: learner.id,
    learner_name: learner.name,
    credit: 'credit',
    mode: 'normal',
    entry,
    total_time: total,
    completion_status: s.completion === 'unknown' ? undefined : s.completion,
    success_status: s.success === 'unknown' ? undefined : s.success,
    progress_measure: numText(s.progressMeasure),
    score: scoreJson(s.score, version),
    location: resume ? s.location : undefined,
    suspend_data: resume ? s.suspendData : undefined,
    launch_data: launch.dataFromLms,
    scaled_passing_score: numText(launch.scaledPassingScore),
    completion_threshold: numText(launch.completionThreshold),
    max_time_allowed: launch.maxTimeAllowed,
    time_limit_action: launch.timeLimitAction,
    objectives: s.objectives.length
      ? indexed(s.objectives, (o) => optional({ id: o.id, completion_status: o.completion, success_status: o.success, progress_measure: numText(o.progressMeasure), description: o.description, score: scoreJson(o.score, version) }))
      : undefined,
    interactions: s.interactions.length ? indexed(s.interactions, (x) => interactionJson(version, x)) : undefined,
  });
}

function interactionJson(version: ScormVersion, x: Interaction): Json {
  const v12 = version === '1.2';
  return optional({
    id: x.id,
    type: x.type,
    [v12 ? 'student_response' : 'learner_response']: x.response,
    result: x.result,
    latency: x.latency,
    [v12 ? 'time' : 'timestamp']: x.time,
    weighting: x.weighting,
    ...(v12 ? {} : { description: x.description }),
    correct_responses: x.correctResponses.length ? indexed(x.correctResponses, (p) => ({ pattern: p })) : undefined,
    objectives: x.objectives.length ? indexed(x.objectives, (id) => ({ id })) : undefined,
  });
}
