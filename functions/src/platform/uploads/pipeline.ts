/**
 * The browser-to-S3 upload steps shared by article attachments and learners' files: a presigned
 * POST that bounds size and type, then a claim and check of what actually arrived (size and first
 * bytes; the policy is not trusted alone and s3rver does not enforce it), then a copy into the
 * attachments bucket. Who may upload and where the file belongs is the caller's business.
 */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { Problem } from '../http/problem';
import type { StoreClients } from '../store/clients';
import { keys } from '../store/keys';
import { uploadsPendingPrefix } from '../store/schema';
import { del } from '../store/table';

const uploadWindowSeconds = 300;
const sourceKey = (uploadId: string) => `${uploadsPendingPrefix}${uploadId}`;

/** Step 1: a presigned POST for one object under the uploads bucket's pending prefix. */
export async function presignUpload(store: StoreClients, uploadId: string, contentType: string, maxBytes: number) {
  const post = await createPresignedPost(store.s3, {
    Bucket: store.buckets.uploads,
    Key: sourceKey(uploadId),
    Conditions: [
      ['content-length-range', 1, maxBytes],
      ['eq', '$Content-Type', contentType],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: uploadWindowSeconds,
  });
  return { uploadId, url: post.url, fields: post.fields, maxBytes, expiresInSeconds: uploadWindowSeconds };
}

/**
 * Step 2: the arrived object is claimed and checked. The pending record is deleted conditionally
 * first, so two completes of one upload cannot both make a file; a refused upload loses its object
 * too, so nothing of it is kept. Returns the size and the ETag of exactly what was checked.
 */
export async function claimUpload(store: StoreClients, uploadId: string, rules: { maxBytes: number; matches(head: Uint8Array): boolean; label: string }): Promise<{ size: number; etag: string | undefined }> {
  const { s3, buckets } = store;
  let size: number;
  let etag: string | undefined;
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: buckets.uploads, Key: sourceKey(uploadId) }));
    size = head.ContentLength ?? 0;
    etag = head.ETag;
  } catch (err) {
    if ((err as { name?: string }).name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      throw new Problem('conflict', 'Het bestand is nog niet (volledig) geüpload');
    }
    throw err;
  }
  try {
    await del(store, keys.upload(uploadId), { ConditionExpression: 'attribute_exists(PK)' });
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') throw new Problem('notFound', 'Deze upload is al afgerond');
    throw err;
  }
  const refuse = async (reason: string): Promise<never> => {
    await dropObject(store, uploadId);
    throw new Problem('unprocessable', reason);
  };
  if (size === 0 || size > rules.maxBytes) return refuse(`Bestand is ${size} bytes; maximaal ${rules.maxBytes / 1024 / 1024} MB toegestaan`);
  let first: Uint8Array;
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: buckets.uploads, Key: sourceKey(uploadId), Range: 'bytes=0-15', ...(etag ? { IfMatch: etag } : {}) }));
    first = await res.Body!.transformToByteArray();
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return changed(store, uploadId);
    throw err;
  }
  if (!rules.matches(first)) return refuse(`De inhoud is geen geldig ${rules.label}-bestand`);
  return { size, etag };
}

/**
 * Step 3: the checked object moves to the attachments bucket under `objectKey`. The copy only
 * happens if the object is still the one checked (the presigned POST stays valid for minutes, so
 * it could be replaced in between). s3rver ignores the condition; S3 enforces it.
 */
export async function keepUpload(store: StoreClients, uploadId: string, objectKey: string, contentType: string, etag: string | undefined) {
  try {
    await store.s3.send(
      new CopyObjectCommand({
        Bucket: store.buckets.attachments,
        Key: objectKey,
        CopySource: `${store.buckets.uploads}/${sourceKey(uploadId)}`,
        ContentType: contentType,
        MetadataDirective: 'REPLACE',
        ...(etag ? { CopySourceIfMatch: etag } : {}),
      }),
    );
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return changed(store, uploadId);
    throw err;
  }
  await dropObject(store, uploadId);
}

/** The object was replaced after the check began (the presigned POST was used again): nothing is kept. */
async function changed(store: StoreClients, uploadId: string): Promise<never> {
  await dropObject(store, uploadId);
  throw new Problem('conflict', 'Het bestand veranderde tijdens de controle; upload het opnieuw');
}

async function dropObject(store: StoreClients, uploadId: string) {
  await store.s3.send(new DeleteObjectCommand({ Bucket: store.buckets.uploads, Key: sourceKey(uploadId) })).catch(() => undefined);
}
