import type { StoreClients } from '../platform/store/clients';
import { keys } from '../platform/store/keys';
import { conditional, conditionFailed, fromItem } from '../platform/store/items';
import { get, put, queryAll, transact, update } from '../platform/store/table';
import type { ImportFailure } from './domain/import-rules';

/**
 * The SCORM records, all beside their module (`PK=MODULE#{id}`, see functions/docs/data-model.md):
 *
 * - `SK=SCORM#IMPORT#{importId}`: one import of an uploaded zip and its live status;
 * - `SK=SCORM#V#{000001}`: one launchable package version (written only when every file is stored);
 * - `SK=SCORM`: the package: the version counter, which is also the latest launchable version.
 */

export type ImportStatus = 'queued' | 'checking' | 'extracting' | 'ready' | 'failed';
export const importStages = ['queued', 'checking', 'extracting', 'ready'] as const;

export interface Person {
  id: string;
  name: string;
}

export interface PendingScormUpload {
  uploadId: string;
  purpose: 'scorm';
  moduleId: string;
  fileName: string;
  declaredBytes: number;
  createdBy: string;
  createdAt: string;
  /** TTL: an upload never completed disappears (the uploads bucket expires its object too). */
  expiresAt: number;
}

export interface ScormImport {
  importId: string;
  moduleId: string;
  status: ImportStatus;
  fileName: string;
  /** Size of the uploaded zip. */
  bytes: number;
  /** The queued zip in the uploads bucket (locations.ts `queuedPackageKey`). */
  uploadKey: string;
  createdBy: Person;
  createdAt: string;
  updatedAt: string;
  /** When each stage began (`failed` when it failed). */
  stages: Partial<Record<ImportStatus, string>>;
  /** Runs of the job that claimed this import (a run after a crash or an infrastructure error claims it again). */
  attempts: number;
  /** The run that holds the import, and until when (epoch seconds): a run that died lets go by itself. */
  claim?: string;
  leaseUntil?: number;
  /** Set when ready. */
  version?: number;
  /** Set when failed: why, for the author. */
  error?: ImportFailure;
}

export interface ScormVersion {
  moduleId: string;
  version: number;
  importId: string;
  /** Where its files are in the content bucket (`packages/{moduleId}/{importId}/`). */
  prefix: string;
  scormVersion: '1.2' | '2004';
  /** For 2004: the edition ('2nd', '3rd', '4th') as far as the manifest tells. */
  edition?: string;
  /** Plain text from the manifest (the default organization's title, else the manifest's). */
  title: string;
  description?: string;
  /** The first launchable item's href, relative to the prefix (with its parameters). */
  launch: string;
  /** Launchable resources of type `sco` (they talk to the runtime API). */
  scoCount: number;
  /** Items of the default organization that launch something (SCOs and assets): the table of contents' entries. */
  launchableCount: number;
  fileCount: number;
  /** Unpacked size of the stored files. */
  bytes: number;
  /** The parsed manifest model (functions/src/scorm/domain/manifest.ts). */
  manifest: unknown;
  /** scorm-again's sequencing settings built from the manifest (2004; for 1.2 what applies). */
  sequencing: unknown;
  importedAt: string;
  importedBy: Person;
}

export interface ScormPackage {
  moduleId: string;
  /** The newest version; every written version is launchable. */
  latestVersion: number;
  updatedAt: string;
}

// ---- the module, as far as SCORM needs it -----------------------------------------------------------

export interface ModuleFacts {
  id: string;
  title: string;
  kind: string;
  status: 'draft' | 'published' | 'archived';
  enrolAudience: 'employees' | 'partners' | 'public';
}

/**
 * The module's kind, state and audience, for the policy and the "e-learning only" rule. Read from
 * the module's record, which the learning feature writes; only these fields are used.
 */
export async function moduleFacts(store: StoreClients, moduleId: string): Promise<ModuleFacts | undefined> {
  const item = await get(store, keys.module(moduleId), { ProjectionExpression: 'id, title, kind, #s, enrolAudience', ExpressionAttributeNames: { '#s': 'status' } });
  return item ? fromItem<ModuleFacts>(item) : undefined;
}

// ---- uploads ------------------------------------------------------------------------------------------

export async function putPendingUpload(store: StoreClients, u: PendingScormUpload) {
  await put(store, { ...keys.upload(u.uploadId), type: 'upload', ...u }, { ConditionExpression: 'attribute_not_exists(PK)' });
}

export async function getPendingUpload(store: StoreClients, uploadId: string): Promise<PendingScormUpload | undefined> {
  const u = fromItem<PendingScormUpload & { purpose?: string }>(await get(store, keys.upload(uploadId)));
  return u?.purpose === 'scorm' ? u : undefined;
}

// ---- imports ------------------------------------------------------------------------------------------

export async function createImport(store: StoreClients, i: ScormImport) {
  await put(store, { ...keys.scormImport(i.moduleId, i.importId), type: 'scorm-import', ...i }, { ConditionExpression: 'attribute_not_exists(PK)' });
}

export async function getImport(store: StoreClients, moduleId: string, importId: string, consistent = false) {
  return fromItem<ScormImport>(await get(store, keys.scormImport(moduleId, importId), { ConsistentRead: consistent }));
}

/**
 * Takes an import for one run of the job: a queued one, or one whose previous run let its lease
 * lapse (it crashed or timed out). Returns the import as claimed; undefined when another run holds
 * it or it is already over (S3 may deliver one event twice).
 */
export async function claimImport(store: StoreClients, moduleId: string, importId: string, claim: string, leaseSeconds: number, now: Date): Promise<ScormImport | undefined> {
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const res = await update(store, keys.scormImport(moduleId, importId), {
      UpdateExpression: 'SET #s = :checking, claim = :claim, leaseUntil = :until, updatedAt = :at, stages.checking = :at, attempts = if_not_exists(attempts, :zero) + :one REMOVE #e',
      ConditionExpression: 'attribute_exists(PK) AND (#s = :queued OR (#s IN (:checking, :extracting) AND leaseUntil < :now))',
      ExpressionAttributeNames: { '#s': 'status', '#e': 'error' },
      ExpressionAttributeValues: { ':checking': 'checking', ':extracting': 'extracting', ':queued': 'queued', ':claim': claim, ':until': epoch + leaseSeconds, ':now': epoch, ':at': now.toISOString(), ':zero': 0, ':one': 1 },
      ReturnValues: 'ALL_NEW',
    });
    return fromItem<ScormImport>(res.Attributes);
  } catch (err) {
    if (conditionFailed(err)) return undefined;
    throw err;
  }
}

/** Moves a claimed import to its next stage; false when the claim was lost. */
export function advanceImport(store: StoreClients, moduleId: string, importId: string, claim: string, status: 'extracting', now: Date) {
  return conditional(() =>
    update(store, keys.scormImport(moduleId, importId), {
      UpdateExpression: `SET #s = :s, updatedAt = :at, stages.${status} = :at`,
      ConditionExpression: 'claim = :claim',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status, ':at': now.toISOString(), ':claim': claim },
    }),
  );
}

/** The import failed for good; its message is for the author. Only the run holding the claim (or, without one, anybody) writes this. */
export function failImport(store: StoreClients, moduleId: string, importId: string, claim: string | undefined, error: ImportFailure, now: Date) {
  return conditional(() =>
    update(store, keys.scormImport(moduleId, importId), {
      UpdateExpression: 'SET #s = :failed, #e = :e, updatedAt = :at, stages.failed = :at REMOVE claim, leaseUntil',
      ConditionExpression: claim ? 'claim = :claim' : 'attribute_exists(PK) AND #s <> :ready',
      ExpressionAttributeNames: { '#s': 'status', '#e': 'error' },
      ExpressionAttributeValues: { ':failed': 'failed', ':e': error, ':at': now.toISOString(), ...(claim ? { ':claim': claim } : { ':ready': 'ready' }) },
    }),
  );
}

/** Gives a claimed import back to the queue (an infrastructure error: the job is tried again). */
export function requeueImport(store: StoreClients, moduleId: string, importId: string, claim: string, now: Date) {
  return conditional(() =>
    update(store, keys.scormImport(moduleId, importId), {
      UpdateExpression: 'SET #s = :queued, updatedAt = :at REMOVE claim, leaseUntil',
      ConditionExpression: 'claim = :claim',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':queued': 'queued', ':at': now.toISOString(), ':claim': claim },
    }),
  );
}

// ---- versions -----------------------------------------------------------------------------------------

export async function getPackage(store: StoreClients, moduleId: string, consistent = false) {
  return fromItem<ScormPackage>(await get(store, keys.scormPackage(moduleId), { ConsistentRead: consistent }));
}

export async function getVersion(store: StoreClients, moduleId: string, version: number) {
  return fromItem<ScormVersion>(await get(store, keys.scormVersion(moduleId, version)));
}

export type VersionSummary = Omit<ScormVersion, 'manifest' | 'sequencing'>;

/** Every version of a module's package, newest first, without the (large) manifest model. */
export async function listVersions(store: StoreClients, moduleId: string): Promise<VersionSummary[]> {
  const fields = ['moduleId', 'version', 'importId', 'prefix', 'scormVersion', 'edition', 'title', 'description', 'launch', 'scoCount', 'launchableCount', 'fileCount', 'bytes', 'importedAt', 'importedBy'];
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
    ExpressionAttributeValues: { ':pk': keys.scormPackage(moduleId).PK, ':v': keys.scormVersionPrefix },
    ProjectionExpression: fields.map((_, i) => `#f${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(fields.map((f, i) => [`#f${i}`, f])),
    ScanIndexForward: false,
  });
  return items.map((i) => fromItem<VersionSummary>(i));
}

/**
 * Makes an import a launchable version, all or nothing: the next version number from the
 * package's counter (conditional on the number read, so two imports finishing together get
 * 1 and 2), the version record (never overwritten), and the import marked ready (only by the run
 * holding its claim). Returns the version number; undefined when the claim was lost.
 */
export async function publishVersion(store: StoreClients, v: Omit<ScormVersion, 'version'>, claim: string, now: Date): Promise<number | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = await getPackage(store, v.moduleId, true);
    const version = (current?.latestVersion ?? 0) + 1;
    const at = now.toISOString();
    try {
      await transact(store, [
        {
          Update: {
            Key: keys.scormPackage(v.moduleId),
            UpdateExpression: 'SET latestVersion = :n, moduleId = :m, updatedAt = :at, #t = :type',
            ConditionExpression: current ? 'latestVersion = :prev' : 'attribute_not_exists(PK)',
            ExpressionAttributeNames: { '#t': 'type' },
            ExpressionAttributeValues: { ':n': version, ':m': v.moduleId, ':at': at, ':type': 'scorm-package', ...(current ? { ':prev': current.latestVersion } : {}) },
          },
        },
        { Put: { Item: { ...keys.scormVersion(v.moduleId, version), type: 'scorm-version', ...v, version }, ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Update: {
            Key: keys.scormImport(v.moduleId, v.importId),
            UpdateExpression: 'SET #s = :ready, version = :n, updatedAt = :at, stages.ready = :at REMOVE claim, leaseUntil',
            ConditionExpression: 'claim = :claim AND #s = :extracting',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':ready': 'ready', ':n': version, ':at': at, ':claim': claim, ':extracting': 'extracting' },
          },
        },
      ]);
      return version;
    } catch (err) {
      if (conditionFailed(err, 2)) return undefined;
      if (conditionFailed(err, 0) || conditionFailed(err, 1)) {
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
        continue;
      }
      throw err;
    }
  }
  throw new Error(`Could not number a new version of module ${v.moduleId}: too many concurrent imports`);
}
