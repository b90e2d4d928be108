import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { commonProblems, json, security } from '../../platform/http/contract';
import { ctxOf } from '../context';
import { AcademyNetworkActivityQuerySchema, AcademyNetworkActivitySchema, NetworkActivityQuerySchema, NetworkActivitySchema } from './schemas';
import * as svc from './service';

const tags = ['Rapportage'];

const perNetwork = createRoute({
  method: 'get',
  path: '/{id}/activity',
  tags,
  security,
  summary: 'Activiteit van een netwerk per kwartaal (leidend experts en de academie): aanmeldingen, artikelen, bijeenkomsten, vragen; alleen aantallen',
  request: { params: z.object({ id: z.string().min(1).max(80) }), query: NetworkActivityQuerySchema },
  responses: { 200: json(NetworkActivitySchema, 'De kwartalen van het jaar'), ...commonProblems },
});

const academy = createRoute({
  method: 'get',
  path: '/network-activity',
  tags,
  security,
  summary: 'Alle netwerken naast elkaar in één kwartaal (academie); alleen aantallen',
  request: { query: AcademyNetworkActivityQuerySchema },
  responses: { 200: json(AcademyNetworkActivitySchema, 'Per netwerk de cijfers van het kwartaal'), ...commonProblems },
});

/** Under `/api/networks`: a network's activity. */
export const networkActivityRoutes = newRouter().openapi(perNetwork, async (c) => {
  c.header('cache-control', 'private, no-store');
  return c.json(await svc.networkActivity(ctxOf(c), c.req.valid('param').id, c.req.valid('query').year), 200);
});

/** Under `/api/academy`: the networks side by side. */
export const academyNetworkActivityRoutes = newRouter().openapi(academy, async (c) => {
  c.header('cache-control', 'private, no-store');
  return c.json(await svc.academyNetworkActivity(ctxOf(c), c.req.valid('query').quarter), 200);
});
