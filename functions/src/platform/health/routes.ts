import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../http/router';
import { json, problemResponse } from '../http/contract';
import { problemJson } from '../http/errors';
import { text } from '../http/language';
import { checkStores } from './check';

const Check = z.object({ status: z.enum(['ok', 'down']), latencyMs: z.number(), error: z.string().optional() });
const Health = z
  .object({ status: z.literal('ok'), mode: z.enum(['local', 'aws']), checks: z.record(z.string(), Check) })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['Platform'],
  summary: 'Bereikbaarheid van tabel en buckets',
  description: 'Antwoordt binnen 2 seconden: 200 als alles bereikbaar is, anders 503 (problem+json) met de stand per onderdeel.',
  responses: {
    200: json(Health, 'Alles bereikbaar'),
    503: problemResponse('Een onderdeel is niet bereikbaar'),
  },
});

// Each check gets 1.5 s, leaving headroom for the whole answer within 2 s.
const checkTimeoutMs = 1500;

/** `/api/health` (app.ts mounts it there). */
export const healthRoutes = newRouter().openapi(route, async (c) => {
  const deps = c.get('deps');
  c.header('cache-control', 'no-store');
  const { healthy, checks } = await checkStores(deps.store, checkTimeoutMs);
  if (!healthy) {
    const down = Object.entries(checks).filter(([, v]) => v.status === 'down').map(([k]) => k);
    c.header('retry-after', '5');
    return problemJson(c, 'storeUnavailable', text(`Niet bereikbaar: ${down.join(', ')}`, `Not reachable: ${down.join(', ')}`), { checks }) as never;
  }
  return c.json({ status: 'ok' as const, mode: deps.config.mode, checks }, 200);
});
