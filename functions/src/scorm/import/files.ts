import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';

/**
 * Writing extracted files to the content bucket, and removing them again. A file up to
 * `partBytes` is sent in one PutObject; a larger one in parts of that size (multipart upload), so
 * memory holds at most one part per file being written, whatever the file's size. (A streamed
 * PutObject would need the SDK's chunked signing, which s3rver stores verbatim; parts are plain
 * bodies everywhere.)
 */
export const partBytes = 8 * 1024 * 1024;

export async function storeFile(s3: S3Client, bucket: string, key: string, contentType: string, body: Readable): Promise<number> {
  let parts: Buffer[] = [];
  let buffered = 0;
  let total = 0;
  let upload: { id: string; parts: Array<{ ETag?: string; PartNumber: number; ChecksumCRC32?: string }> } | undefined;
  const flushPart = async () => {
    if (!upload) {
      const created = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }));
      upload = { id: created.UploadId!, parts: [] };
    }
    const PartNumber = upload.parts.length + 1;
    const res = await s3.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: upload.id, PartNumber, Body: Buffer.concat(parts, buffered) }));
    upload.parts.push({ ETag: res.ETag, PartNumber, ...(res.ChecksumCRC32 ? { ChecksumCRC32: res.ChecksumCRC32 } : {}) });
    parts = [];
    buffered = 0;
  };
  try {
    for await (const chunk of body) {
      const b = chunk as Buffer;
      parts.push(b);
      buffered += b.length;
      total += b.length;
      if (buffered >= partBytes) await flushPart();
    }
    if (!upload) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, Body: Buffer.concat(parts, buffered) }));
      return total;
    }
    if (buffered > 0) await flushPart();
    await s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: upload.id, MultipartUpload: { Parts: upload.parts } }));
    return total;
  } catch (err) {
    body.destroy();
    if (upload) await s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: upload.id })).catch(() => undefined);
    throw err;
  }
}

/** Every key under `prefix` (and only there). */
export async function listKeys(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }));
    for (const o of res.Contents ?? []) if (o.Key?.startsWith(prefix)) out.push(o.Key);
    ContinuationToken = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return out;
}

/** Removes everything under `prefix`, which must be one import's own prefix; returns how many objects went. */
export async function removePrefix(s3: S3Client, bucket: string, prefix: string): Promise<number> {
  if (!/^packages\/[^/]+\/[^/]+\/$/.test(prefix)) throw new Error(`Refusing to remove outside one import's prefix: ${prefix}`);
  const keys = await listKeys(s3, bucket, prefix);
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const res = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
    if (res.Errors?.length) throw new Error(`Could not remove ${res.Errors.length} objects under ${prefix}: ${res.Errors[0]?.Code} ${res.Errors[0]?.Message}`);
  }
  return keys.length;
}
