import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { timeId } from '../../functions/src/platform/store/keys';
import { importScormPackage, queuedPackageKey, getPackageRecord, getPackageVersion } from '../../functions/src/scorm';
import { createImport, getImport } from '../../functions/src/scorm/store';
import { buildScormPackages } from '../build-scorm';

type ModuleFile = Array<{ id: string; kind: string; scormPackage?: string }>;

export interface ScormSeedReport {
  /** Demo packages linked to a module (built from content/scorm). */
  packages: number;
  /** Imported in this run (0 when every module's latest version already is the same package). */
  imported: number;
}

/** The import's file name carries the zip's hash: how a later seed knows the latest version is this very package. */
const fileNameOf = (id: string, hash: string) => `${id}-${hash.slice(0, 16)}.zip`;

/**
 * The demo SCORM packages: built from content/scorm/<id>/ (scripts/build-scorm.ts, deterministic
 * zips), queued and imported by the same job the upload route runs (`importScormPackage`), and so
 * linked to the `elearning` modules in content/learning/modules.json that name them
 * (`scormPackage`). Idempotent: a module whose latest version was imported from a zip with the same
 * hash is left alone; a changed package becomes a new version (attempts in progress keep theirs).
 * Modules must be seeded first.
 */
export async function seedScorm(store: StoreClients, contentDir: string, outDir: string): Promise<ScormSeedReport> {
  const modules = JSON.parse(await readFile(join(contentDir, 'learning', 'modules.json'), 'utf8')) as ModuleFile;
  const wanted = modules.filter((m) => m.kind === 'elearning' && m.scormPackage);
  if (wanted.length === 0) return { packages: 0, imported: 0 };
  const built = new Map((await buildScormPackages(outDir, join(contentDir, 'scorm'))).map((p) => [p.id, p]));
  let packages = 0;
  let imported = 0;
  for (const m of wanted) {
    const pkg = built.get(m.scormPackage!);
    // A module may name a package that has no source here (yet): it stays without one.
    if (!pkg) continue;
    packages++;
    const zip = await readFile(pkg.file);
    const fileName = fileNameOf(pkg.id, createHash('sha256').update(zip).digest('hex'));
    const current = await getPackageRecord(store, m.id, true);
    if (current) {
      const latest = await getPackageVersion(store, m.id, current.latestVersion);
      const from = latest ? await getImport(store, m.id, latest.importId, true) : undefined;
      if (from?.fileName === fileName) continue;
    }
    const importId = timeId();
    const uploadKey = queuedPackageKey(m.id, importId);
    const at = new Date().toISOString();
    await createImport(store, {
      importId,
      moduleId: m.id,
      status: 'queued',
      fileName,
      bytes: zip.length,
      uploadKey,
      createdBy: { id: 'u-sanne-de-vries', name: 'Sanne de Vries' },
      createdAt: at,
      updatedAt: at,
      stages: { queued: at },
      attempts: 0,
    });
    await store.s3.send(new PutObjectCommand({ Bucket: store.buckets.uploads, Key: uploadKey, Body: zip, ContentType: 'application/zip' }));
    const outcome = await importScormPackage({ store }, { moduleId: m.id, importId, uploadKey });
    if (outcome.outcome !== 'ready') throw new Error(`demo SCORM package ${pkg.id} for ${m.id}: ${JSON.stringify(outcome)}`);
    imported++;
  }
  return { packages, imported };
}
