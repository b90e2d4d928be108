import { createRoute, z } from '@hono/zod-openapi';
import { newRouter, type AppContext } from '../../platform/http/router';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { json, problems, security } from '../../platform/http/contract';
import { requirePrincipal } from '../../platform/http/middleware';
import { getNetwork, membershipsOf } from '../../networks';
import { listDueForReview, listNetworkArticles, listReviewQueue } from '../articles/store';
import { actorOf, authorize, can } from '../../policy';
import * as signalSvc from '../signals/service';
import { knowledgeCtx } from '../articles/routes';
import { ArticleMetaSchema, MyKnowledgeSchema, SignalSchema } from '../schemas';

const tags = ['Netwerken'];
const Params = z.object({ id: z.string().min(1).max(80) });
const errors = problems({ 401: 'Niet aangemeld', 403: 'Geen lid van dit netwerk', 404: 'Onbekend netwerk' });

const articles = createRoute({
  method: 'get',
  path: '/{id}/articles',
  tags,
  security,
  summary: 'Alle artikelen van het netwerk, ook concepten (voor auteurs en leidend experts)',
  request: { params: Params },
  responses: { 200: json(z.array(ArticleMetaSchema), 'Artikelen, laatst gewijzigd eerst'), ...errors },
});
const signals = createRoute({
  method: 'get',
  path: '/{id}/signals',
  tags,
  security,
  summary: 'Open signalen van lezers over artikelen van dit netwerk',
  request: { params: Params },
  responses: { 200: json(z.array(SignalSchema), 'Open signalen, nieuwste eerst'), ...errors },
});
const mine = createRoute({
  method: 'get',
  path: '/knowledge',
  tags: ['Kennisbank'],
  security,
  summary: 'Mijn redactiewerk: netwerken, te reviewen concepten en artikelen over hun reviewdatum',
  responses: { 200: json(MyKnowledgeSchema, 'Overzicht'), 401: errors[401] },
});

async function requireMember(c: AppContext, networkId: string) {
  const p = requirePrincipal(c);
  if (!(await getNetwork(c.get('deps').store, networkId))) throw new Problem('notFound', text(`Onbekend netwerk: ${networkId}`, `Unknown network: ${networkId}`));
  authorize(actorOf(p, await membershipsOf(c.get('deps').store, p.id)), 'network', 'read-articles', { networkId });
}

/**
 * Under `/api/networks`, next to the networks feature's own routes (app.ts joins them): a network's
 * articles and signals, for its writers.
 */
export const networkRoutes = newRouter()
  .openapi(articles, async (c) => {
    const { id } = c.req.valid('param');
    await requireMember(c, id);
    return c.json(await listNetworkArticles(c.get('deps').store, id), 200);
  })
  .openapi(signals, async (c) => c.json(await signalSvc.openSignals(knowledgeCtx(c), c.req.valid('param').id), 200));

/** Under `/api/me`: my editorial work. */
export const myKnowledgeRoutes = newRouter()
  .openapi(mine, async (c) => {
    const p = requirePrincipal(c);
    const store = c.get('deps').store;
    const ms = await membershipsOf(store, p.id);
    const actor = actorOf(p, ms);
    const mayWrite = (networkId: string) => can(actor, 'network', 'write', { networkId });
    const mayPublish = (networkId: string) => can(actor, 'network', 'publish', { networkId });
    const today = new Date().toISOString().slice(0, 10);
    const leadOf = ms.filter((m) => mayPublish(m.networkId)).map((m) => m.networkId);
    const [queues, overdue] = await Promise.all([
      Promise.all(leadOf.map((n) => listReviewQueue(store, n))),
      // Overdue reviews concern the people who can act on them: the network's writers and leads.
      Promise.all(ms.filter((m) => mayWrite(m.networkId)).map((m) => listDueForReview(store, m.networkId, today))),
    ]);
    return c.json(
      {
        networks: ms.map((m) => ({ ...m, canWrite: mayWrite(m.networkId), canPublish: mayPublish(m.networkId) })),
        reviewQueue: queues.flat(),
        overdue: overdue.flat(),
      },
      200,
    );
  });
