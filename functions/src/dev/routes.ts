import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../platform/http/router';
import { Problem } from '../platform/http/problem';
import { text } from '../platform/http/language';
import { body, json, problems } from '../platform/http/contract';
import { getUser, listUsers } from '../identity';
import { Me } from '../identity';
import type { DevIssuer } from './issuer';

/**
 * LOCAL ONLY: demo sign-in for people and automation. Imported solely by the local server;
 * the Lambda entry never imports this file (tests/integration/lambda-bundle.test.ts proves it).
 */
// A demo user is shown with the same fields as a signed-in profile.
const DevUser = Me.omit({ abilities: true });

const usersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Lokaal (alleen ontwikkelserver)'],
  summary: 'Demogebruikers om mee aan te melden',
  responses: { 200: json(z.array(DevUser), 'Demogebruikers') },
});

const tokenRoute = createRoute({
  method: 'post',
  path: '/token',
  tags: ['Lokaal (alleen ontwikkelserver)'],
  summary: 'ID-token voor een demogebruiker',
  request: body(z.object({ userId: z.string().min(1).max(100) }).openapi('DevTokenRequest')),
  responses: {
    200: json(z.object({ token: z.string() }).openapi('DevToken'), 'Token'),
    ...problems({ 400: 'Ongeldige invoer', 404: 'Onbekende demogebruiker' }),
  },
});

/** Where the dev routes answer; their own paths are relative to it. */
const devBase = '/api/dev';

/**
 * The dev routes, already mounted at `/api/dev`: the local server hands them to `createApp` as an
 * extra (the app itself never imports this folder, so the base is named here rather than in app.ts).
 */
export function devRoutes(issuer: DevIssuer) {
  const dev = newRouter()
    .openapi(usersRoute, async (c) => {
      // Demo users, and partners who accepted an invitation locally (functions/src/partners).
      const users = (await listUsers(c.get('deps').store)).filter((u) => u.demo || u.invited);
      return c.json(
        users.map(({ id, name, email, roles: r, title, organisationId, organisationName }) => ({ id, name, email, roles: r, title, organisationId, organisationName })),
        200,
      );
    })
    .openapi(tokenRoute, async (c) => {
      const { userId } = c.req.valid('json');
      const user = await getUser(c.get('deps').store, userId);
      if (!user?.demo && !user?.invited) throw new Problem('notFound', text(`Geen demogebruiker met id ${userId}`, `No demo user with id ${userId}`));
      return c.json({ token: await issuer.mint(user) }, 200);
    });
  return newRouter().route(devBase, dev);
}
