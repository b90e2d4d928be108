import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../platform/http/router';
import { body, json, problemResponse, security } from '../../platform/http/contract';
import { NetworkEventInputSchema, NetworkEventSchema, NetworkEventsSchema, SessionSchema } from '../schemas';
import { ctxOf } from '../shared/context';
import { errors, Id } from '../shared/contract';
import * as svc from './network-events';

const tags = ['Netwerkbijeenkomsten'];

const list = createRoute({
  method: 'get',
  path: '/{id}/events',
  tags,
  summary: 'Komende bijeenkomsten van het netwerk (sessies van zijn evenementmodules die de aanvrager mag zien)',
  request: { params: z.object({ id: Id }) },
  responses: { 200: json(NetworkEventsSchema, 'Bijeenkomsten, eerstvolgende eerst'), 404: errors[404] },
});
const plan = createRoute({
  method: 'post',
  path: '/{id}/events',
  tags,
  security,
  summary: 'Een bijeenkomst plannen (leidend experts van het netwerk): een sessie van een evenementmodule van het netwerk, met inschrijving, wachtlijst, aanwezigheid en agenda-uitnodiging',
  request: { params: z.object({ id: Id }), ...body(NetworkEventInputSchema) },
  responses: { 201: json(SessionSchema, 'De sessie'), ...errors, 422: problemResponse('Geen evenementmodule van dit netwerk') },
});
const mine = createRoute({
  method: 'get',
  path: '/network-events',
  tags,
  security,
  summary: 'Mijn leren: komende bijeenkomsten van mijn netwerken waarvoor ik niet ingeschreven ben',
  responses: { 200: json(z.array(NetworkEventSchema), 'Bijeenkomsten'), 401: errors[401] },
});

/** Under `/api/networks`: a network's events. */
export const networkEventRoutes = newRouter()
  .openapi(list, async (c) => c.json(await svc.upcomingNetworkEvents(ctxOf(c), c.req.valid('param').id), 200))
  .openapi(plan, async (c) => c.json(await svc.planNetworkEvent(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201));

/** Under `/api/me`: the events of my networks. */
export const myNetworkEventRoutes = newRouter().openapi(mine, async (c) => c.json(await svc.myNetworkEvents(ctxOf(c)), 200));
