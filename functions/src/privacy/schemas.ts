import { z } from '@hono/zod-openapi';
import { say } from '../platform/http/language';

const Json = z.record(z.string(), z.unknown());

/** Everything the platform holds about the signed-in person (GET /api/me/personal-data). */
export const PersonalDataSchema = z
  .object({
    exportedAt: z.string(),
    person: z.object({ id: z.string() }),
    profile: Json.nullable().openapi({ description: 'Het profiel (naam, e-mail, rollen, afdeling, beroep, team)' }),
    learning: z.object({
      record: Json.openapi({ description: 'Mijn leren: inschrijvingen en afrondingen van modules en leerpaden, ingeleverd werk, gebeurtenissen met punten' }),
      sessions: z.array(Json).openapi({ description: 'Plaatsen in sessies (ook wachtlijst, afgemeld, aanwezig/afwezig)' }),
      evaluations: z.array(Json).openapi({ description: 'Gegeven evaluaties' }),
      files: z.array(Json).openapi({ description: 'Bestanden (gegevens, niet de inhoud)' }),
      fileObjects: z.array(z.string()).openapi({ description: 'De opgeslagen bestanden (sleutels in de bucket)' }),
    }),
    knowledge: z.object({ signals: z.array(Json), votes: z.array(Json), memberships: z.array(Json), questions: z.array(Json).openapi({ description: 'Consultatievragen die ik stelde, met het antwoord' }) }),
    scorm: z.array(z.object({ moduleId: z.string(), attempts: z.array(Json) })).openapi({ description: 'Pogingen aan e-learnings, met de toestand per onderdeel' }),
    portfolio: Json.nullable().openapi({ description: 'Portfolio: externe scholing, registraties, reflecties' }),
    certificates: z.array(Json),
    partner: z.object({ record: Json.nullable(), invitations: z.array(Json) }).openapi({ description: 'Ketenpartners: mijn registratie bij de organisatie en de uitnodigingen op mijn naam' }),
  })
  .openapi('PersonalData');

export const ErasureRequestSchema = z
  .object({
    personId: z.string().trim().min(1, say('Kies een persoon', 'Choose a person')).max(200),
    reason: z.string().trim().min(5, say('Geef de reden (minstens 5 tekens)', 'Give the reason (at least 5 characters)')).max(1000, say('Hoogstens 1000 tekens', 'At most 1000 characters')),
  })
  .openapi('ErasureRequest');

const PersonRef = z.object({ ref: z.string(), name: z.string().nullable().openapi({ description: 'Naam zolang de persoon bestaat; null na wissen' }) });

export const ErasureSchema = z
  .object({
    ref: z.string().openapi({ description: 'Pseudoniem van de gewiste persoon (HMAC van het id)' }),
    status: z.enum(['in-progress', 'done']),
    reason: z.string().openapi({ description: 'De reden; naam, e-mail en id van de persoon zijn vervangen door het pseudoniem' }),
    requestedBy: PersonRef,
    requestedAt: z.string(),
    completedAt: z.string().optional(),
    steps: z.array(z.object({ step: z.string(), at: z.string(), counts: z.record(z.string(), z.number()) })),
  })
  .openapi('Erasure');

export const ErasureListSchema = z.object({ erasures: z.array(ErasureSchema) }).openapi('ErasureList');

export const AuditQuerySchema = z.object({
  from: z.string().optional().openapi({ description: 'Eerste dag (jjjj-mm-dd, UTC); standaard 30 dagen voor `to`' }),
  to: z.string().optional().openapi({ description: 'Laatste dag (jjjj-mm-dd, UTC); standaard vandaag' }),
  action: z.string().max(80).optional().openapi({ description: 'Alleen deze handeling, bv. person.export' }),
  actor: z.string().max(200).optional().openapi({ description: 'Alleen wat deze persoon (id) deed' }),
});

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    actor: PersonRef,
    target: z.object({ kind: z.string(), id: z.string().optional(), ref: z.string().optional(), name: z.string().nullable().optional() }),
    requestId: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .openapi('AuditEntry');

export const AuditListSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    entries: z.array(AuditEntrySchema).openapi({ description: 'Nieuwste eerst; hoogstens 500' }),
    truncated: z.boolean(),
  })
  .openapi('AuditList');

export const PeopleSchema = z
  .object({ people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string().optional() })).openapi({ description: 'Op naam; hoogstens 1000' }) })
  .openapi('PrivacyPeople');

export type People = z.infer<typeof PeopleSchema>;
export type PersonalData = z.infer<typeof PersonalDataSchema>;
export type Erasure = z.infer<typeof ErasureSchema>;
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;
export type AuditList = z.infer<typeof AuditListSchema>;
