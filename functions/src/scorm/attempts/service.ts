/**
 * Attempts: launching an e-learning (an attempt and a launch token), the runtime the player talks
 * to with that token (the attempt's package and state; commits), outcomes that complete the module
 * in learning, and the learner's attempt history. See functions/docs/scorm.md ("Attempts and commits").
 */
import { organisationAllows, refusalFor } from '../../partners';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import { get } from '../../platform/store/table';
import { keys } from '../../platform/store/keys';
import { actorOf, authorize, type ScormAttemptResource } from '../../policy';
import { joinByScormLaunch, recordScormCompletion } from '../../learning';
import { nowOf, type ScormCtx } from '../context';
import * as packages from '../store';
import { launchables as launchablesOf } from '../domain/manifest';
import type { Launchable, PackageManifest } from '../domain/model';
import { cmiOf, entryOf, loadJsonOf, mergeSco, readCmi, type ScoState, type ScormVersion } from '../domain/cmi';
import { outcomeOf, type AttemptOutcome, type OutcomeItem, type Rollup } from '../domain/outcome';
import { LaunchTokenError, signLaunchToken, verifyLaunchToken, type LaunchClaims } from './launch-token';
import * as db from './store';

const moduleMissing = text('Deze module bestaat niet', 'This module does not exist');
const attemptMissing = text('Deze poging bestaat niet', 'This attempt does not exist');

// ---- the package version an attempt plays (versions never change: cached per process) -----------

interface PlayedVersion {
  version: packages.ScormVersion;
  launchables: Launchable[];
}
const versionCache = new Map<string, PlayedVersion>();

async function playedVersion(ctx: ScormCtx, moduleId: string, version: number): Promise<PlayedVersion> {
  const key = `${moduleId}#${version}`;
  const hit = versionCache.get(key);
  if (hit) return hit;
  const v = await packages.getVersion(ctx.deps.store, moduleId, version);
  if (!v) throw new Problem('notFound', text('Deze versie van het pakket bestaat niet meer', 'This version of the package no longer exists'));
  const played = { version: v, launchables: launchablesOf(v.manifest as PackageManifest) };
  if (versionCache.size > 200) versionCache.clear();
  versionCache.set(key, played);
  return played;
}

const outcomeItems = (l: Launchable[]): OutcomeItem[] =>
  l.map((x) => ({ itemId: x.itemId, scormType: x.scormType, masteryScore: x.masteryScore, scaledPassingScore: x.scaledPassingScore, completionThreshold: x.completionThreshold }));

// ---- the module as launching needs it ------------------------------------------------------------

interface LaunchModule extends packages.ModuleFacts {
  /** A new attempt after a completed one (set on the module record; absent = no retakes). */
  scormRetakes?: boolean;
}

async function launchModule(ctx: ScormCtx, moduleId: string): Promise<LaunchModule | undefined> {
  const m = await packages.moduleFacts(ctx.deps.store, moduleId);
  if (!m) return undefined;
  const extra = await get(ctx.deps.store, keys.module(moduleId), { ProjectionExpression: 'scormRetakes' });
  return { ...m, scormRetakes: extra?.scormRetakes === true };
}

const resourceOf = (m: packages.ModuleFacts, learnerId: string): ScormAttemptResource => ({ module: { status: m.status, enrolAudience: m.enrolAudience, kind: m.kind }, learnerId });

// ---- launch ------------------------------------------------------------------------------------------

/**
 * The learner's attempt in progress continues (on its own package version, even when a newer one
 * exists); otherwise a new attempt starts on the latest version — after a completed attempt only
 * when the module allows retakes, after a failed one always. Every launch gets a new token and a
 * new launch number: the newest launch holds the attempt.
 */
export async function launch(ctx: ScormCtx, moduleId: string, input: { scoId?: string }) {
  const p = ctx.principal;
  if (!p) throw new Problem('unauthenticated', text('Meld je aan om de e-learning te starten', 'Sign in to start the e-learning'));
  const m = await launchModule(ctx, moduleId);
  if (!m) throw new Problem('notFound', moduleMissing);
  // A partner's organisation may limit its users to some modules (or be suspended): asked where they start.
  const scope = p.organisationId ? { organisationAllows: await organisationAllows(ctx.deps.store, p.organisationId, { moduleId }) } : {};
  authorize(actorOf(p), 'scormAttempt', 'launch', { ...resourceOf(m, p.id), module: { ...resourceOf(m, p.id).module, ...scope } }, moduleMissing);
  if (m.kind !== 'elearning') throw new Problem('unprocessable', text('Deze module is geen e-learning', 'This module is not an e-learning'));
  const s = ctx.deps.store;
  const contentOrigin = ctx.deps.config.contentOrigin;
  if (!contentOrigin) throw new Error('Invalid configuration: CONTENT_ORIGIN is needed to launch SCORM');

  for (let round = 0; round < 8; round++) {
    const now = nowOf(ctx);
    const at = now.toISOString();
    const learner = await db.getLearner(s, moduleId, p.id);
    const current = learner?.currentAttemptId ? await db.getAttempt(s, moduleId, p.id, learner.currentAttemptId) : undefined;
    let attempt: db.Attempt;
    let launchNo: number;
    let resumed: boolean;
    if (current?.status === 'in-progress') {
      const n = await db.addLaunch(s, current, at);
      if (n === undefined) continue; // it finished meanwhile: decide again
      attempt = current;
      launchNo = n;
      resumed = true;
    } else {
      if (current?.status === 'completed' && !m.scormRetakes) {
        throw new Problem('conflict', text('Je hebt deze e-learning al afgerond. Opnieuw maken is bij deze module niet ingesteld; je resultaat staat in Mijn leren.', 'You have already completed this e-learning. Retakes are not enabled for this module; your result is in My learning.'), { code: 'completed' });
      }
      const pkg = await packages.getPackage(s, moduleId, true);
      if (!pkg) throw new Problem('conflict', text('Deze e-learning heeft nog geen pakket. Probeer het later opnieuw.', 'This e-learning has no package yet. Please try again later.'), { code: 'no-package' });
      const v = await playedVersion(ctx, moduleId, pkg.latestVersion);
      attempt = {
        attemptId: timeId(now.getTime()),
        moduleId,
        userId: p.id,
        learnerName: p.name,
        number: (learner?.attempts ?? 0) + 1,
        packageVersion: pkg.latestVersion,
        scormVersion: v.version.scormVersion,
        status: 'in-progress',
        startedAt: at,
        updatedAt: at,
        launches: 1,
        lastLaunchAt: at,
      };
      if (!(await db.startAttempt(s, attempt, learner?.currentAttemptId))) continue; // another launch started one: continue that
      launchNo = 1;
      resumed = false;
      await joinByScormLaunch({ store: s, principal: p, now: () => at }, p.id, moduleId);
    }
    const v = await playedVersion(ctx, moduleId, attempt.packageVersion);
    if (input.scoId !== undefined && !v.launchables.some((l) => l.itemId === input.scoId)) {
      throw new Problem('validation', text('Dit onderdeel bestaat niet in het pakket', 'This item does not exist in the package'), { errors: [{ path: 'scoId', message: text('Onbekend onderdeel', 'Unknown item') }] });
    }
    const { token, claims } = await signLaunchToken(ctx.deps.config, { attemptId: attempt.attemptId, learnerId: p.id, moduleId, packageVersion: attempt.packageVersion, launch: launchNo, ...(p.organisationId ? { organisationId: p.organisationId } : {}) }, now);
    const fragment = new URLSearchParams({ launch: token, attempt: attempt.attemptId, ...(input.scoId ? { sco: input.scoId } : {}) });
    return {
      attemptId: attempt.attemptId,
      attemptNumber: attempt.number,
      packageVersion: attempt.packageVersion,
      scormVersion: attempt.scormVersion,
      launchUrl: `${contentOrigin.replace(/\/$/, '')}/player/#${fragment.toString()}`,
      expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
      resumed,
    };
  }
  throw new Problem('conflict', text('De e-learning wordt op dit moment al gestart; probeer het opnieuw', 'The e-learning is being started right now; please try again'));
}

// ---- the runtime: launch token only ---------------------------------------------------------------

/** The launch token of a runtime request: `Authorization: Launch <token>`, or (`fromQuery`, the commit endpoint only) `?token=`. */
export function launchTokenOf(authorization: string | undefined, queryToken: string | undefined, fromQuery: boolean): string {
  const m = authorization ? /^Launch\s+(\S+)$/i.exec(authorization) : null;
  if (m?.[1]) return m[1];
  if (fromQuery && queryToken) return queryToken;
  if (authorization && /^Bearer\s/i.test(authorization)) {
    throw new Problem('unauthenticated', text('De speler gebruikt een launch-token (Authorization: Launch …), geen aanmeldtoken van de app', 'The player uses a launch token (Authorization: Launch …), not an app sign-in token'));
  }
  throw new Problem('unauthenticated', text('Launch-token ontbreekt: start de e-learning opnieuw vanuit de academie', 'Launch token missing: start the e-learning again from the academy'));
}

async function claimsOf(ctx: ScormCtx, token: string, attemptId: string): Promise<LaunchClaims> {
  let claims: LaunchClaims;
  try {
    claims = await verifyLaunchToken(ctx.deps.config, token, nowOf(ctx));
  } catch (err) {
    if (err instanceof LaunchTokenError) {
      throw new Problem(
        'unauthenticated',
        err.reason === 'expired'
          ? text('Deze start van de e-learning is verlopen. Open de e-learning opnieuw vanuit de academie; wat je deed is bewaard tot je laatste opslag.', 'This launch of the e-learning has expired. Open the e-learning again from the academy; your work is saved up to the last save.')
          : text('Ongeldig launch-token', 'Invalid launch token'),
        { code: err.reason === 'expired' ? 'launch-expired' : 'launch-invalid' },
      );
    }
    throw err;
  }
  if (claims.attemptId !== attemptId) throw new Problem('forbidden', text('Dit launch-token hoort bij een andere poging', 'This launch token belongs to another attempt'));
  // A partner's organisation suspended or revoked (or the partner removed) since the launch: refused
  // on the next call, as the API refuses their sign-in (functions/src/partners/access.ts).
  if (claims.organisationId) {
    const refusal = await refusalFor(ctx.deps.store, { id: claims.learnerId, name: claims.learnerId, roles: ['partner'], organisationId: claims.organisationId });
    if (refusal) throw new Problem(refusal.kind, refusal.detail, { organisationStatus: refusal.organisationStatus });
  }
  return claims;
}

async function attemptOf(ctx: ScormCtx, claims: LaunchClaims): Promise<db.Attempt> {
  const a = await db.getAttempt(ctx.deps.store, claims.moduleId, claims.learnerId, claims.attemptId);
  if (!a || a.packageVersion !== claims.packageVersion) throw new Problem('notFound', attemptMissing);
  return a;
}

const superseded = () =>
  new Problem('conflict', text('Deze e-learning is intussen in een ander venster of op een ander apparaat geopend; wat je hier nog doet, wordt niet bewaard. Ga daar verder.', 'This e-learning has since been opened in another window or on another device; what you do here is no longer saved. Continue there.'), { code: 'superseded' });
const finished = () => new Problem('conflict', text('Deze poging is afgerond. Start de e-learning opnieuw vanuit de academie.', 'This attempt has finished. Start the e-learning again from the academy.'), { code: 'attempt-finished' });

/** What the player needs before the first SCO initialises: the attempt, its package version, every SCO's state to load, and the stored sequences. */
export async function runtime(ctx: ScormCtx, attemptId: string, token: string) {
  const claims = await claimsOf(ctx, token, attemptId);
  const a = await attemptOf(ctx, claims);
  if (a.status !== 'in-progress') throw finished();
  if (claims.launch < a.launches) throw superseded();
  const v = await playedVersion(ctx, a.moduleId, a.packageVersion);
  const rows = await db.listScos(ctx.deps.store, a.moduleId, a.userId, a.attemptId);
  const byId = new Map(rows.map((r) => [r.scoId, r]));
  const learner = { id: a.userId, name: a.learnerName };
  const state: Record<string, { cmi: Record<string, unknown>; entry: 'ab-initio' | 'resume' | '' }> = {};
  for (const l of v.launchables) {
    const row = byId.get(l.itemId);
    // A SCO never committed in this attempt starts ab-initio: the player sets what it needs.
    if (!row) continue;
    state[l.itemId] = { cmi: loadJsonOf(a.scormVersion, row.state, learner, { masteryScore: l.masteryScore, scaledPassingScore: l.scaledPassingScore, completionThreshold: l.completionThreshold, maxTimeAllowed: l.maxTimeAllowed, timeLimitAction: l.timeLimitAction, dataFromLms: l.dataFromLms }), entry: entryOf(row.state) };
  }
  // Where the learner was: the SCO they suspended most recently, else the first.
  const suspended = rows.filter((r) => r.state.exit === 'suspend' && v.launchables.some((l) => l.itemId === r.scoId)).sort((x, y) => y.updatedAt.localeCompare(x.updatedAt))[0];
  const storedSequences = Object.fromEntries(rows.map((r) => [r.scoId, r.sequence]));
  return {
    attempt: {
      id: a.attemptId,
      attemptId: a.attemptId,
      number: a.number,
      moduleId: a.moduleId,
      packageVersion: a.packageVersion,
      scormVersion: a.scormVersion,
      status: a.status,
      startedAt: a.startedAt,
      launch: claims.launch,
      learnerId: a.userId,
      learnerName: a.learnerName,
    },
    package: {
      baseUrl: `/${v.version.prefix}`,
      title: v.version.title,
      launchables: v.launchables as unknown as Array<Record<string, unknown>>,
      ...(a.scormVersion === '2004' && v.version.sequencing ? { sequencing: v.version.sequencing } : {}),
      defaultScoId: suspended?.scoId ?? v.launchables[0]!.itemId,
    },
    learner,
    state,
    storedSequence: Math.max(0, ...rows.map((r) => r.sequence)),
    storedSequences,
    ...(a.rollup ? { rollup: a.rollup } : {}),
    expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
  };
}

export interface CommitInput {
  body: Record<string, unknown>;
  commitSequence: number;
  /** The player's name for this SCO session (query `session` or body `session`); default: the launch. */
  session?: string;
  /** A terminate commit (`?terminate=true`, scorm-again's `terminateCommitParam`, or body `terminate: true`). */
  terminate?: boolean;
}

/**
 * One commit of one SCO. Applied with a conditional write on the SCO's stored sequence, so a late,
 * repeated or replayed commit (sequence ≤ stored) changes nothing and is answered like a success
 * (`applied: false`): the player has nothing to resend. Then the attempt's outcome: completing it
 * records the module's completion in learning (with score and time); failing it ends the attempt
 * when the SCO terminates without suspending.
 */
export async function commit(ctx: ScormCtx, attemptId: string, scoId: string, token: string, input: CommitInput) {
  const claims = await claimsOf(ctx, token, attemptId);
  let a = await attemptOf(ctx, claims);
  if (claims.launch < a.launches) throw superseded();
  // The launch that finished the attempt may still send its last commits (exit, session time).
  if (a.status !== 'in-progress' && a.finishedInLaunch !== claims.launch) throw finished();
  const v = await playedVersion(ctx, a.moduleId, a.packageVersion);
  if (!v.launchables.some((l) => l.itemId === scoId)) throw new Problem('notFound', text('Dit onderdeel bestaat niet in het pakket', 'This item does not exist in the package'));

  const cmi = cmiOf(input.body);
  if (!cmi) throw new Problem('validation', text('De commit bevat geen cmi-gegevens', 'The commit holds no cmi data'), { errors: [{ path: 'cmi', message: text('Verplicht', 'Required') }] });
  const read = readCmi(a.scormVersion, cmi);
  if (!read.ok) {
    throw new Problem('unprocessable', read.limits[0]!.message, { errors: read.limits.map((l) => ({ path: l.path, message: l.message })), code: 'cmi-limit', result: false, errorCode: 101 });
  }

  const s = ctx.deps.store;
  const now = nowOf(ctx);
  const nowS = now.getTime() / 1000;
  const slack = 60;
  const session = `${claims.launch}:${input.session ?? 'launch'}`;
  let stored: db.ScoRow | undefined;
  let applied = false;
  for (let round = 0; round < 10; round++) {
    const row = await db.getSco(s, a.moduleId, a.userId, a.attemptId, scoId);
    if (row && row.sequence >= input.commitSequence) {
      stored = row;
      break;
    }
    const merged = mergeSco(row?.state, read.report, {
      version: a.scormVersion,
      session,
      sessionCap: nowS - claims.issuedAt + slack,
      totalCap: nowS - Date.parse(a.startedAt) / 1000 + slack,
    });
    const next: db.ScoRow = { attemptId: a.attemptId, scoId, sequence: input.commitSequence, state: merged, updatedAt: now.toISOString() };
    if (await db.writeSco(s, a.moduleId, a.userId, next, row?.sequence, row?.stateKey)) {
      stored = next;
      applied = true;
      break;
    }
  }
  if (!stored) throw new Problem('conflict', text('Er kwamen tegelijk andere opslagen binnen; probeer het opnieuw', 'Other saves arrived at the same moment; please try again'));

  // The attempt's outcome, also for a repeated commit (a previous try may have stopped halfway).
  const rollup = rollupOf(a.scormVersion, input.body);
  const states: Record<string, ScoState> =
    v.launchables.length === 1 ? { [scoId]: stored.state } : Object.fromEntries((await db.listScos(s, a.moduleId, a.userId, a.attemptId)).map((r) => [r.scoId, r.state]));
  // SCORM 2004 with several items: the manifest's rollup decides (domain/rollup.ts), not the player.
  const pkg = a.scormVersion === '2004' ? { manifest: v.version.manifest as PackageManifest } : undefined;
  const outcome = outcomeOf(a.scormVersion, states, outcomeItems(v.launchables), rollup ?? a.rollup, pkg);
  a = await settle(ctx, a, claims, outcome, rollup, { terminate: input.terminate === true || isTerminateCommit(a.scormVersion, cmi), exit: stored.state.exit });
  return {
    result: true as const,
    errorCode: 0 as const,
    storedSequence: stored.sequence,
    applied,
    ignored: applied ? read.ignored : [],
    attempt: { status: a.status, ...(a.outcome ? { outcome: a.outcome } : {}) },
  };
}

/** scorm-again puts `total_time` in a commit only on Terminate/LMSFinish (unless told `alwaysSendTotalTime`). */
function isTerminateCommit(version: ScormVersion, cmi: Record<string, unknown>) {
  const core = cmi.core as Record<string, unknown> | undefined;
  return version === '1.2' ? typeof core?.total_time === 'string' && core.total_time !== '' : typeof cmi.total_time === 'string' && cmi.total_time !== '';
}

/** SCORM 2004, `renderCommonCommitFields`: scorm-again reports the activity tree's root there when sequencing runs. */
function rollupOf(version: ScormVersion, body: Record<string, unknown>): Rollup | undefined {
  if (version !== '2004' || typeof body.runtimeData !== 'object' || body.runtimeData === null) return undefined;
  const completionStatus = typeof body.completionStatus === 'string' ? body.completionStatus : undefined;
  const successStatus = typeof body.successStatus === 'string' ? body.successStatus : undefined;
  const scaled = typeof (body.score as { scaled?: unknown } | undefined)?.scaled === 'number' ? ((body.score as { scaled: number }).scaled) : undefined;
  if (completionStatus === undefined && successStatus === undefined) return undefined;
  return { ...(completionStatus ? { completionStatus } : {}), ...(successStatus ? { successStatus } : {}), ...(scaled !== undefined ? { scaled } : {}) };
}

/**
 * What the outcome does to the attempt: done → completed, and the module's completion recorded in
 * learning (first, so a failure there is retried by the player's next try of the same commit);
 * failed and terminated without suspend → failed (a new attempt may start). A finished attempt's
 * outcome follows its last commits; its status stays.
 */
async function settle(ctx: ScormCtx, a: db.Attempt, claims: LaunchClaims, outcome: AttemptOutcome, rollup: Rollup | undefined, o: { terminate: boolean; exit: string }): Promise<db.Attempt> {
  const s = ctx.deps.store;
  const at = nowOf(ctx).toISOString();
  if (a.status === 'completed' || (a.status === 'in-progress' && outcome.done)) {
    if (!a.completionRecordedAt) {
      const learning = { store: s, principal: null, now: () => at };
      await recordScormCompletion(learning, a.userId, a.moduleId, {
        attemptId: a.attemptId,
        success: outcome.success,
        ...(outcome.score ? { score: outcome.score } : {}),
        ...(outcome.percent !== undefined ? { percent: outcome.percent } : {}),
        timeSeconds: outcome.timeSeconds,
      });
    }
    if (a.status === 'in-progress') {
      if (await db.finishAttempt(s, a, 'completed', outcome, claims.launch, at)) a = { ...a, status: 'completed', outcome, finishedAt: at, finishedInLaunch: claims.launch };
      else a = (await db.getAttempt(s, a.moduleId, a.userId, a.attemptId)) ?? a;
    } else {
      await db.updateFinishedOutcome(s, a, keepDone(a.outcome, outcome), at);
      a = { ...a, outcome: keepDone(a.outcome, outcome) };
    }
    if (!a.completionRecordedAt && a.status === 'completed') {
      await db.markCompletionRecorded(s, a, at);
      a = { ...a, completionRecordedAt: at };
    }
    return a;
  }
  if (a.status === 'in-progress' && outcome.failed && o.terminate && o.exit !== 'suspend') {
    if (await db.finishAttempt(s, a, 'failed', outcome, claims.launch, at)) return { ...a, status: 'failed', outcome, finishedAt: at, finishedInLaunch: claims.launch };
    return (await db.getAttempt(s, a.moduleId, a.userId, a.attemptId)) ?? a;
  }
  if (a.status === 'in-progress') {
    await db.saveOutcome(s, a, outcome, rollup, at);
    return { ...a, outcome, ...(rollup ? { rollup } : {}) };
  }
  await db.updateFinishedOutcome(s, a, outcome, at);
  return { ...a, outcome };
}

/** A completed attempt stays completed in its outcome, whatever its last commits say. */
const keepDone = (prev: AttemptOutcome | undefined, next: AttemptOutcome): AttemptOutcome => (prev?.done ? { ...next, done: true, failed: false, completion: 'completed', success: prev.success === 'passed' ? 'passed' : next.success } : next);

// ---- the learner's history ---------------------------------------------------------------------------

/** The learner's attempts at a module, newest first; results are self-reported by the package. */
export async function myAttempts(ctx: ScormCtx, moduleId: string) {
  const p = ctx.principal;
  if (!p) throw new Problem('unauthenticated', text('Meld je aan om je pogingen te zien', 'Sign in to see your attempts'));
  const m = await launchModule(ctx, moduleId);
  if (!m) throw new Problem('notFound', moduleMissing);
  authorize(actorOf(p), 'scormAttempt', 'read', resourceOf(m, p.id), moduleMissing);
  const attempts = await db.listAttempts(ctx.deps.store, moduleId, p.id);
  return {
    moduleId,
    retakes: m.scormRetakes === true,
    attempts: attempts.map((a) => ({
      attemptId: a.attemptId,
      number: a.number,
      moduleId: a.moduleId,
      packageVersion: a.packageVersion,
      scormVersion: a.scormVersion,
      status: a.status,
      startedAt: a.startedAt,
      updatedAt: a.updatedAt,
      ...(a.finishedAt ? { finishedAt: a.finishedAt } : {}),
      ...(a.outcome ? { outcome: a.outcome } : {}),
      selfReported: true as const,
    })),
  };
}
