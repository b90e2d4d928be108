import { Transform, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { StoreClients } from '../../platform/store/clients';
import {
  checkEntry,
  duplicateDetector,
  failures,
  importLimits,
  isDirectory,
  launchFile,
  manifestFolder,
  manifestName,
  PackageRejected,
  plainText,
  withPlainTitles,
  type ImportFailure,
} from '../domain/import-rules';
import { contentTypeFor } from '../domain/content-types';
import { versionPrefix } from '../domain/locations';
import { launchables, parseManifest, toScormAgainSequencing } from '../domain/manifest';
import * as store from '../store';
import { S3ZipReader } from './s3-zip-reader';
import { removePrefix, storeFile } from './files';

/**
 * The import job: one uploaded zip (queued in the uploads bucket by the complete-route) becomes a
 * launchable package version, or a failed import with a message the author understands.
 *
 *   queued → checking   every central-directory entry against the rules (domain/import-rules.ts),
 *                       then imsmanifest.xml parsed and every launch file found in the zip
 *          → extracting every file streamed from the zip to `packages/{moduleId}/{importId}/`
 *                       in the content bucket, its bytes counted against what the zip declared
 *          → ready      the version record written, numbered from the module's counter
 *   or       failed     with the reason; whatever the import wrote under its own prefix is removed
 *
 * The zip is read from S3 with ranged requests (S3ZipReader): never whole, never to disk.
 * Runs in the import Lambda (functions/src/scorm-import.ts, on the S3 event of the queued zip)
 * and, locally, in the API process right after the complete-route answered (./runner.ts).
 */

export interface ImportDeps {
  store: StoreClients;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
  /** How long a run holds the import; must exceed the Lambda timeout, so only a dead run loses it. */
  leaseSeconds?: number;
  /** Runs of one import before an infrastructure failure counts as final. */
  maxAttempts?: number;
  /** Files written side by side. */
  concurrency?: number;
}

export interface ImportJob {
  moduleId: string;
  importId: string;
  /** The queued zip's key in the uploads bucket. */
  uploadKey: string;
}

export type ImportOutcome =
  | { outcome: 'ready'; version: number; files: number; bytes: number }
  | { outcome: 'failed'; error: ImportFailure }
  | { outcome: 'skipped'; reason: string };

export const defaultLeaseSeconds = 20 * 60;

interface FileEntry {
  name: string;
  entry: Entry;
}

/** Imports one package. Package problems end in a failed import (returned); infrastructure problems are thrown after the import is given back to the queue (or, on the last attempt, failed). */
export async function importScormPackage(deps: ImportDeps, job: ImportJob): Promise<ImportOutcome> {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;
  const claim = crypto.randomUUID();
  const claimed = await store.claimImport(deps.store, job.moduleId, job.importId, claim, deps.leaseSeconds ?? defaultLeaseSeconds, now());
  if (!claimed) return { outcome: 'skipped', reason: 'not queued (already done, or held by another run)' };
  if (claimed.uploadKey !== job.uploadKey) log?.warn('SCORM import: event key differs from the import record; using the record', { ...job, recorded: claimed.uploadKey });
  const prefix = versionPrefix(job.moduleId, job.importId);
  const { s3, buckets } = deps.store;
  const dropUpload = () => s3.send(new DeleteObjectCommand({ Bucket: buckets.uploads, Key: claimed.uploadKey })).catch(() => undefined);
  let zip: ZipFile | undefined;
  try {
    // A run that died may have left files: they are this import's own, and start again.
    if (claimed.attempts > 1) await removePrefix(s3, buckets.content, prefix);
    const checked = await check(deps, claimed.uploadKey);
    zip = checked.zip;
    if (!(await store.advanceImport(deps.store, job.moduleId, job.importId, claim, 'extracting', now()))) return { outcome: 'skipped', reason: 'claim lost' };
    const { files, bytes } = await extract(deps, zip, checked.files, prefix);
    const { manifest, launch } = checked;
    const version = await store.publishVersion(
      deps.store,
      {
        moduleId: job.moduleId,
        importId: job.importId,
        prefix,
        scormVersion: manifest.scormVersion.startsWith('2004') ? '2004' : '1.2',
        ...(manifest.scormVersion.startsWith('2004-') ? { edition: manifest.scormVersion.slice(5) } : {}),
        title: plainText(manifest.title, 200) || plainText(claimed.fileName.replace(/\.zip$/i, ''), 200),
        launch: launch[0]!.href,
        scoCount: launch.filter((l) => l.scormType === 'sco').length,
        launchableCount: launch.length,
        fileCount: files,
        bytes,
        manifest,
        sequencing: toScormAgainSequencing(manifest),
        importedAt: now().toISOString(),
        importedBy: claimed.createdBy,
      },
      claim,
      now(),
    );
    if (version === undefined) return { outcome: 'skipped', reason: 'claim lost' };
    await dropUpload();
    log?.info('SCORM import ready', { ...job, version, files, bytes });
    return { outcome: 'ready', version, files, bytes };
  } catch (err) {
    zip?.close();
    zip = undefined;
    if (err instanceof PackageRejected) {
      await removePrefix(s3, buckets.content, prefix);
      await store.failImport(deps.store, job.moduleId, job.importId, claim, err.failure, now());
      await dropUpload();
      log?.info('SCORM import refused', { ...job, code: err.failure.code });
      return { outcome: 'failed', error: err.failure };
    }
    log?.error('SCORM import: infrastructure failure', { ...job, attempt: claimed.attempts, error: err as Error });
    await removePrefix(s3, buckets.content, prefix).catch(() => undefined);
    if (claimed.attempts >= (deps.maxAttempts ?? 3)) {
      await store.failImport(deps.store, job.moduleId, job.importId, claim, failures.internal(), now()).catch(() => undefined);
      await dropUpload();
    } else {
      await store.requeueImport(deps.store, job.moduleId, job.importId, claim, now()).catch(() => undefined);
    }
    throw err;
  } finally {
    zip?.close();
  }
}

// ---- checking -----------------------------------------------------------------------------------------

const zipMagic = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
export const looksLikeZip = (head: Uint8Array) => zipMagic.some((m) => Buffer.from(head.subarray(0, 4)).equals(m));

async function check(deps: ImportDeps, uploadKey: string) {
  const { s3, buckets } = deps.store;
  // Size and type again, here: the presigned POST's bounds are not enforced everywhere (s3rver), and
  // this job trusts only what it reads itself.
  const head = await s3.send(new HeadObjectCommand({ Bucket: buckets.uploads, Key: uploadKey }));
  const size = head.ContentLength ?? 0;
  if (size === 0) throw new PackageRejected(failures.empty());
  if (size > importLimits.maxZipBytes) throw new PackageRejected(failures.zipTooLarge(size));
  const first = await s3.send(new GetObjectCommand({ Bucket: buckets.uploads, Key: uploadKey, Range: 'bytes=0-3', ...(head.ETag ? { IfMatch: head.ETag } : {}) }));
  if (!looksLikeZip(await first.Body!.transformToByteArray())) throw new PackageRejected(failures.notZip());

  const reader = new S3ZipReader(s3, buckets.uploads, uploadKey, size, head.ETag);
  const zip = await openZip(reader, size);
  try {
    if (zip.entryCount > importLimits.maxEntries) throw new PackageRejected(failures.tooManyEntries(zip.entryCount));
    const files: FileEntry[] = [];
    const names = new Set<string>();
    const duplicates = duplicateDetector();
    let declared = 0;
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, true);
      const problem = checkEntry({ ...entry, name });
      if (problem) throw new PackageRejected(problem);
      const other = duplicates.add(name);
      if (other !== undefined) throw new PackageRejected(failures.duplicate(name, other));
      declared += entry.uncompressedSize;
      if (declared > importLimits.maxUnpackedBytes) throw new PackageRejected(failures.tooLargeUnpacked(declared));
      names.add(name);
      if (!isDirectory(name)) files.push({ name, entry });
    }

    const manifestEntry = files.find((f) => f.name === manifestName);
    if (!manifestEntry) {
      const folder = manifestFolder(names);
      throw new PackageRejected(folder !== undefined ? failures.manifestInFolder(folder) : failures.noManifest());
    }
    if (manifestEntry.entry.uncompressedSize > importLimits.maxManifestBytes) throw new PackageRejected(failures.manifestTooLarge(manifestEntry.entry.uncompressedSize));
    const xml = decodeXml(await readAll(zip, manifestEntry));
    const parsed = parseManifest(xml);
    if (!parsed.ok) throw new PackageRejected({ code: parsed.error.code, nl: parsed.error.nl, en: parsed.error.en });
    // Titles are plain text from here on: the stored model, the sequencing settings, the version.
    const manifest = withPlainTitles(parsed.manifest);
    const launch = launchables(manifest);
    if (launch.length === 0) throw new PackageRejected(failures.nothingToLaunch());
    for (const l of launch) {
      const file = launchFile(l.href);
      if (file === undefined || !names.has(file)) throw new PackageRejected(failures.launchMissing(l.href));
    }
    return { zip, files, manifest, launch };
  } catch (err) {
    zip.close();
    throw err;
  }
}

function openZip(reader: S3ZipReader, size: number): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(reader, size, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (err) return reject(zipError(err));
      resolve(zip);
    });
  });
}

/** The next central-directory entry; undefined after the last. */
function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), resolve(e));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (err: Error) => (cleanup(), reject(zipError(err)));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

const isInfrastructure = (err: unknown) => {
  const e = err as { $metadata?: unknown; name?: string; code?: string };
  return e.$metadata !== undefined || ['TimeoutError', 'AbortError', 'NetworkingError'].includes(e.name ?? '') || ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(e.code ?? '');
};

/** A yauzl error is the zip's fault (→ the author's message); an S3 error is ours (→ thrown on). */
function zipError(err: unknown, name?: string): unknown {
  if (err instanceof PackageRejected || isInfrastructure(err)) return err;
  const message = String((err as Error)?.message ?? err);
  if (/end of central directory record signature not found/i.test(message)) return new PackageRejected(failures.notZip());
  if (/encrypt/i.test(message)) return new PackageRejected(failures.encrypted(name ?? '?'));
  if (/too many bytes in the stream|not enough bytes in the stream/i.test(message) && name) return new PackageRejected(failures.sizeMismatch(name));
  return new PackageRejected(failures.damaged(name));
}

function openEntry(zip: ZipFile, f: FileEntry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(f.entry, (err, stream) => (err ? reject(zipError(err, f.name)) : resolve(stream))));
}

async function readAll(zip: ZipFile, f: FileEntry): Promise<Buffer> {
  const stream = await openEntry(zip, f);
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of stream) {
      n += (chunk as Buffer).length;
      if (n > importLimits.maxManifestBytes) throw new PackageRejected(failures.manifestTooLarge(n));
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    stream.destroy();
    throw zipError(err, f.name);
  }
  return Buffer.concat(chunks);
}

/** imsmanifest.xml as text: UTF-8 unless a byte order mark says UTF-16. */
function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

// ---- extracting ---------------------------------------------------------------------------------------

/**
 * Streams every file to the content bucket under `prefix`. Bytes are counted while they flow: no
 * entry may give more than it declared, and all together no more than the unpacked limit (the
 * declared total was checked already; this holds even if a declaration lied).
 */
async function extract(deps: ImportDeps, zip: ZipFile, files: FileEntry[], prefix: string) {
  const { s3, buckets } = deps.store;
  let total = 0;
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < files.length) {
      const f = files[next++]!;
      try {
        const source = await openEntry(zip, f);
        let own = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _enc, done) {
            own += chunk.length;
            total += chunk.length;
            if (own > f.entry.uncompressedSize) return done(new PackageRejected(failures.sizeMismatch(f.name)));
            if (total > importLimits.maxUnpackedBytes) return done(new PackageRejected(failures.tooLargeUnpacked(total)));
            done(null, chunk);
          },
        });
        source.on('error', (err) => counter.destroy(err));
        await storeFile(s3, buckets.content, `${prefix}${f.name}`, contentTypeFor(f.name), source.pipe(counter));
      } catch (err) {
        failed ??= zipError(err, f.name);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 6, files.length) }, worker));
  if (failed !== undefined) throw failed;
  return { files: files.length, bytes: total };
}
