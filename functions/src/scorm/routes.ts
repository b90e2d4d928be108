import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../platform/http/contract';
import { limitPerUser } from '../platform/http/rate-limit';
import { PresignedPostSchema } from '../platform/uploads/schemas';
import { ctxOf } from './context';
import { Id, PackageUploadRequestSchema, ScormImportSchema, ScormPackageSchema } from './schemas';
import * as svc from './service';

const tags = ['SCORM'];
const errors = commonProblems;

const start = createRoute({
  method: 'post',
  path: '/{id}/scorm/uploads',
  middleware: limitPerUser('uploads'),
  tags,
  security,
  summary: 'SCORM-pakket uploaden, stap 1: presigned POST naar de uploads-bucket (zip, hoogstens 1 GB)',
  request: { params: z.object({ id: Id }), ...body(PackageUploadRequestSchema) },
  responses: { 201: json(PresignedPostSchema, 'Presigned POST'), ...errors, 422: problemResponse('Geen e-learningmodule') },
});

const complete = createRoute({
  method: 'post',
  path: '/{id}/scorm/uploads/{uploadId}/complete',
  tags,
  security,
  summary: 'SCORM-pakket uploaden, stap 2: grootte en zip-handtekening gecontroleerd, import in de wachtrij',
  request: { params: z.object({ id: Id, uploadId: Id }) },
  responses: { 202: json(ScormImportSchema, 'De import, in de wachtrij'), ...errors, 409: problemResponse('Nog niet geüpload'), 422: problemResponse('Geen zip, leeg of te groot') },
});

const status = createRoute({
  method: 'get',
  path: '/{id}/scorm/imports/{importId}',
  tags,
  security,
  summary: 'Status van een import: queued → checking → extracting → ready, of failed met de reden',
  request: { params: z.object({ id: Id, importId: Id }) },
  responses: { 200: json(ScormImportSchema, 'De import'), ...errors },
});

const versions = createRoute({
  method: 'get',
  path: '/{id}/scorm',
  tags,
  security,
  summary: 'Het SCORM-pakket van een module: zijn versies en de versie die nieuwe pogingen starten',
  request: { params: z.object({ id: Id }) },
  responses: { 200: json(ScormPackageSchema, 'Het pakket'), ...errors },
});

/** Under `/api/modules`: a module's SCORM package, its uploads and imports. */
export const moduleScormRoutes = newRouter()
  .openapi(start, async (c) => c.json(await svc.startUpload(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(complete, async (c) => {
    const { id, uploadId } = c.req.valid('param');
    return c.json(await svc.completeUpload(ctxOf(c), id, uploadId), 202);
  })
  .openapi(status, async (c) => {
    const { id, importId } = c.req.valid('param');
    c.header('cache-control', 'no-store');
    return c.json(await svc.getImport(ctxOf(c), id, importId), 200);
  })
  .openapi(versions, async (c) => c.json(await svc.getPackage(ctxOf(c), c.req.valid('param').id), 200));
