/**
 * The module report for authors and the academy: who started, completed and passed, scores and
 * time, attempts per week, and per question the share correct and the most common wrong answers
 * (pure figures in ../domain/report.ts); and the same attempts as CSV. All self-reported.
 */
import { Problem } from '../../platform/http/problem';
import { currentLanguage, text } from '../../platform/http/language';
import { actorOf, authorize } from '../../policy';
import { nowOf, type ScormCtx } from '../context';
import { reportCsv, reportFigures, type ReportSco } from '../domain/report';
import * as packages from '../store';
import * as db from './store';

const moduleMissing = text('Deze module bestaat niet', 'This module does not exist');

/** Learners whose SCO states are read at the same time. */
const parallelLearners = 16;

async function authorizedModule(ctx: ScormCtx, moduleId: string) {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om het rapport te zien', 'Sign in to see the report'));
  const m = await packages.moduleFacts(ctx.deps.store, moduleId);
  if (!m) throw new Problem('notFound', moduleMissing);
  authorize(actorOf(ctx.principal), 'scormPackage', 'read-report', { module: { status: m.status, enrolAudience: m.enrolAudience, kind: m.kind } }, moduleMissing);
  return m;
}

export async function moduleReport(ctx: ScormCtx, moduleId: string) {
  const m = await authorizedModule(ctx, moduleId);
  const s = ctx.deps.store;
  const [attempts, pkg] = await Promise.all([db.attemptsOfModule(s, moduleId), packages.getPackage(s, moduleId)]);
  const learners = [...new Set(attempts.map((a) => a.userId))];
  const scos: ReportSco[] = [];
  for (let i = 0; i < learners.length; i += parallelLearners) {
    const batch = await Promise.all(learners.slice(i, i + parallelLearners).map((u) => db.scosOfLearner(s, moduleId, u)));
    scos.push(...batch.flat());
  }
  // Only SCO rows of attempts the index listed (an attempt written a moment ago may not be there yet).
  const known = new Set(attempts.map((a) => a.attemptId));
  const now = nowOf(ctx);
  return {
    moduleId,
    title: m.title,
    selfReported: true as const,
    generatedAt: now.toISOString(),
    latestVersion: pkg?.latestVersion ?? null,
    ...reportFigures(attempts, scos.filter((x) => known.has(x.attemptId)), now),
  };
}

/** One row per learner attempt, in the request's language. */
export async function moduleReportCsv(ctx: ScormCtx, moduleId: string) {
  await authorizedModule(ctx, moduleId);
  return reportCsv(await db.attemptsOfModule(ctx.deps.store, moduleId), currentLanguage());
}
