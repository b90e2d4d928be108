import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, json, problemResponse, problems, security } from '../../platform/http/contract';
import { limitPerUser } from '../../platform/http/rate-limit';
import * as svc from './service';
import { ctxOf } from '../shared/context';
import { learnerFileContentTypes, maxLearnerFileBytes } from '../domain/file-types';
import { PresignedPostSchema, uploadRequestSchema } from '../../platform/uploads/schemas';
import { FileDeletedSchema, LearnerFileSchema } from '../schemas';

const tags = ['Leren'];
const errors = problems({ 400: 'Ongeldige invoer', 401: 'Niet aangemeld', 404: 'Niet gevonden' });
const Id = z.string().min(1).max(80);

const start = createRoute({
  method: 'post',
  path: '/{id}/files',
  middleware: limitPerUser('uploads'),
  tags,
  security,
  summary: 'Bestand inleveren, stap 1: presigned POST naar de uploads-bucket (opdracht of bewijs van externe scholing)',
  request: { params: z.object({ id: Id }), ...body(uploadRequestSchema('LearnerUploadRequest', learnerFileContentTypes, maxLearnerFileBytes, 'PDF, Word (.docx), PNG of JPEG')) },
  responses: {
    201: json(PresignedPostSchema, 'Presigned POST'),
    ...errors,
    422: problemResponse('Deze module neemt geen bestanden'),
  },
});

const complete = createRoute({
  method: 'post',
  path: '/{id}/files/{uploadId}/complete',
  tags,
  security,
  summary: 'Bestand inleveren, stap 2: de API controleert grootte en inhoud',
  request: { params: z.object({ id: Id, uploadId: Id }) },
  responses: { 201: json(LearnerFileSchema, 'Bestand'), ...errors, 409: problemResponse('Nog niet geüpload'), 422: problemResponse('Inhoud of grootte klopt niet') },
});

const serve = createRoute({
  method: 'get',
  path: '/{id}/files/{userId}/{fileId}/{fileName}',
  tags,
  security,
  summary: 'Ingeleverd bestand downloaden (de deelnemer zelf, trainers en de academie)',
  request: { params: z.object({ id: Id, userId: Id, fileId: Id, fileName: z.string().max(200) }) },
  responses: { 200: { description: 'Het bestand' }, 401: errors[401], 404: errors[404] },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}/files/{fileId}',
  tags,
  security,
  summary: 'Eigen bestand verwijderen dat nergens is ingeleverd',
  request: { params: z.object({ id: Id, fileId: Id }) },
  responses: { 200: json(FileDeletedSchema, 'Verwijderd'), ...errors, 409: problemResponse('Hoort bij een inlevering of afronding') },
});

/** Under `/api/modules`: a learner's files for a module (assignment or evidence of external training). */
export const learnerFileRoutes = newRouter()
  .openapi(start, async (c) => c.json(await svc.startUpload(ctxOf(c), c.req.valid('param').id, c.req.valid('json') as never), 201))
  .openapi(complete, async (c) => {
    const { id, uploadId } = c.req.valid('param');
    return c.json(await svc.completeUpload(ctxOf(c), id, uploadId), 201);
  })
  .openapi(remove, async (c) => {
    const { id, fileId } = c.req.valid('param');
    return c.json(await svc.remove(ctxOf(c), id, fileId), 200);
  })
  .openapi(serve, async (c) => {
    const { id, userId, fileId } = c.req.valid('param');
    const { file, body: content } = await svc.open(ctxOf(c), id, userId, fileId);
    // Always a download: a learner's file is never rendered in the app's origin.
    return c.body(content, 200, {
      'content-type': file.contentType,
      'content-length': String(file.bytes),
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    }) as never;
  });
