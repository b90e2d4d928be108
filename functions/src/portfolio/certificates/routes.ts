import { createRoute, z } from '@hono/zod-openapi';
import { newRouter, type AppContext } from '../../platform/http/router';
import { body, commonProblems, json, problemResponse, problems, security } from '../../platform/http/contract';
import { CertificateKind, CertificateListQuery, CertificateListSchema, CertificateSchema, CodeParam, MyCertificatesSchema, PdfFile, RevokeSchema, VerificationSchema } from './schemas';
import * as svc from './service';

const tags = ['Certificaten'];

/** The app's public origin (config in AWS; locally the origin the request came to, which serves the web too). */
const ctxOf = (c: AppContext): svc.CertificatesCtx => ({ store: c.get('deps').store, principal: c.get('principal'), origin: c.get('deps').config.appOrigin ?? new URL(c.req.url).origin });

const mine = createRoute({
  method: 'get',
  path: '/certificates',
  tags,
  security,
  summary: 'Mijn certificaten: elke afgeronde module en elk afgerond leerpad, met het certificaat zodra het is uitgegeven',
  responses: { 200: json(MyCertificatesSchema, 'Mijn afrondingen met certificaat'), ...commonProblems },
});

const pdf = createRoute({
  method: 'get',
  path: '/certificates/{kind}/{file}',
  tags,
  security,
  summary: 'Het certificaat als PDF ({targetId}.pdf): uitgegeven bij de eerste keer, daarna steeds hetzelfde (naam, titel, datum, punten per register, verificatiecode en QR-code)',
  request: { params: z.object({ kind: CertificateKind, file: PdfFile }) },
  responses: { 200: { description: 'application/pdf' }, ...commonProblems, 404: problemResponse('Niet afgerond'), 409: problemResponse('Ingetrokken door de academie') },
});

/** Under `/api/me`: my certificates and their PDFs. */
export const certificateMeRoutes = newRouter()
  .openapi(mine, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await svc.myCertificates(ctxOf(c)), 200);
  })
  .openapi(pdf, async (c) => {
    const { kind, file } = c.req.valid('param');
    const out = await svc.certificatePdf(ctxOf(c), kind, file.slice(0, -'.pdf'.length));
    return c.body(out.bytes as unknown as ArrayBuffer, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${out.fileName}"`,
      'cache-control': 'private, no-store',
    }) as never;
  });

const verify = createRoute({
  method: 'get',
  path: '/{code}',
  tags,
  summary: 'Een certificaat controleren (openbaar, zonder aanmelden): geldig of ingetrokken, met alleen naam, titel en datum',
  request: { params: z.object({ code: CodeParam }) },
  responses: { 200: json(VerificationSchema, 'Het certificaat bestaat'), ...problems({ 400: 'Ongeldige invoer', 404: 'Geen certificaat met deze code' }) },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  security,
  summary: 'Alle certificaten, nieuwste eerst, per pagina (academie)',
  request: { query: CertificateListQuery },
  responses: { 200: json(CertificateListSchema, 'Een pagina certificaten'), ...commonProblems },
});

const revoke = createRoute({
  method: 'post',
  path: '/{code}/revoke',
  tags,
  security,
  summary: 'Een certificaat intrekken met een reden (academie); de verificatiepagina zegt het daarna',
  request: { params: z.object({ code: CodeParam }), ...body(RevokeSchema) },
  responses: { 200: json(CertificateSchema, 'Ingetrokken'), ...commonProblems, 409: problemResponse('Al ingetrokken') },
});

/** At `/api/certificates`: the public verification, and the academy's list and revocation. */
export const certificateRoutes = newRouter()
  .openapi(list, async (c) => {
    const q = c.req.valid('query');
    c.header('cache-control', 'private, no-store');
    return c.json(await svc.listAll(ctxOf(c), q.limit, q.cursor), 200);
  })
  .openapi(verify, async (c) => {
    c.header('cache-control', 'no-store');
    c.header('x-robots-tag', 'noindex');
    return c.json(await svc.verify(ctxOf(c), c.req.valid('param').code), 200);
  })
  .openapi(revoke, async (c) => c.json(await svc.revokeCertificate(ctxOf(c), c.req.valid('param').code, c.req.valid('json').reason), 200));
