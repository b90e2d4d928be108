import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { conditional, conditionFailed, fromItem, retryOnContention } from '../../platform/store/items';
import { get, put, queryAll, transact, update } from '../../platform/store/table';
import { counterParts } from '../../platform/store/activity-counters';
import type { PathStep } from '../domain/types';
import type { LearnerPath } from '../shared/store';

/**
 * Paths: the pointer to the latest version, publishing a version (pointer and immutable version
 * together), and a learner's enrolment in a path. Reading a published version is in ../shared/store.ts.
 */

export interface PathMeta {
  id: string;
  title: string;
  description: string;
  latestVersion: number;
  status: 'draft' | 'published' | 'archived';
  rev: number;
  createdAt: string;
  updatedAt: string;
}

export async function getPathMeta(store: StoreClients, id: string) {
  return fromItem<PathMeta>(await get(store, keys.path(id)));
}

export async function listPublishedPaths(store: StoreClients) {
  const items = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'PATHS#published' } });
  return items.map((i) => fromItem<PathMeta>(i)!);
}

/** Publishing a path version: the immutable version item and the pointer move together. */
export async function publishPathVersion(store: StoreClients, meta: PathMeta, version: { title: string; description: string; steps: PathStep[]; minOptional: number }, now: string): Promise<number | null> {
  const next = meta.latestVersion + 1;
  try {
    await retryOnContention(() => transact(store, [
      {
        Put: {
          Item: { ...keys.pathVersion(meta.id, next), type: 'path-version', id: meta.id, version: next, status: 'published', ...version, publishedAt: now },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          Item: {
            ...keys.path(meta.id),
            ...keys.pathByStatus('published', version.title, meta.id),
            type: 'path',
            ...meta,
            title: version.title,
            description: version.description,
            latestVersion: next,
            status: 'published',
            rev: meta.rev + 1,
            updatedAt: now,
          },
          ConditionExpression: meta.rev === 0 ? 'attribute_not_exists(PK)' : 'rev = :rev',
          ExpressionAttributeValues: meta.rev === 0 ? undefined : { ':rev': meta.rev },
        },
      },
    ]));
    return next;
  } catch (err) {
    if (conditionFailed(err)) return null;
    throw err;
  }
}

/** Enrols once, counted with it in the same transaction (the academy reports); false when already enrolled. */
export async function enrolInPath(store: StoreClients, userId: string, p: LearnerPath): Promise<boolean> {
  return conditional(() =>
    transact(store, [
      { Put: { Item: { ...keys.learnerPath(userId, p.pathId), type: 'learner-path', ...p }, ConditionExpression: 'attribute_not_exists(PK)' } },
      ...counterParts([{ at: p.enrolledAt, targetType: 'path', targetId: p.pathId, enrolments: 1 }]),
    ]),
  );
}

export async function migratePath(store: StoreClients, userId: string, pathId: string, from: number, to: number): Promise<boolean> {
  return conditional(() =>
    update(store, keys.learnerPath(userId, pathId), {
      UpdateExpression: 'SET #v = :to',
      ConditionExpression: '#v = :from',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':to': to, ':from': from },
    }),
  );
}

