/**
 * The browser-to-S3 upload steps shared by article attachments and learners' files: a presigned
 * POST that bounds size and type, then a claim and check of what actually arrived (size and first
 * bytes; the policy is not trusted alone and s3rver does not enforce it), then a copy into the
 * attachments bucket. Who may upload and where the file belongs is the caller's business.
 */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { Problem } from '../http/problem';
import { text, type Text } from '../http/language';
import type { StoreClients } from '../store/clients';
import { keys } from '../store/keys';
import { uploadsPendingPrefix } from '../store/schema';
import { conditionFailed, retryOnContention } from '../store/items';
import { del, transact, update, type TransactPart } from '../store/table';

const uploadWindowSeconds = 300;
/**
 * How long a claim holds an upload. A claim is released when the copy fails (so the learner or
 * author can simply try again), and one left by a crashed request lapses after this time.
 */
const claimLeaseSeconds = 120;
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
 * Step 2: the arrived object is claimed and checked. The pending record is claimed conditionally
 * first (a lease, not a deletion), so two completes of one upload cannot both make a file, and a
 * complete whose copy fails can be retried (see step 3). A refused upload loses its pending record
 * and its object, so nothing of it is kept and a second complete finds nothing. Returns the size
 * and the ETag of exactly what was checked, and the claim to pass to `keepUpload`.
 */
export async function claimUpload(store: StoreClients, uploadId: string, rules: { maxBytes: number; matches(head: Uint8Array): boolean; label: string }): Promise<{ size: number; etag: string | undefined; claim: string }> {
  const { s3, buckets } = store;
  let size: number;
  let etag: string | undefined;
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: buckets.uploads, Key: sourceKey(uploadId) }));
    size = head.ContentLength ?? 0;
    etag = head.ETag;
  } catch (err) {
    if ((err as { name?: string }).name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      throw new Problem('conflict', text('Het bestand is nog niet (volledig) geüpload', 'The file has not been (fully) uploaded yet'));
    }
    throw err;
  }
  const claim = crypto.randomUUID();
  const now = Math.floor(Date.now() / 1000);
  try {
    await update(store, keys.upload(uploadId), {
      UpdateExpression: 'SET claimedBy = :claim, claimedUntil = :until',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(claimedBy) OR claimedUntil < :now)',
      ExpressionAttributeValues: { ':claim': claim, ':until': now + claimLeaseSeconds, ':now': now },
    });
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException') throw new Problem('notFound', text('Deze upload is al afgerond', 'This upload has already been completed'));
    throw err;
  }
  const refuse = async (reason: Text): Promise<never> => {
    await finish(store, uploadId, claim);
    await dropObject(store, uploadId);
    throw new Problem('unprocessable', reason);
  };
  if (size === 0) return refuse(text('Het bestand is leeg', 'The file is empty'));
  if (size > rules.maxBytes) return refuse(text(`Bestand is ${size} bytes; maximaal ${rules.maxBytes / 1024 / 1024} MB toegestaan`, `The file is ${size} bytes; at most ${rules.maxBytes / 1024 / 1024} MB allowed`));
  let first: Uint8Array;
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: buckets.uploads, Key: sourceKey(uploadId), Range: 'bytes=0-15', ...(etag ? { IfMatch: etag } : {}) }));
    first = await res.Body!.transformToByteArray();
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return changed(store, uploadId, claim);
    // Anything else (S3 briefly unavailable): the claim is given back, so completing again works.
    await release(store, uploadId, claim);
    throw err;
  }
  if (!rules.matches(first)) return refuse(text(`De inhoud is geen geldig ${rules.label}-bestand`, `The content is not a valid ${rules.label} file`));
  return { size, etag, claim };
}

/**
 * Step 3: the checked object moves to the attachments bucket under `objectKey` (or, with `bucket`
 * 'uploads', to another key of the uploads bucket: a SCORM package queued for its import). The copy only
 * happens if the object is still the one checked (the presigned POST stays valid for minutes, so
 * it could be replaced in between). s3rver ignores the condition; S3 enforces it. A copy that
 * fails otherwise (a transient S3 error) releases the claim and keeps the uploaded object, so the
 * same upload can be completed again. `claim` (from `claimUpload`) makes sure only the claiming
 * request releases or ends it; callers that do not pass it act on whatever claim is held.
 *
 * `record` is what the caller keeps of the upload (the attachment or learner-file record), written
 * in one transaction with the end of the upload, and only while `claim` is still held:
 * - the record cannot be written (a transient failure): the claim is released and the uploaded
 *   object kept, so completing the same upload again works;
 * - the claim was lost (its lease lapsed while another request took the upload): nothing is
 *   written, the copy is removed, and the answer is that the upload is already being completed.
 * Without `record` (a caller whose record is written before, as the SCORM import's), the upload
 * ends after the copy, best effort, as before.
 */
export async function keepUpload(
  store: StoreClients,
  uploadId: string,
  objectKey: string,
  contentType: string,
  etag: string | undefined,
  claim?: string,
  bucket: 'attachments' | 'uploads' = 'attachments',
  record: TransactPart[] = [],
) {
  try {
    await store.s3.send(
      new CopyObjectCommand({
        Bucket: store.buckets[bucket],
        Key: objectKey,
        CopySource: `${store.buckets.uploads}/${sourceKey(uploadId)}`,
        ContentType: contentType,
        MetadataDirective: 'REPLACE',
        ...(etag ? { CopySourceIfMatch: etag } : {}),
      }),
    );
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) return changed(store, uploadId, claim);
    await release(store, uploadId, claim);
    throw err;
  }
  if (record.length === 0) {
    await finish(store, uploadId, claim);
    await dropObject(store, uploadId);
    return;
  }
  const end: TransactPart = { Delete: { Key: keys.upload(uploadId), ...claimHeld(claim) } };
  try {
    await retryOnContention(() => transact(store, [...record, end]));
  } catch (err) {
    // Cancelled: nothing was written, so the copy is nobody's. (After an unclear failure, a timeout,
    // the record may exist: the copy stays, and a retry finds the upload ended or completes it.)
    const cancelled = (err as { name?: string }).name === 'TransactionCanceledException';
    if (cancelled) await store.s3.send(new DeleteObjectCommand({ Bucket: store.buckets[bucket], Key: objectKey })).catch(() => undefined);
    if (conditionFailed(err, record.length)) throw new Problem('notFound', text('Deze upload is al afgerond', 'This upload has already been completed'));
    await release(store, uploadId, claim);
    throw err;
  }
  await dropObject(store, uploadId);
}

/** The condition that this request still holds the upload (or, without a claim, that someone does). */
const claimHeld = (claim: string | undefined) =>
  claim ? { ConditionExpression: 'claimedBy = :claim', ExpressionAttributeValues: { ':claim': claim } } : { ConditionExpression: 'attribute_exists(claimedBy)' };

/** Gives a claim back, so the upload can be completed again. Best effort: if this fails too, the claim lapses after its lease. */
async function release(store: StoreClients, uploadId: string, claim: string | undefined) {
  await update(store, keys.upload(uploadId), {
    UpdateExpression: 'REMOVE claimedBy, claimedUntil',
    ConditionExpression: claim ? 'claimedBy = :claim' : 'attribute_exists(claimedBy)',
    ...(claim ? { ExpressionAttributeValues: { ':claim': claim } } : {}),
  }).catch(() => undefined);
}

/** The upload is over (kept or refused): its pending record goes, so a later complete finds nothing. */
async function finish(store: StoreClients, uploadId: string, claim: string | undefined) {
  await del(store, keys.upload(uploadId), claim ? { ConditionExpression: 'claimedBy = :claim', ExpressionAttributeValues: { ':claim': claim } } : undefined).catch(() => undefined);
}

/** The object was replaced after the check began (the presigned POST was used again): nothing is kept. */
async function changed(store: StoreClients, uploadId: string, claim: string | undefined): Promise<never> {
  await finish(store, uploadId, claim);
  await dropObject(store, uploadId);
  throw new Problem('conflict', text('Het bestand veranderde tijdens de controle; upload het opnieuw', 'The file changed while it was being checked; please upload it again'));
}

async function dropObject(store: StoreClients, uploadId: string) {
  await store.s3.send(new DeleteObjectCommand({ Bucket: store.buckets.uploads, Key: sourceKey(uploadId) })).catch(() => undefined);
}
