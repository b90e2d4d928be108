import { DeleteObjectCommand, ListObjectsV2Command, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import type { StoreClients } from '../store/clients';
import type { BucketRole } from '../store/schema';

/**
 * Objects of one person under a prefix, for the personal-data export (keys only) and for an
 * erasure (deleted). The attachments bucket is versioned in AWS: a plain delete would only add a
 * delete marker and keep the bytes as a noncurrent version for 90 days, so an erasure deletes every
 * version (the API role needs `s3:ListBucketVersions` and `s3:DeleteObjectVersion` on the prefixes
 * erased). A store without versioning (s3rver locally) refuses to list versions: then the objects
 * themselves are deleted.
 */

type Bucket = Exclude<BucketRole, 'web'>;

/** Every current object key under the prefix. */
export async function objectKeysUnder(store: StoreClients, bucket: Bucket, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const res = await store.s3.send(new ListObjectsV2Command({ Bucket: store.buckets[bucket], Prefix: prefix, ContinuationToken }));
    for (const o of res.Contents ?? []) if (o.Key) out.push(o.Key);
    ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return out;
}

async function versionsUnder(store: StoreClients, bucket: Bucket, prefix: string): Promise<Array<{ key: string; versionId?: string }> | undefined> {
  const out: Array<{ key: string; versionId?: string }> = [];
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  try {
    do {
      const res = await store.s3.send(new ListObjectVersionsCommand({ Bucket: store.buckets[bucket], Prefix: prefix, KeyMarker, VersionIdMarker }));
      for (const v of [...(res.Versions ?? []), ...(res.DeleteMarkers ?? [])]) if (v.Key) out.push({ key: v.Key, ...(v.VersionId ? { versionId: v.VersionId } : {}) });
      KeyMarker = res.IsTruncated ? res.NextKeyMarker : undefined;
      VersionIdMarker = res.IsTruncated ? res.NextVersionIdMarker : undefined;
    } while (KeyMarker);
  } catch (err) {
    const name = (err as { name?: string; Code?: string }).name ?? '';
    if (/NotImplemented|MethodNotAllowed/i.test(name)) return undefined;
    throw err;
  }
  return out;
}

/** Deletes everything under the prefix, every version included where the bucket keeps versions. How many objects (or versions) went. */
export async function eraseObjectsUnder(store: StoreClients, bucket: Bucket, prefix: string): Promise<number> {
  if (!prefix || prefix === '/') throw new Error('eraseObjectsUnder needs a prefix');
  const versions = await versionsUnder(store, bucket, prefix);
  const targets: Array<{ key: string; versionId?: string }> = versions && versions.length > 0 ? versions : (await objectKeysUnder(store, bucket, prefix)).map((key) => ({ key }));
  for (const t of targets) {
    await store.s3.send(new DeleteObjectCommand({ Bucket: store.buckets[bucket], Key: t.key, ...(t.versionId && t.versionId !== 'null' ? { VersionId: t.versionId } : {}) }));
  }
  return targets.length;
}
