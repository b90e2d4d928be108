/**
 * Evaluations (PDSA): a learner evaluates a module or path once, after completing it; academy
 * staff and trainers see the aggregated results.
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { authorize } from '../../policy';
import * as db from './store';
import { getLearnerModule, getLearnerPath } from '../shared/store';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { actor } from '../shared/access';
import { aggregateEvaluations } from '../domain/evaluation';

export async function evaluate(ctx: LearningCtx, input: { targetType: 'module' | 'path'; targetId: string; rating: number; answers: Record<string, string | undefined> }) {
  const p = signedIn(ctx);
  // Only after completing: an evaluation is about something the learner actually did.
  if (input.targetType === 'module') {
    const m = await getLearnerModule(ctx.store, p.id, input.targetId);
    if (!m?.completedAt) throw new Problem('conflict', text('Je kunt een module evalueren nadat je hem hebt afgerond', 'You can evaluate a module after you have completed it'));
  } else {
    const lp = await getLearnerPath(ctx.store, p.id, input.targetId);
    if (!lp?.completedAt) throw new Problem('conflict', text('Je kunt een leerpad evalueren nadat je het hebt afgerond', 'You can evaluate a learning path after you have completed it'));
  }
  const e = { ...input, createdAt: nowOf(ctx) };
  if (!(await db.putEvaluation(ctx.store, p.id, e))) throw new Problem('conflict', text('Je hebt dit onderdeel al geëvalueerd', 'You have already evaluated this'));
  return e;
}

export async function evaluationResults(ctx: LearningCtx, targetType: 'module' | 'path', targetId: string) {
  signedIn(ctx);
  authorize(actor(ctx), 'academy', 'read-evaluations', {});
  const evals = await db.evaluationsOf(ctx.store, targetType, targetId);
  return aggregateEvaluations(evals as never);
}
