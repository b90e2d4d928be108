import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { Problem, problemResponse } from '../http/problem';
import { requirePrincipal } from '../http/middleware';
import { getNetwork, listMembers, listNetworks, membershipsOf } from '../store/networks';
import { listDueForReview, listNetworkArticles, listReviewQueue } from '../store/articles';
import { canPublish, canWrite } from '../knowledge/workflow';
import * as signalSvc from '../services/signals';
import { knowledgeCtx } from './articles';
import { ArticleMetaSchema, DraftSchema, SignalSchema } from './knowledge-schemas';

const tags = ['Netwerken'];
const security = [{ bearer: [] }];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const NetworkSchema = z.object({ id: z.string(), name: z.string(), theme: z.string(), description: z.string(), leads: z.array(z.string()) }).openapi('Network');
const Params = z.object({ id: z.string().min(1).max(80) });
const errors = { 401: problemResponse('Niet aangemeld'), 403: problemResponse('Geen lid van dit netwerk'), 404: problemResponse('Onbekend netwerk') };

const list = createRoute({ method: 'get', path: '/api/networks', tags, summary: 'Alle expertnetwerken', responses: { 200: json(z.array(NetworkSchema), 'Netwerken') } });
const one = createRoute({
  method: 'get',
  path: '/api/networks/{id}',
  tags,
  summary: 'Een netwerk met leden',
  request: { params: Params },
  responses: { 200: json(NetworkSchema.extend({ members: z.array(z.object({ userId: z.string(), name: z.string(), role: z.enum(['lead', 'member']) })) }), 'Netwerk'), 404: errors[404] },
});
const articles = createRoute({
  method: 'get',
  path: '/api/networks/{id}/articles',
  tags,
  security,
  summary: 'Alle artikelen van het netwerk, ook concepten (voor auteurs en leidend experts)',
  request: { params: Params },
  responses: { 200: json(z.array(ArticleMetaSchema), 'Artikelen, laatst gewijzigd eerst'), ...errors },
});
const signals = createRoute({
  method: 'get',
  path: '/api/networks/{id}/signals',
  tags,
  security,
  summary: 'Open signalen van lezers over artikelen van dit netwerk',
  request: { params: Params },
  responses: { 200: json(z.array(SignalSchema), 'Open signalen, nieuwste eerst'), ...errors },
});
const mine = createRoute({
  method: 'get',
  path: '/api/me/knowledge',
  tags: ['Kennisbank'],
  security,
  summary: 'Mijn redactiewerk: netwerken, te reviewen concepten en artikelen over hun reviewdatum',
  responses: {
    200: json(
      z.object({
        networks: z.array(z.object({ networkId: z.string(), role: z.enum(['lead', 'member']), canWrite: z.boolean(), canPublish: z.boolean() })),
        reviewQueue: z.array(DraftSchema),
        overdue: z.array(ArticleMetaSchema),
      }),
      'Overzicht',
    ),
    401: errors[401],
  },
});

async function requireMember(c: Parameters<typeof knowledgeCtx>[0], networkId: string) {
  const p = requirePrincipal(c);
  if (!(await getNetwork(c.get('deps').store, networkId))) throw new Problem('notFound', `Onbekend netwerk: ${networkId}`);
  const ms = await membershipsOf(c.get('deps').store, p.id);
  if (!canWrite(p, networkId, ms) && !canPublish(p, networkId, ms)) throw new Problem('forbidden', 'Alleen auteurs en leidend experts van dit netwerk');
}

export const networkRoutes = newRouter()
  .openapi(list, async (c) => c.json(await listNetworks(c.get('deps').store), 200))
  .openapi(one, async (c) => {
    const store = c.get('deps').store;
    const { id } = c.req.valid('param');
    const network = await getNetwork(store, id);
    if (!network) throw new Problem('notFound', `Onbekend netwerk: ${id}`);
    return c.json({ ...network, members: await listMembers(store, id) }, 200);
  })
  .openapi(articles, async (c) => {
    const { id } = c.req.valid('param');
    await requireMember(c, id);
    return c.json(await listNetworkArticles(c.get('deps').store, id), 200);
  })
  .openapi(signals, async (c) => c.json(await signalSvc.openSignals(knowledgeCtx(c), c.req.valid('param').id), 200))
  .openapi(mine, async (c) => {
    const p = requirePrincipal(c);
    const store = c.get('deps').store;
    const ms = await membershipsOf(store, p.id);
    const today = new Date().toISOString().slice(0, 10);
    const leadOf = ms.filter((m) => canPublish(p, m.networkId, ms)).map((m) => m.networkId);
    const [queues, overdue] = await Promise.all([
      Promise.all(leadOf.map((n) => listReviewQueue(store, n))),
      // Overdue reviews concern the people who can act on them: the network's writers and leads.
      Promise.all(ms.filter((m) => canWrite(p, m.networkId, ms) || canPublish(p, m.networkId, ms)).map((m) => listDueForReview(store, m.networkId, today))),
    ]);
    return c.json(
      {
        networks: ms.map((m) => ({ ...m, canWrite: canWrite(p, m.networkId, ms), canPublish: canPublish(p, m.networkId, ms) })),
        reviewQueue: queues.flat(),
        overdue: overdue.flat(),
      },
      200,
    );
  });
