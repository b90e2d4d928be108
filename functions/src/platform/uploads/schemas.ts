import { z } from '@hono/zod-openapi';
import { say } from '../http/language';

/** The request for step 1 of an upload: what the browser is about to send, checked against the accepted types and size. */
export function uploadRequestSchema(name: string, contentTypes: readonly string[], maxBytes: number, typesDescription: string) {
  return z
    .object({
      fileName: z.string().trim().min(1).max(200),
      contentType: z.enum(contentTypes as [string, ...string[]]).openapi({ description: typesDescription }),
      bytes: z.number().int().min(1).max(maxBytes, say(`Maximaal ${maxBytes / 1024 / 1024} MB`, `At most ${maxBytes / 1024 / 1024} MB`)),
    })
    .openapi(name);
}

/** The answer to step 1: post the fields and then the file (as `file`) to `url`, within `expiresInSeconds`. */
export const PresignedPostSchema = z
  .object({ uploadId: z.string(), url: z.string(), fields: z.record(z.string(), z.string()), maxBytes: z.number(), expiresInSeconds: z.number() })
  .openapi('PresignedPost');
