import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { queryAll, transact, update } from '../../platform/store/table';
import { fileChecks } from '../files/store';
import type { LearnerModule } from '../shared/store';

/** Hand-ins on the learner's module record, and the review queue (a sparse index of waiting hand-ins). */

/**
 * Saves a hand-in (re-submitting is allowed until approved; an approved assignment stays approved),
 * in one transaction with a check that each file it names still exists. Says why it was refused.
 */
export async function saveSubmission(store: StoreClients, learner: { id: string; name: string }, m: { moduleId: string; title: string; kind: string }, submission: NonNullable<LearnerModule['submission']>): Promise<'saved' | 'approved' | 'file-gone'> {
  const userId = learner.id;
  const waiting = keys.submissionWaiting(m.moduleId, submission.submittedAt, userId);
  try {
    await retryOnContention(() => transact(store, [
      {
        Update: {
          Key: keys.learnerModule(userId, m.moduleId),
          UpdateExpression: 'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, submission = :s, GSI2PK = :g2, GSI2SK = :g2s, learnerId = :u, learnerName = :n',
          ConditionExpression: 'attribute_not_exists(submission) OR submission.#st <> :approved',
          ExpressionAttributeNames: { '#type': 'type', '#st': 'status', '#title': 'title', '#kind': 'kind' },
          ExpressionAttributeValues: {
            ':t': 'learner-module',
            ':m': m.moduleId,
            ':title': m.title,
            ':kind': m.kind,
            ':s': submission,
            ':approved': 'approved',
            ':u': userId,
            ':n': learner.name,
            ':g2': waiting.GSI2PK,
            ':g2s': waiting.GSI2SK,
          },
        },
      },
      ...fileChecks(userId, m.moduleId, submission.files ?? []),
    ]));
    return 'saved';
  } catch (err) {
    if (conditionFailed(err, 0)) return 'approved';
    if (conditionFailed(err)) return 'file-gone';
    throw err;
  }
}

export async function waitingSubmissions(store: StoreClients) {
  const items = await queryAll(store, { IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :pk', ExpressionAttributeValues: { ':pk': 'SUBMISSIONS#WAITING' } });
  return items.map((i) => ({ ...fromItem<LearnerModule>(i)!, learnerId: i.learnerId as string, learnerName: (i.learnerName as string | undefined) ?? (i.learnerId as string) }));
}

export async function reviewSubmission(store: StoreClients, userId: string, moduleId: string, decision: 'approved' | 'returned', feedback: string, by: { id: string; name: string }, seenSubmittedAt: string) {
  return conditional(() =>
    update(store, keys.learnerModule(userId, moduleId), {
      UpdateExpression: 'SET submission.#st = :d, submission.feedback = :f, submission.reviewedBy = :by REMOVE GSI2PK, GSI2SK',
      ConditionExpression: 'submission.#st = :submitted AND submission.submittedAt = :seen',
      ExpressionAttributeNames: { '#st': 'status' },
      ExpressionAttributeValues: { ':d': decision, ':f': feedback, ':by': by, ':submitted': 'submitted', ':seen': seenSubmittedAt },
    }),
  );
}

