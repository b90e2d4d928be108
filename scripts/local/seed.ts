import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StoreClients } from '../../functions/src/platform/store/clients';
import { ensureUser } from '../../functions/src/identity/users-store';
import { roles } from '../../functions/src/platform/auth/roles';
import { organisationKinds, organisationStatuses, seedOrganisations } from '../../functions/src/partners';

/** A partner organisation (functions/src/partners): managed by the academy once seeded. */
const Organisation = z.object({
  id: z.string().regex(/^org-[a-z0-9-]+$/),
  name: z.string(),
  kind: z.enum(organisationKinds),
  contact: z.object({ name: z.string(), email: z.string().email(), phone: z.string().optional() }),
  networkIds: z.array(z.string()).default([]),
  moduleIds: z.array(z.string()).default([]),
  status: z.enum(organisationStatuses).default('active'),
  statusReason: z.string().optional(),
});
const DemoUser = z.object({
  id: z.string().regex(/^u-[a-z0-9-]+$/),
  name: z.string(),
  email: z.string().email(),
  roles: z.array(z.enum(roles)).min(1),
  title: z.string(),
  organisationId: z.string().optional(),
  department: z.string().optional(),
  profession: z.string().optional(),
  teamId: z.string().optional(),
  teamName: z.string().optional(),
});

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export interface SeedReport {
  organisations: number;
  users: number;
}

/**
 * Loads the demo content from content/ into the table. Idempotent: items have deterministic
 * keys and are written only when absent, so a second start duplicates and overwrites nothing.
 */
export async function seedContent(store: StoreClients, contentDir: string): Promise<SeedReport> {
  const orgs = readJson(join(contentDir, 'people', 'organisations.json'), z.array(Organisation));
  const users = readJson(join(contentDir, 'people', 'users.json'), z.array(DemoUser));
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));

  for (const u of users) {
    if (u.roles.includes('partner') && !u.organisationId) throw new Error(`Demo partner ${u.id} has no organisationId`);
    if (u.organisationId && !orgNames.has(u.organisationId)) throw new Error(`Demo user ${u.id}: unknown organisation ${u.organisationId}`);
    await ensureUser(store, {
      ...u,
      organisationName: u.organisationId ? orgNames.get(u.organisationId) : undefined,
      demo: true,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  }
  // After the profiles: the organisations and their users' partner records (the request check reads both).
  await seedOrganisations(store, orgs, users);
  return { organisations: orgs.length, users: users.length };
}
