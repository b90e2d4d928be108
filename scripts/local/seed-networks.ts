import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { completeNetwork, createNetwork } from '../../functions/src/networks';
import { getUser } from '../../functions/src/identity';

const NetworkFile = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    theme: z.string(),
    description: z.string(),
    leads: z.array(z.string()).min(1),
    members: z.array(z.string()),
    kind: z.enum(['diagnosis', 'cross-cutting']),
    openToPartners: z.boolean(),
    goals: z.string(),
  }),
);

/**
 * The expert networks from content/networks/networks.json with their lead experts and members.
 * Idempotent: a network that exists keeps its members and page; fields it lacks (from before kind,
 * goals, status and counts existed) are filled in, lead rows are put in the lead index.
 */
export async function seedNetworks(store: StoreClients, contentDir: string) {
  const networks = NetworkFile.parse(JSON.parse(readFileSync(join(contentDir, 'networks', 'networks.json'), 'utf8')));
  for (const n of networks) {
    const members = await Promise.all(
      [...new Set([...n.leads, ...n.members])].map(async (userId) => ({
        userId,
        name: (await getUser(store, userId))?.name ?? userId,
        role: n.leads.includes(userId) ? ('lead' as const) : ('member' as const),
      })),
    );
    const { members: _ids, ...network } = n;
    if ((await createNetwork(store, network, members)) === 'exists') await completeNetwork(store, n);
  }
  return networks.length;
}
