import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { problemResponse } from '../../platform/http/problem';
import * as svc from './service';
import { attachmentContentTypes, attachmentTypes, maxAttachmentBytes } from '../domain/attachment-types';
import { knowledgeCtx } from '../articles/routes';
import { PresignedPostSchema, uploadRequestSchema } from '../../platform/uploads/schemas';

const tags = ['Bijlagen'];
const security = [{ bearer: [] }];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: problemResponse('Ongeldige invoer'), 401: problemResponse('Niet aangemeld'), 403: problemResponse('Geen rechten'), 404: problemResponse('Niet gevonden') };
const Id = z.string().min(1).max(80);
const AttachmentSchema = z
  .object({ id: z.string(), articleId: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number(), url: z.string(), createdAt: z.string() })
  .passthrough()
  .openapi('Attachment');

const start = createRoute({
  method: 'post',
  path: '/api/articles/{id}/attachments',
  tags,
  security,
  summary: 'Upload starten: presigned POST naar de uploads-bucket (type en grootte begrensd)',
  request: {
    params: z.object({ id: Id }),
    body: { required: true, content: { 'application/json': { schema: uploadRequestSchema('UploadRequest', attachmentContentTypes, maxAttachmentBytes, 'PNG, JPEG, GIF, WebP of PDF') } } },
  },
  responses: {
    201: json(PresignedPostSchema, 'Presigned POST'),
    ...errors,
  },
});

const complete = createRoute({
  method: 'post',
  path: '/api/articles/{id}/attachments/{uploadId}/complete',
  tags,
  security,
  summary: 'Upload afronden: de API controleert grootte en inhoud en maakt er een bijlage van',
  request: { params: z.object({ id: Id, uploadId: Id }) },
  responses: { 201: json(AttachmentSchema.extend({ markdown: z.string() }), 'Bijlage'), ...errors, 409: problemResponse('Nog niet geüpload'), 422: problemResponse('Inhoud of grootte klopt niet') },
});

const list = createRoute({
  method: 'get',
  path: '/api/articles/{id}/attachments',
  tags,
  security,
  summary: 'Bijlagen van een artikel (voor auteurs)',
  request: { params: z.object({ id: Id }) },
  responses: { 200: json(z.array(AttachmentSchema), 'Bijlagen'), ...errors },
});

const serve = createRoute({
  method: 'get',
  path: '/api/attachments/{articleId}/{attachmentId}/{fileName}',
  tags,
  summary: 'Bijlage openen, met dezelfde zichtbaarheid als het artikel',
  request: { params: z.object({ articleId: Id, attachmentId: Id, fileName: z.string().max(200) }) },
  responses: { 200: { description: 'Het bestand' }, 401: errors[401], 404: errors[404] },
});

export const attachmentRoutes = newRouter()
  .openapi(start, async (c) => c.json(await svc.startUpload(knowledgeCtx(c), c.req.valid('param').id, c.req.valid('json') as never), 201))
  .openapi(complete, async (c) => {
    const { id, uploadId } = c.req.valid('param');
    return c.json(await svc.completeUpload(knowledgeCtx(c), id, uploadId), 201);
  })
  .openapi(list, async (c) => c.json(await svc.list(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(serve, async (c) => {
    const { articleId, attachmentId } = c.req.valid('param');
    const { attachment, body, public: isPublic } = await svc.open(knowledgeCtx(c), articleId, attachmentId);
    const disposition = attachmentTypes[attachment.contentType].inline ? 'inline' : 'attachment';
    return c.body(body, 200, {
      'content-type': attachment.contentType,
      'content-length': String(attachment.bytes),
      'content-disposition': `${disposition}; filename="${attachment.fileName}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': isPublic ? 'public, max-age=300' : 'private, no-store',
    }) as never;
  });
