import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, security } from '../../platform/http/contract';
import { limitPerUser } from '../../platform/http/rate-limit';
import { PresignedPostSchema, uploadRequestSchema } from '../../platform/uploads/schemas';
import { ctxOf } from '../context';
import { evidenceContentTypes, maxEvidenceBytes } from '../domain/evidence';
import { DeletedSchema, EntryIdSchema, ExternalEntryInputSchema, ExternalEntryUpdateSchema, PortfolioEntrySchema, ReflectionInputSchema, TimelineQuerySchema, TimelineSchema } from '../schemas';
import * as svc from './service';

const tags = ['Portfolio'];
const entryParam = z.object({ entryId: EntryIdSchema });

const list = createRoute({
  method: 'get',
  path: '/portfolio',
  tags,
  security,
  summary: 'Mijn portfolio: elke afronding op het platform (berekend bij het lezen) en externe scholing, nieuwste eerst; filter op register en jaar',
  request: { query: TimelineQuerySchema },
  responses: { 200: json(TimelineSchema, 'De tijdlijn'), ...commonProblems },
});
const add = createRoute({
  method: 'post',
  path: '/portfolio/entries',
  tags,
  security,
  summary: 'Externe scholing toevoegen (titel, aanbieder, datum, uren, punten per register, accreditatienummer)',
  request: body(ExternalEntryInputSchema),
  responses: { 201: json(PortfolioEntrySchema, 'De activiteit'), ...commonProblems, 422: problemResponse('Onbekend register of datum in de toekomst') },
});
const edit = createRoute({
  method: 'put',
  path: '/portfolio/entries/{entryId}',
  tags,
  security,
  summary: 'Externe scholing wijzigen (optimistisch via rev)',
  request: { params: entryParam, ...body(ExternalEntryUpdateSchema) },
  responses: { 200: json(PortfolioEntrySchema, 'De activiteit'), ...commonProblems, 409: problemResponse('Intussen gewijzigd'), 422: problemResponse('Onbekend register of datum in de toekomst') },
});
const remove = createRoute({
  method: 'delete',
  path: '/portfolio/entries/{entryId}',
  tags,
  security,
  summary: 'Externe scholing verwijderen, met reflectie en bewijsstuk (de rev die je het laatst las)',
  request: { params: entryParam, query: z.object({ rev: z.coerce.number().int().positive() }) },
  responses: { 200: json(DeletedSchema, 'Verwijderd'), ...commonProblems, 409: problemResponse('Intussen gewijzigd') },
});
const reflect = createRoute({
  method: 'put',
  path: '/portfolio/entries/{entryId}/reflection',
  tags,
  security,
  summary: 'Reflectie bij een activiteit (standaard privé; per reflectie te delen met de eigen teamleider); lege tekst verwijdert',
  request: { params: entryParam, ...body(ReflectionInputSchema) },
  responses: { 200: json(PortfolioEntrySchema, 'De activiteit'), ...commonProblems },
});
const startEvidence = createRoute({
  method: 'post',
  path: '/portfolio/entries/{entryId}/evidence',
  middleware: limitPerUser('uploads'),
  tags,
  security,
  summary: 'Bewijsstuk uploaden, stap 1: presigned POST naar de uploads-bucket (PDF, Word, PNG of JPEG, hoogstens 4 MB)',
  request: { params: entryParam, ...body(uploadRequestSchema('EvidenceUploadRequest', evidenceContentTypes, maxEvidenceBytes, 'PDF, Word (.docx), PNG of JPEG')) },
  responses: { 201: json(PresignedPostSchema, 'Presigned POST'), ...commonProblems },
});
const completeEvidence = createRoute({
  method: 'post',
  path: '/portfolio/entries/{entryId}/evidence/{uploadId}/complete',
  tags,
  security,
  summary: 'Bewijsstuk uploaden, stap 2: grootte en inhoud gecontroleerd, dan bij de activiteit bewaard (vervangt een eerder bewijsstuk)',
  request: { params: entryParam.extend({ uploadId: z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/) }) },
  responses: { 200: json(PortfolioEntrySchema, 'De activiteit'), ...commonProblems, 409: problemResponse('Nog niet geüpload of intussen gewijzigd'), 422: problemResponse('Inhoud of grootte klopt niet') },
});
const evidence = createRoute({
  method: 'get',
  path: '/portfolio/entries/{entryId}/evidence',
  tags,
  security,
  summary: 'Bewijsstuk downloaden (alleen de medewerker zelf; altijd als bijlage)',
  request: { params: entryParam },
  responses: { 200: { description: 'Het bestand' }, ...commonProblems },
});

/** In `/api/me`: my portfolio's timeline, external learning, reflections and evidence. */
export const entryRoutes = newRouter()
  .openapi(list, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await svc.timeline(ctxOf(c), c.req.valid('query')), 200);
  })
  .openapi(add, async (c) => c.json(await svc.addExternal(ctxOf(c), c.req.valid('json')), 201))
  .openapi(edit, async (c) => c.json(await svc.updateExternal(ctxOf(c), c.req.valid('param').entryId, c.req.valid('json')), 200))
  .openapi(remove, async (c) => c.json(await svc.removeExternal(ctxOf(c), c.req.valid('param').entryId, c.req.valid('query').rev), 200))
  .openapi(reflect, async (c) => c.json(await svc.saveReflection(ctxOf(c), c.req.valid('param').entryId, c.req.valid('json')), 200))
  .openapi(startEvidence, async (c) => c.json(await svc.startEvidenceUpload(ctxOf(c), c.req.valid('param').entryId, c.req.valid('json') as never), 201))
  .openapi(completeEvidence, async (c) => {
    const { entryId, uploadId } = c.req.valid('param');
    return c.json(await svc.completeEvidenceUpload(ctxOf(c), entryId, uploadId), 200);
  })
  .openapi(evidence, async (c) => {
    const { evidence: file, body: content } = await svc.openEvidence(ctxOf(c), c.req.valid('param').entryId);
    // Always a download: a learner's file is never rendered in the app's origin.
    return c.body(content, 200, {
      'content-type': file.contentType,
      'content-length': String(file.bytes),
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    }) as never;
  });
