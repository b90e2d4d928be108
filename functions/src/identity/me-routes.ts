import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../platform/http/router';
import { json, problems, security } from '../platform/http/contract';
import { requirePrincipal } from '../platform/http/middleware';
import { ensureUser, getUser } from './users-store';
import { roles } from '../platform/auth/roles';
import { abilitiesOf, actorOf } from '../policy';
import { membershipsOf } from '../networks';

const can = z.boolean();
/** What the person may do in general, from the access policy; the web shows what these allow and never reasons about roles. */
export const AbilitiesSchema = z
  .object({
    academy: z.object({
      'draft-modules': can,
      'publish-modules': can,
      accredit: can,
      'plan-sessions': can,
      'publish-paths': can,
      'read-evaluations': can,
      'review-assignments': can,
      'read-trainer-sessions': can,
    }),
    learning: z.object({ portfolio: can, registers: can, mandatory: can, certificates: can, reports: can, audit: can, team: can, partners: can }),
    knowledge: z.object({ write: can, publish: can }),
    networks: z.array(z.object({ networkId: z.string(), write: can, publish: can })),
    /** Creates and archives networks and appoints their lead experts (/netwerken offers it). */
    manageNetworks: can,
    audiences: z.array(z.enum(['internal', 'partners', 'public'])),
    enrolAudiences: z.array(z.enum(['employees', 'partners', 'public'])),
    staff: can,
    partner: can,
  })
  .openapi('Abilities');

export const Me = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().optional(),
    roles: z.array(z.enum(roles)),
    title: z.string().optional(),
    organisationId: z.string().optional(),
    organisationName: z.string().optional(),
    abilities: AbilitiesSchema,
  })
  .openapi('Me');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Identiteit'],
  summary: 'Profiel van de aangemelde gebruiker',
  security,
  responses: {
    200: json(Me, 'Profiel'),
    ...problems({ 401: 'Niet aangemeld of token ongeldig', 503: 'Opslag niet bereikbaar' }),
  },
});

/** `/api/me` itself (app.ts mounts it there, next to what other features add under `/api/me`). */
export const meRoutes = newRouter().openapi(route, async (c) => {
  const principal = requirePrincipal(c);
  const store = c.get('deps').store;
  // The profile and the memberships (for abilities) in parallel: one round trip, not two.
  const [stored, memberships] = await Promise.all([getUser(store, principal.id), membershipsOf(store, principal.id)]);
  // First sign-in creates the profile; roles always come from the verified token, never from storage.
  const profile = stored ?? (await ensureUser(store, {
    id: principal.id,
    name: principal.name,
    email: principal.email,
    roles: principal.roles,
    organisationId: principal.organisationId,
    createdAt: new Date().toISOString(),
  }));
  const abilities = abilitiesOf(actorOf(principal, memberships));
  return c.json(
    {
      id: principal.id,
      name: profile.name,
      email: profile.email ?? principal.email,
      roles: principal.roles,
      title: profile.title,
      organisationId: principal.organisationId,
      organisationName: principal.organisationId ? profile.organisationName : undefined,
      abilities,
    },
    200,
  );
});
