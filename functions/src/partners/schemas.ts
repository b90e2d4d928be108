import { z } from '@hono/zod-openapi';
import { say } from '../platform/http/language';
import { organisationKinds, organisationStatuses } from './domain/organisation';

/** Request and response shapes of partner organisations, their users and invitations (the web imports the types). */
const who = z.object({ id: z.string(), name: z.string() });
const idList = (nl: string, en: string) => z.array(z.string().min(1).max(100)).max(100, say(`Hoogstens 100 ${nl}`, `At most 100 ${en}`));

export const OrganisationIdSchema = z.string().regex(/^org-[a-z0-9-]{1,60}$/, say('Onbekende organisatie', 'Unknown organisation')).openapi({ example: 'org-hap-de-linde' });

export const ContactSchema = z
  .object({
    name: z.string().trim().min(2, say('Naam van de contactpersoon: minstens 2 tekens', "Contact person's name: at least 2 characters")).max(120, say('Hoogstens 120 tekens', 'At most 120 characters')),
    email: z.string().trim().email(say('Geen geldig e-mailadres', 'Not a valid e-mail address')).max(200),
    phone: z
      .string()
      .trim()
      .max(30, say('Hoogstens 30 tekens', 'At most 30 characters'))
      .regex(/^[0-9 +()-]*$/, say('Alleen cijfers, spaties en + ( ) -', 'Only digits, spaces and + ( ) -'))
      .optional(),
  })
  .openapi('PartnerContact');

export const OrganisationInputSchema = z
  .object({
    name: z.string().trim().min(2, say('Minstens 2 tekens', 'At least 2 characters')).max(120, say('Hoogstens 120 tekens', 'At most 120 characters')),
    kind: z.enum(organisationKinds, say('Kies een soort organisatie', 'Choose a kind of organisation')),
    contact: ContactSchema,
    networkIds: idList('netwerken', 'networks').default([]).openapi({ description: 'Netwerken die open staan voor ketenpartners; leeg = alle' }),
    moduleIds: idList('modules', 'modules').default([]).openapi({ description: 'Modules voor ketenpartners; leeg = alle' }),
  })
  .openapi('PartnerOrganisationInput');

export const OrganisationUpdateSchema = OrganisationInputSchema.extend({ rev: z.number().int().positive() }).openapi('PartnerOrganisationUpdate');

export const StatusChangeSchema = z
  .object({ reason: z.string().trim().min(3, say('Geef een reden (minstens 3 tekens)', 'Give a reason (at least 3 characters)')).max(500, say('Hoogstens 500 tekens', 'At most 500 characters')) })
  .openapi('PartnerStatusChange');

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    contact: z.object({ name: z.string(), email: z.string(), phone: z.string().optional() }),
    networkIds: z.array(z.string()),
    moduleIds: z.array(z.string()),
    status: z.enum(organisationStatuses),
    statusChangedAt: z.string(),
    statusChangedBy: who,
    statusReason: z.string().optional(),
    rev: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PartnerOrganisation');

export const OrganisationListSchema = z.object({ organisations: z.array(OrganisationSchema.extend({ users: z.number().int() })) }).openapi('PartnerOrganisationList');

export const PartnerUserSchema = z
  .object({
    userId: z.string(),
    organisationId: z.string(),
    name: z.string(),
    email: z.string(),
    status: z.enum(['active', 'removed']),
    joinedAt: z.string(),
    removedAt: z.string().optional(),
    removedBy: who.optional(),
  })
  .openapi('PartnerUser');

export const InvitationViewSchema = z
  .object({
    id: z.string().openapi({ description: 'Kenmerk van de uitnodiging (niet de link)' }),
    organisationId: z.string(),
    name: z.string(),
    email: z.string(),
    invitedBy: who,
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .openapi('PartnerInvitation');

export const PartnerUsersSchema = z.object({ users: z.array(PartnerUserSchema), invitations: z.array(InvitationViewSchema) }).openapi('PartnerUsers');

export const InvitationInputSchema = z
  .object({
    name: z.string().trim().min(2, say('Minstens 2 tekens', 'At least 2 characters')).max(120, say('Hoogstens 120 tekens', 'At most 120 characters')),
    email: z.string().trim().toLowerCase().email(say('Geen geldig e-mailadres', 'Not a valid e-mail address')).max(200),
  })
  .openapi('PartnerInvitationInput');

export const InvitationCreatedSchema = z
  .object({
    delivery: z.enum(['link', 'cognito']).openapi({ description: 'link: lokaal, de uitnodigingslink staat hieronder; cognito: AWS, Cognito mailt de uitnodiging' }),
    invitation: InvitationViewSchema.optional(),
    /** Local only: the link to hand to the invitee. */
    link: z.string().optional(),
    user: PartnerUserSchema.optional(),
  })
  .openapi('PartnerInvitationCreated');

export const InvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, say('Onbekende uitnodiging', 'Unknown invitation'));

export const InvitationPreviewSchema = z
  .object({ organisationName: z.string(), name: z.string(), email: z.string(), expiresAt: z.string() })
  .openapi('PartnerInvitationPreview');

export const AcceptedSchema = z.object({ userId: z.string(), organisationId: z.string(), organisationName: z.string(), name: z.string() }).openapi('PartnerInvitationAccepted');

export type OrganisationView = z.infer<typeof OrganisationSchema>;
export type OrganisationList = z.infer<typeof OrganisationListSchema>;
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;
export type PartnerUsers = z.infer<typeof PartnerUsersSchema>;
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
export type Accepted = z.infer<typeof AcceptedSchema>;
