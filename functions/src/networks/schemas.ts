import { z } from '@hono/zod-openapi';
import { say } from '../platform/http/language';

/**
 * Request and response shapes of the networks routes: the OpenAPI document's schemas and, as
 * type-only imports, the web's types (web/src/features/networks/api.ts, and the network names
 * knowledge and learning show).
 */
export const NetworkRoleSchema = z.enum(['lead', 'author', 'member']).openapi({ description: 'lead = leidend expert; author = netwerkauteur (schrijft in dit netwerk); member = lid' });
export const NetworkKindSchema = z.enum(['diagnosis', 'cross-cutting']).openapi({ description: 'diagnosis = rond een diagnose; cross-cutting = overstijgend thema' });
export const NetworkStatusSchema = z.enum(['active', 'archived']);
const Person = z.object({ userId: z.string(), name: z.string() });

/** An expert network as the overview lists it (GET /api/networks). */
export const NetworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    theme: z.string(),
    kind: NetworkKindSchema,
    openToPartners: z.boolean(),
    description: z.string(),
    status: NetworkStatusSchema,
    memberCount: z.number().int(),
    leads: z.array(z.string()).openapi({ description: 'User ids of the lead experts (names in `leadExperts`, for signed-in callers)' }),
    leadExperts: z.array(Person).openapi({ description: 'Lead experts by name: for signed-in callers; empty for anonymous visitors' }),
    lastActivityAt: z.string().optional(),
    myRole: NetworkRoleSchema.nullable().openapi({ description: "The caller's role in the network; null when not a member (or anonymous)" }),
  })
  .openapi('Network');

export const NetworkMemberSchema = z.object({ userId: z.string(), name: z.string(), role: NetworkRoleSchema, joinedAt: z.string().optional() }).openapi('NetworkMember');

/** GET /api/networks/{id}: the page; the members shown depend on who asks (members see members, partners the lead experts). */
export const NetworkPageSchema = NetworkSchema.extend({
  goals: z.string().openapi({ description: 'Markdown, for editing' }),
  goalsHtml: z.string().openapi({ description: 'Sanitised HTML (the articles’ renderer and allow-list)' }),
  rev: z.number().int(),
  members: z.array(NetworkMemberSchema),
  can: z.object({ join: z.boolean(), leave: z.boolean(), editPage: z.boolean(), manageMembers: z.boolean(), archive: z.boolean() }).openapi({ description: 'What the caller may do here (the API checks again)' }),
}).openapi('NetworkPage');
/** The name knowledge's pages used; the page is a superset of it. */
export const NetworkWithMembersSchema = NetworkPageSchema;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
export const OverviewQuerySchema = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Words in name, theme, description or a lead expert’s name (case and accents ignored)' }),
  kind: NetworkKindSchema.optional(),
  theme: z.string().max(80).optional(),
  openToPartners: boolParam.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
  status: z.enum(['active', 'archived', 'all']).optional().openapi({ description: 'Default: active networks only' }),
});

const description = z.string().trim().min(10, say('Minstens 10 tekens', 'At least 10 characters')).max(2000, say('Maximaal 2000 tekens', 'At most 2,000 characters'));
const goals = z.string().max(5000, say('Maximaal 5000 tekens', 'At most 5,000 characters'));

export const EditPageSchema = z
  .object({ description, goals, expectedRev: z.number().int().min(1).openapi({ description: 'The `rev` the edit started from' }) })
  .openapi('NetworkPageEdit');

export const CreateNetworkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, say('Alleen kleine letters, cijfers en koppeltekens', 'Only lower-case letters, digits and hyphens')).max(60).optional(),
    name: z.string().trim().min(3, say('Minstens 3 tekens', 'At least 3 characters')).max(120, say('Maximaal 120 tekens', 'At most 120 characters')),
    theme: z.string().trim().min(2, say('Minstens 2 tekens', 'At least 2 characters')).max(80),
    kind: NetworkKindSchema,
    openToPartners: z.boolean().default(false),
    description,
    goals: goals.default(''),
    leads: z.array(z.string().min(1).max(100)).max(10).default([]).openapi({ description: 'User ids of the first lead experts' }),
  })
  .openapi('CreateNetwork');

export const RoleInputSchema = z.object({ role: NetworkRoleSchema }).openapi('NetworkRoleInput');

export const MembershipSchema = z.object({ networkId: z.string(), userId: z.string(), role: NetworkRoleSchema, memberCount: z.number().int() }).openapi('NetworkMembership');
