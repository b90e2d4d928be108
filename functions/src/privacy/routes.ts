import { createRoute } from '@hono/zod-openapi';
import { newRouter } from '../platform/http/router';
import { body, commonProblems, json, problems, security } from '../platform/http/contract';
import { ctxOf } from './context';
import { PeopleSchema, AuditListSchema, AuditQuerySchema, ErasureListSchema, ErasureRequestSchema, ErasureSchema, PersonalDataSchema } from './schemas';
import * as svc from './service';

const tags = ['Privacy'];

const exportData = createRoute({
  method: 'get',
  path: '/personal-data',
  tags,
  security,
  summary: 'Al mijn persoonsgegevens als één JSON-bestand (download; AVG inzage en overdraagbaarheid); de download komt in het auditlogboek',
  responses: { 200: json(PersonalDataSchema, 'Alle gegevens, als bijlage'), ...commonProblems },
});

const requestErasure = createRoute({
  method: 'post',
  path: '/erasures',
  tags,
  security,
  summary: 'Voer een verzoek tot wissen uit (academie; niet het eigen account): gegevens van de persoon overal gewist of onder pseudoniem, tellingen blijven kloppen; hervat een onderbroken wissing',
  request: body(ErasureRequestSchema),
  responses: { 200: json(ErasureSchema, 'De wissing, uitgevoerd'), ...commonProblems, ...problems({ 409: 'Gelijktijdig gewijzigd; probeer opnieuw' }) },
});

const erasures = createRoute({
  method: 'get',
  path: '/erasures',
  tags,
  security,
  summary: 'Uitgevoerde en onderbroken wissingen, nieuwste eerst (academie)',
  responses: { 200: json(ErasureListSchema, 'De wissingen'), ...commonProblems },
});

const audit = createRoute({
  method: 'get',
  path: '/audit',
  tags,
  security,
  summary: 'Het auditlogboek (academie): wie deed wat met wie of wat, wanneer, in welk verzoek; per periode, handeling en persoon',
  request: { query: AuditQuerySchema },
  responses: { 200: json(AuditListSchema, 'De regels, nieuwste eerst'), ...commonProblems },
});

const people = createRoute({
  method: 'get',
  path: '/people',
  tags,
  security,
  summary: 'Personen om uit te kiezen (academie): voor een verzoek tot wissen en het filter van het auditlogboek',
  responses: { 200: json(PeopleSchema, 'Personen op naam'), ...commonProblems },
});

/** In `/api/me`: my personal data. */
export const mePrivacyRoutes = newRouter().openapi(exportData, async (c) => {
  const data = await svc.personalData(ctxOf(c));
  return c.body(JSON.stringify(data, null, 2), 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="mijn-gegevens-${data.exportedAt.slice(0, 10)}.json"`,
    'cache-control': 'private, no-store',
  }) as never;
});

/** In `/api/academy`: erasures and the audit log. */
export const academyPrivacyRoutes = newRouter()
  .openapi(requestErasure, async (c) => c.json(await svc.erase(ctxOf(c), c.req.valid('json')), 200))
  .openapi(erasures, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await svc.listErasures(ctxOf(c)), 200);
  })
  .openapi(people, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await svc.people(ctxOf(c)), 200);
  })
  .openapi(audit, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await svc.readAudit(ctxOf(c), c.req.valid('query')), 200);
  });
