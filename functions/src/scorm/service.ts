import { Problem } from '../platform/http/problem';
import { currentLanguage, text } from '../platform/http/language';
import { timeId } from '../platform/store/keys';
import * as uploads from '../platform/uploads/pipeline';
import { actorOf, authorize, type ScormPackageResource } from '../policy';
import { nowOf, type ScormCtx } from './context';
import { failures, importLimits } from './domain/import-rules';
import { queuedPackageKey } from './domain/locations';
import { looksLikeZip, defaultLeaseSeconds } from './import/job';
import { startImport } from './import/runner';
import * as store from './store';

/** What the browser may say it sends (Windows browsers report zips as x-zip-compressed). */
export const packageContentTypes = ['application/zip', 'application/x-zip-compressed'] as const;

const moduleMissing = text('Deze module bestaat niet', 'This module does not exist');
const uploadMissing = text('Onbekende of verlopen upload', 'Unknown or expired upload');
const importMissing = text('Deze import bestaat niet', 'This import does not exist');

/** A queued import nobody started within this time counts as stalled (an S3 event that never came). */
const queuedStallSeconds = 30 * 60;

const stageOrder = ['queued', 'checking', 'extracting', 'ready', 'failed'] as const;

const resourceOf = (m: store.ModuleFacts): ScormPackageResource => ({ module: { status: m.status, enrolAudience: m.enrolAudience, kind: m.kind } });

async function authorizedModule(ctx: ScormCtx, moduleId: string, action: 'upload' | 'read-import') {
  const m = await store.moduleFacts(ctx.deps.store, moduleId);
  if (!m) throw new Problem('notFound', moduleMissing);
  authorize(actorOf(ctx.principal), 'scormPackage', action, resourceOf(m), moduleMissing);
  return m;
}

function signedIn(ctx: ScormCtx) {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om verder te gaan', 'Sign in to continue'));
  return ctx.principal;
}

const onlyElearning = () =>
  new Problem('unprocessable', text('Alleen een e-learningmodule heeft een SCORM-pakket. Kies bij de module de vorm "e-learning".', 'Only an e-learning module has a SCORM package. Set the module\'s kind to "e-learning".'));

/** Step 1: a presigned POST for the zip, straight to the uploads bucket (size and type bounded). */
export async function startUpload(ctx: ScormCtx, moduleId: string, input: { fileName: string; contentType: string; bytes: number }) {
  const m = await authorizedModule(ctx, moduleId, 'upload');
  const p = signedIn(ctx);
  if (m.kind !== 'elearning') throw onlyElearning();
  const uploadId = timeId();
  const now = nowOf(ctx);
  await store.putPendingUpload(ctx.deps.store, {
    uploadId,
    purpose: 'scorm',
    moduleId,
    fileName: input.fileName.slice(0, 200),
    declaredBytes: input.bytes,
    createdBy: p.id,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + 24 * 3600,
  });
  return uploads.presignUpload(ctx.deps.store, uploadId, input.contentType, importLimits.maxZipBytes);
}

/**
 * Step 2: what arrived is checked (size, zip signature) and queued for the import job; the answer
 * (202) is the import, whose status the author then follows.
 */
export async function completeUpload(ctx: ScormCtx, moduleId: string, uploadId: string) {
  const m = await authorizedModule(ctx, moduleId, 'upload');
  const p = signedIn(ctx);
  if (m.kind !== 'elearning') throw onlyElearning();
  const s = ctx.deps.store;
  const pending = await store.getPendingUpload(s, uploadId);
  if (!pending || pending.moduleId !== moduleId || pending.createdBy !== p.id) throw new Problem('notFound', uploadMissing);
  const { size, etag, claim } = await uploads.claimUpload(s, uploadId, { maxBytes: importLimits.maxZipBytes, matches: looksLikeZip, label: 'ZIP' });
  const importId = timeId();
  const at = nowOf(ctx).toISOString();
  const record: store.ScormImport = {
    importId,
    moduleId,
    status: 'queued',
    fileName: pending.fileName,
    bytes: size,
    uploadKey: queuedPackageKey(moduleId, importId),
    createdBy: { id: p.id, name: p.name },
    createdAt: at,
    updatedAt: at,
    stages: { queued: at },
    attempts: 0,
  };
  // The record first: the queued zip's S3 event must find its import.
  await store.createImport(s, record);
  try {
    await uploads.keepUpload(s, uploadId, record.uploadKey, 'application/zip', etag, claim, 'uploads');
  } catch (err) {
    await store.failImport(s, moduleId, importId, undefined, failures.internal(), nowOf(ctx)).catch(() => undefined);
    throw err;
  }
  startImport(ctx.deps, { moduleId, importId, uploadKey: record.uploadKey });
  return importView(record, nowOf(ctx));
}

/** The live status of one import (the author polls this). */
export async function getImport(ctx: ScormCtx, moduleId: string, importId: string) {
  await authorizedModule(ctx, moduleId, 'read-import');
  const i = await store.getImport(ctx.deps.store, moduleId, importId, true);
  if (!i) throw new Problem('notFound', importMissing);
  return importView(i, nowOf(ctx));
}

/** The module's package: its versions, newest first, and which one new attempts launch. */
export async function getPackage(ctx: ScormCtx, moduleId: string) {
  await authorizedModule(ctx, moduleId, 'read-import');
  const [pkg, versions] = await Promise.all([store.getPackage(ctx.deps.store, moduleId), store.listVersions(ctx.deps.store, moduleId)]);
  const view = versions.map(versionView);
  return { moduleId, latestVersion: pkg?.latestVersion ?? null, latest: view.find((v) => v.version === pkg?.latestVersion) ?? null, versions: view };
}

// ---- presenters -------------------------------------------------------------------------------------------

const versionView = (v: store.VersionSummary) => ({
  version: v.version,
  importId: v.importId,
  title: v.title,
  scormVersion: v.scormVersion,
  ...(v.edition ? { edition: v.edition } : {}),
  scoCount: v.scoCount,
  launchableCount: v.launchableCount,
  fileCount: v.fileCount,
  bytes: v.bytes,
  launch: v.launch,
  importedAt: v.importedAt,
  importedBy: v.importedBy,
});

/**
 * An import as the author sees it, its message in the request's language. A run that died (its
 * lease lapsed) or an import that never started is shown as failed: nothing will move it on.
 */
function importView(i: store.ScormImport, now: Date) {
  const epoch = Math.floor(now.getTime() / 1000);
  const inProgress = i.status === 'checking' || i.status === 'extracting';
  const stalled =
    (inProgress && (i.leaseUntil ?? 0) < epoch) ||
    (i.status === 'queued' && Date.parse(i.updatedAt) / 1000 + queuedStallSeconds < epoch && (i.leaseUntil ?? 0) + defaultLeaseSeconds < epoch);
  const error = stalled ? failures.stalled() : i.error;
  const lang = currentLanguage();
  return {
    importId: i.importId,
    moduleId: i.moduleId,
    status: stalled ? ('failed' as const) : i.status,
    fileName: i.fileName,
    bytes: i.bytes,
    stages: stageOrder.flatMap((stage) => (i.stages[stage] ? [{ stage, at: i.stages[stage]! }] : [])),
    createdAt: i.createdAt,
    createdBy: i.createdBy,
    updatedAt: i.updatedAt,
    ...(i.version !== undefined ? { version: i.version } : {}),
    ...(error ? { error: { code: error.code, message: error[lang] } } : {}),
  };
}
