import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { problemResponse } from '../http/problem';
import { requirePrincipal } from '../http/middleware';
import { ensureUser, getUser } from '../store/users';
import { roles } from '../auth/roles';

export const Me = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().optional(),
    roles: z.array(z.enum(roles)),
    title: z.string().optional(),
    organisationId: z.string().optional(),
    organisationName: z.string().optional(),
  })
  .openapi('Me');

const route = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['Identiteit'],
  summary: 'Profiel van de aangemelde gebruiker',
  security: [{ bearer: [] }],
  responses: {
    200: { description: 'Profiel', content: { 'application/json': { schema: Me } } },
    401: problemResponse('Niet aangemeld of token ongeldig'),
    503: problemResponse('Opslag niet bereikbaar'),
  },
});

export const meRoutes = newRouter().openapi(route, async (c) => {
  const principal = requirePrincipal(c);
  const store = c.get('deps').store;
  // First sign-in creates the profile; roles always come from the verified token, never from storage.
  const profile = (await getUser(store, principal.id)) ?? (await ensureUser(store, {
    id: principal.id,
    name: principal.name,
    email: principal.email,
    roles: principal.roles,
    organisationId: principal.organisationId,
    createdAt: new Date().toISOString(),
  }));
  return c.json(
    {
      id: principal.id,
      name: profile.name,
      email: profile.email ?? principal.email,
      roles: principal.roles,
      title: profile.title,
      organisationId: principal.organisationId,
      organisationName: principal.organisationId ? profile.organisationName : undefined,
    },
    200,
  );
});
