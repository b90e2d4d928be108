import type { StoreClients } from '../../platform/store/clients';
import type { LearnerFileRef } from '../files/store';
import { keys } from '../../platform/store/keys';
import { conditional, fromItem } from '../../platform/store/items';
import { transact, update } from '../../platform/store/table';
import type { LearnerModule, LearningEvent } from '../shared/store';

/** Writes to the learner's record that mark progress: joining a module, completing it, completing a path. */

export async function enrolInModule(store: StoreClients, userId: string, m: { moduleId: string; title: string; kind: string }, at: string) {
  await update(store, keys.learnerModule(userId, m.moduleId), {
    UpdateExpression: 'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, enrolledAt = if_not_exists(enrolledAt, :at)',
    ExpressionAttributeNames: { '#type': 'type', '#title': 'title', '#kind': 'kind' },
    ExpressionAttributeValues: { ':t': 'learner-module', ':m': m.moduleId, ':title': m.title, ':kind': m.kind, ':at': at },
  });
}

/** Records a module as completed once; a later completion never moves the first date. */
export async function completeModule(store: StoreClients, userId: string, m: { moduleId: string; title: string; kind: string }, at: string, source: string, evidence?: string, evidenceFiles: LearnerFileRef[] = []) {
  const files = evidenceFiles.length > 0;
  const res = await update(store, keys.learnerModule(userId, m.moduleId), {
    UpdateExpression:
      'SET #type = :t, moduleId = :m, #title = :title, #kind = :kind, completedAt = if_not_exists(completedAt, :at), #source = if_not_exists(#source, :src)' +
      (evidence ? ', evidence = :ev' : '') +
      (files ? ', evidenceFiles = :files' : ''),
    ExpressionAttributeNames: { '#type': 'type', '#source': 'source', '#title': 'title', '#kind': 'kind' },
    ExpressionAttributeValues: { ':t': 'learner-module', ':m': m.moduleId, ':title': m.title, ':kind': m.kind, ':at': at, ':src': source, ...(evidence ? { ':ev': evidence } : {}), ...(files ? { ':files': evidenceFiles } : {}) },
    ReturnValues: 'ALL_NEW',
  });
  return fromItem<LearnerModule>(res.Attributes)!;
}


export async function markPathCompleted(store: StoreClients, userId: string, pathId: string, completedAt: string, event: LearningEvent): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      {
        Update: {
          Key: keys.learnerPath(userId, pathId),
          UpdateExpression: 'SET completedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(completedAt)',
          ExpressionAttributeValues: { ':at': completedAt },
        },
      },
      { Put: { Item: { ...keys.learnerEvent(userId, `${completedAt}#path#${pathId}`), type: 'learning-event', ...event } } },
    ]),
  );
}

