import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../platform/http/router';
import { body, commonProblems, json, problemResponse, problems, security } from '../platform/http/contract';
import { ctxOf } from './context';
import {
  AcceptedSchema,
  InvitationCreatedSchema,
  InvitationInputSchema,
  InvitationPreviewSchema,
  InvitationTokenSchema,
  OrganisationIdSchema,
  OrganisationInputSchema,
  OrganisationListSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
  PartnerUserSchema,
  PartnerUsersSchema,
  StatusChangeSchema,
} from './schemas';
import * as svc from './service';

const tags = ['Ketenpartners'];
const orgParam = z.object({ id: OrganisationIdSchema });
const noStore = { 'cache-control': 'private, no-store' };

const list = createRoute({ method: 'get', path: '/', tags, security, summary: 'Alle partnerorganisaties met status en aantal gebruikers (academie)', responses: { 200: json(OrganisationListSchema, 'Organisaties op naam'), ...commonProblems } });
const create = createRoute({
  method: 'post',
  path: '/',
  tags,
  security,
  summary: 'Partnerorganisatie registreren (academie): naam, soort, contactpersoon, netwerken en modules die ze mag gebruiken',
  request: body(OrganisationInputSchema),
  responses: { 201: json(OrganisationSchema, 'De organisatie'), ...commonProblems, 409: problemResponse('Naam (id) al in gebruik') },
});
const one = createRoute({ method: 'get', path: '/{id}', tags, security, summary: 'Eén partnerorganisatie (academie)', request: { params: orgParam }, responses: { 200: json(OrganisationSchema, 'De organisatie'), ...commonProblems } });
const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags,
  security,
  summary: 'Partnerorganisatie wijzigen (academie; optimistisch via rev)',
  request: { params: orgParam, ...body(OrganisationUpdateSchema) },
  responses: { 200: json(OrganisationSchema, 'De organisatie'), ...commonProblems, 409: problemResponse('Intussen gewijzigd') },
});
const statusRoute = (change: 'suspend' | 'revoke' | 'reactivate', summary: string) =>
  createRoute({
    method: 'post',
    path: `/{id}/${change}`,
    tags,
    security,
    summary,
    request: { params: orgParam, ...body(StatusChangeSchema) },
    responses: { 200: json(OrganisationSchema, 'De organisatie'), ...commonProblems, 409: problemResponse('Staat al in die status, of intussen gewijzigd') },
  });
const suspend = statusRoute('suspend', 'Organisatie schorsen (academie): haar gebruikers verliezen toegang bij hun volgende verzoek, ook met een geldig token');
const revoke = statusRoute('revoke', 'Toegang van de organisatie intrekken (academie): haar gebruikers verliezen toegang bij hun volgende verzoek');
const reactivate = statusRoute('reactivate', 'Organisatie weer activeren (academie): haar gebruikers hebben bij hun volgende verzoek weer toegang');
const users = createRoute({
  method: 'get',
  path: '/{id}/users',
  tags,
  security,
  summary: 'Gebruikers van de organisatie (ook verwijderde) en openstaande uitnodigingen (academie)',
  request: { params: orgParam },
  responses: { 200: json(PartnerUsersSchema, 'Gebruikers en uitnodigingen'), ...commonProblems },
});
const invite = createRoute({
  method: 'post',
  path: '/{id}/invitations',
  tags,
  security,
  summary: 'Gebruiker uitnodigen per e-mail (academie). Lokaal: de uitnodigingslink staat in het antwoord en in het log; in AWS: een Cognito-gebruiker in de groep partner met het id van de organisatie',
  request: { params: orgParam, ...body(InvitationInputSchema) },
  responses: { 201: json(InvitationCreatedSchema, 'De uitnodiging'), ...commonProblems, 409: problemResponse('Organisatie niet actief, of e-mailadres al in gebruik') },
});
const removeUser = createRoute({
  method: 'delete',
  path: '/{id}/users/{userId}',
  tags,
  security,
  summary: 'Gebruiker uit de organisatie verwijderen (academie): geen toegang meer vanaf het volgende verzoek',
  request: { params: orgParam.extend({ userId: z.string().min(1).max(100) }) },
  responses: { 200: json(PartnerUserSchema, 'De gebruiker, verwijderd'), ...commonProblems },
});

/** At `/api/partners`. */
export const partnerRoutes = newRouter()
  .openapi(list, async (c) => c.json(await svc.listOrganisations(ctxOf(c)), 200, noStore))
  .openapi(create, async (c) => c.json(await svc.createOrganisation(ctxOf(c), c.req.valid('json')), 201))
  .openapi(one, async (c) => c.json(await svc.getOrganisation(ctxOf(c), c.req.valid('param').id), 200, noStore))
  .openapi(update, async (c) => c.json(await svc.updateOrganisation(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(suspend, async (c) => c.json(await svc.changeStatus(ctxOf(c), c.req.valid('param').id, 'suspend', c.req.valid('json').reason), 200))
  .openapi(revoke, async (c) => c.json(await svc.changeStatus(ctxOf(c), c.req.valid('param').id, 'revoke', c.req.valid('json').reason), 200))
  .openapi(reactivate, async (c) => c.json(await svc.changeStatus(ctxOf(c), c.req.valid('param').id, 'reactivate', c.req.valid('json').reason), 200))
  .openapi(users, async (c) => c.json(await svc.listUsers(ctxOf(c), c.req.valid('param').id), 200, noStore))
  .openapi(invite, async (c) => c.json(await svc.invite(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201, noStore))
  .openapi(removeUser, async (c) => {
    const { id, userId } = c.req.valid('param');
    return c.json(await svc.removeUser(ctxOf(c), id, userId), 200);
  });

const tokenParam = z.object({ token: InvitationTokenSchema });
const preview = createRoute({
  method: 'get',
  path: '/{token}',
  tags,
  summary: 'Wat een uitnodiging inhoudt (openbaar, lokaal): organisatie, naam en e-mailadres',
  request: { params: tokenParam },
  responses: { 200: json(InvitationPreviewSchema, 'De uitnodiging'), ...problems({ 400: 'Ongeldige link', 404: 'Onbekend, verlopen of al gebruikt' }) },
});
const accept = createRoute({
  method: 'post',
  path: '/{token}/accept',
  tags,
  summary: 'Uitnodiging aannemen (openbaar, lokaal): maakt het profiel van de ketenpartner (rol partner, de organisatie); daarna aanmelden',
  request: { params: tokenParam },
  responses: { 201: json(AcceptedSchema, 'Het account'), ...problems({ 400: 'Ongeldige link', 404: 'Onbekend, verlopen of al gebruikt' }) },
});

/** At `/api/invitations`: public, the token is the credential. */
export const invitationRoutes = newRouter()
  .openapi(preview, async (c) => c.json(await svc.previewInvitation(ctxOf(c), c.req.valid('param').token), 200, noStore))
  .openapi(accept, async (c) => c.json(await svc.acceptInvitation(ctxOf(c), c.req.valid('param').token), 201, noStore));
