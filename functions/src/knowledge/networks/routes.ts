import { createRoute, z } from '@hono/zod-openapi';
import { newRouter, type AppContext } from '../../platform/http/router';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { json, problems, security } from '../../platform/http/contract';
import { requirePrincipal } from '../../platform/http/middleware';
import { getNetwork, listMembers, listNetworks, membershipsOf } from './store';
import { listDueForReview, listNetworkArticles, listReviewQueue } from '../articles/store';
import { actorOf, authorize, can, visibleMembers } from '../../policy';
import * as signalSvc from '../signals/service';
import { knowledgeCtx } from '../articles/routes';
import { ArticleMetaSchema, MyKnowledgeSchema, NetworkSchema, NetworkWithMembersSchema, SignalSchema } from '../schemas';

const tags = ['Netwerken'];
const Params = z.object({ id: z.string().min(1).max(80) });
const errors = problems({ 401: 'Niet aangemeld', 403: 'Geen lid van dit netwerk', 404: 'Onbekend netwerk' });

const list = createRoute({ method: 'get', path: '/', tags, summary: 'Alle expertnetwerken', responses: { 200: json(z.array(NetworkSchema), 'Netwerken') } });
const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'Een netwerk met leden (alle leden voor medewerkers; ketenpartners zien de leidend experts, anonieme bezoekers geen namen)',
  request: { params: Params },
  responses: { 200: json(NetworkWithMembersSchema, 'Netwerk'), 404: errors[404] },
});
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

/** Under `/api/networks`: the expert networks, their members, and (for members) their articles and signals. */
export const networkRoutes = newRouter()
  .openapi(list, async (c) => c.json(await listNetworks(c.get('deps').store), 200))
  .openapi(one, async (c) => {
    const store = c.get('deps').store;
    const { id } = c.req.valid('param');
    const network = await getNetwork(store, id);
    if (!network) throw new Problem('notFound', text(`Onbekend netwerk: ${id}`, `Unknown network: ${id}`));
    return c.json({ ...network, members: visibleMembers(actorOf(c.get('principal')), id, await listMembers(store, id)) }, 200);
  })
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
