import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import { limitPerUser } from '../../platform/http/rate-limit';
import * as svc from './service';
import { attachmentContentTypes, attachmentTypes, maxAttachmentBytes } from '../domain/attachment-types';
import { knowledgeCtx } from '../articles/routes';
import { PresignedPostSchema, uploadRequestSchema } from '../../platform/uploads/schemas';
import { AttachmentSchema, NewAttachmentSchema } from '../schemas';

const tags = ['Bijlagen'];
const errors = commonProblems;
const Id = z.string().min(1).max(80);

const start = createRoute({
  method: 'post',
  path: '/{id}/attachments',
  middleware: limitPerUser('uploads'),
  tags,
  security,
  summary: 'Upload starten: presigned POST naar de uploads-bucket (type en grootte begrensd)',
  request: { params: z.object({ id: Id }), ...body(uploadRequestSchema('UploadRequest', attachmentContentTypes, maxAttachmentBytes, 'PNG, JPEG, GIF, WebP of PDF')) },
  responses: {
    201: json(PresignedPostSchema, 'Presigned POST'),
    ...errors,
  },
});

const complete = createRoute({
  method: 'post',
  path: '/{id}/attachments/{uploadId}/complete',
  tags,
  security,
  summary: 'Upload afronden: de API controleert grootte en inhoud en maakt er een bijlage van',
  request: { params: z.object({ id: Id, uploadId: Id }) },
  responses: { 201: json(NewAttachmentSchema, 'Bijlage'), ...errors, 409: problemResponse('Nog niet geüpload'), 422: problemResponse('Inhoud of grootte klopt niet') },
});

const list = createRoute({
  method: 'get',
  path: '/{id}/attachments',
  tags,
  security,
  summary: 'Bijlagen van een artikel (voor auteurs)',
  request: { params: z.object({ id: Id }) },
  responses: { 200: json(z.array(AttachmentSchema), 'Bijlagen'), ...errors },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}/attachments/{attachmentId}',
  tags,
  security,
  summary: 'Bijlage verwijderen (auteurs); niet zolang de gepubliceerde versie haar toont',
  request: { params: z.object({ id: Id, attachmentId: Id }) },
  responses: { 204: { description: 'Verwijderd' }, ...errors, 409: problemResponse('De gepubliceerde versie toont deze bijlage') },
});

const serve = createRoute({
  method: 'get',
  path: '/{articleId}/{attachmentId}/{fileName}',
  tags,
  summary: 'Bijlage openen: lezers alleen wat de gepubliceerde versie toont (met haar publiek), auteurs alles',
  request: { params: z.object({ articleId: Id, attachmentId: Id, fileName: z.string().max(200) }) },
  responses: { 200: { description: 'Het bestand' }, 401: errors[401], 404: errors[404] },
});

/** Under `/api/articles`: uploading an article's attachments and listing them (for its authors). */
export const articleAttachmentRoutes = newRouter()
  .openapi(start, async (c) => c.json(await svc.startUpload(knowledgeCtx(c), c.req.valid('param').id, c.req.valid('json') as never), 201))
  .openapi(complete, async (c) => {
    const { id, uploadId } = c.req.valid('param');
    return c.json(await svc.completeUpload(knowledgeCtx(c), id, uploadId), 201);
  })
  .openapi(list, async (c) => c.json(await svc.list(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(remove, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    await svc.remove(knowledgeCtx(c), id, attachmentId);
    return c.body(null, 204) as never;
  });

/** Under `/api/attachments`: the files themselves, as visible as the published version that shows them. */
export const attachmentRoutes = newRouter().openapi(serve, async (c) => {
  const { articleId, attachmentId } = c.req.valid('param');
  const { attachment, body: file, public: isPublic } = await svc.open(knowledgeCtx(c), articleId, attachmentId);
  const disposition = attachmentTypes[attachment.contentType].inline ? 'inline' : 'attachment';
  return c.body(file, 200, {
    'content-type': attachment.contentType,
    'content-length': String(attachment.bytes),
    'content-disposition': `${disposition}; filename="${attachment.fileName}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': isPublic ? 'public, max-age=300' : 'private, no-store',
    // Who asks decides what is served (a writer sees drafts' attachments): never share across callers.
    vary: 'Authorization',
  }) as never;
});
