/**
 * Assignments: a learner hands in text and/or files; trainers see the queue of waiting hand-ins
 * (oldest first) and approve (which completes the module) or return them with feedback.
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { authorize } from '../../policy';
import * as db from './store';
import { getLearnerModule, getModule } from '../shared/store';
import * as learnerFiles from '../files/service';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { actor, visibleModule } from '../shared/access';
import { factsOf, recordCompletion } from '../completion/service';

export async function submitAssignment(ctx: LearningCtx, moduleId: string, handedIn: string, fileIds: string[] = []) {
  const p = signedIn(ctx);
  const m = visibleModule(ctx, await getModule(ctx.store, moduleId), 'join');
  if (m.kind !== 'assignment') throw new Problem('unprocessable', text('Alleen een opdracht lever je in', 'Only an assignment is handed in'));
  const files = await learnerFiles.resolveFiles(ctx, p.id, moduleId, fileIds);
  const submission = { text: handedIn, ...(files.length > 0 ? { files } : {}), status: 'submitted' as const, submittedAt: nowOf(ctx) };
  // Saved together with a check that every named file still exists: a file deleted at the same moment is never handed in.
  const saved = await db.saveSubmission(ctx.store, { id: p.id, name: p.name }, { moduleId, title: m.title, kind: m.kind }, submission);
  if (saved === 'approved') throw new Problem('conflict', text('Deze opdracht is al goedgekeurd', 'This assignment has already been approved'));
  if (saved === 'file-gone') throw new Problem('conflict', text('Een van de bestanden is intussen verwijderd; kies je bestanden opnieuw', 'One of the files has been deleted in the meantime; choose your files again'));
  return submission;
}

export async function pendingSubmissions(ctx: LearningCtx) {
  signedIn(ctx);
  authorize(actor(ctx), 'academy', 'review-assignments', {});
  const waiting = await db.waitingSubmissions(ctx.store);
  return waiting
    .flatMap((w) => (w.submission?.status === 'submitted' ? [{ moduleId: w.moduleId, title: w.title, learnerId: w.learnerId, learnerName: w.learnerName, submission: { ...w.submission, status: 'submitted' as const } }] : []))
    .sort((a, b) => a.submission.submittedAt.localeCompare(b.submission.submittedAt));
}

export async function reviewAssignment(ctx: LearningCtx, moduleId: string, userId: string, decision: 'approved' | 'returned', feedback: string, seenSubmittedAt: string) {
  const p = signedIn(ctx);
  // Nobody approves their own work; someone else's hand-in is, for anyone but trainers and the academy, not there.
  authorize(actor(ctx), 'learnerWork', 'review', { learnerId: userId, moduleKind: 'assignment' });
  // The decision is about the version the trainer read: a newer hand-in is a conflict, never approved unseen.
  if (!(await db.reviewSubmission(ctx.store, userId, moduleId, decision, feedback, { id: p.id, name: p.name }, seenSubmittedAt))) {
    const current = (await getLearnerModule(ctx.store, userId, moduleId))?.submission;
    if (current?.status === 'submitted' && current.submittedAt !== seenSubmittedAt) {
      throw new Problem('versionConflict', text('De deelnemer heeft intussen een nieuwe versie ingeleverd; laad de opdracht opnieuw', 'The learner has handed in a new version in the meantime; reload the assignment'), { submittedAt: current.submittedAt });
    }
    throw new Problem('conflict', text('Er is geen ingeleverde opdracht om te beoordelen', 'There is no handed-in assignment to review'));
  }
  if (decision === 'approved') {
    const m = await getModule(ctx.store, moduleId);
    await recordCompletion(ctx, userId, m ? factsOf(m) : { moduleId, title: moduleId, kind: 'assignment' }, 'assignment-approved');
  }
  return { decision };
}
