import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../platform/http/router';
import { Problem, problemResponse } from '../platform/http/problem';
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
  path: '/api/dev/users',
  tags: ['Lokaal (alleen ontwikkelserver)'],
  summary: 'Demogebruikers om mee aan te melden',
  responses: { 200: { description: 'Demogebruikers', content: { 'application/json': { schema: z.array(DevUser) } } } },
});

const tokenRoute = createRoute({
  method: 'post',
  path: '/api/dev/token',
  tags: ['Lokaal (alleen ontwikkelserver)'],
  summary: 'ID-token voor een demogebruiker',
  request: {
    body: { required: true, content: { 'application/json': { schema: z.object({ userId: z.string().min(1).max(100) }).openapi('DevTokenRequest') } } },
  },
  responses: {
    200: { description: 'Token', content: { 'application/json': { schema: z.object({ token: z.string() }).openapi('DevToken') } } },
    400: problemResponse('Ongeldige invoer'),
    404: problemResponse('Onbekende demogebruiker'),
  },
});

export function devRoutes(issuer: DevIssuer) {
  return newRouter()
    .openapi(usersRoute, async (c) => {
      const users = (await listUsers(c.get('deps').store)).filter((u) => u.demo);
      return c.json(
        users.map(({ id, name, email, roles: r, title, organisationId, organisationName }) => ({ id, name, email, roles: r, title, organisationId, organisationName })),
        200,
      );
    })
    .openapi(tokenRoute, async (c) => {
      const { userId } = c.req.valid('json');
      const user = await getUser(c.get('deps').store, userId);
      if (!user?.demo) throw new Problem('notFound', `Geen demogebruiker met id ${userId}`);
      return c.json({ token: await issuer.mint(user) }, 200);
    });
}
