import { z } from '@hono/zod-openapi';
import { say } from '../platform/http/language';
import { isCalendarDate } from './domain/dates';
import { compilePattern } from './domain/registers';

/**
 * Request and response shapes of the portfolio core (registers, registrations, the timeline,
 * external learning, reflections, register progress): the OpenAPI document's schemas and, as
 * type-only imports, the web's types (web/src/features/portfolio/api.ts).
 */

export const RegisterIdSchema = z.string().min(2).max(60).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, say('Alleen kleine letters, cijfers en streepjes', 'Lower-case letters, digits and hyphens only'));
/** A portfolio entry as the timeline names it: `module:{id}`, `path:{id}` or `external:{id}`. */
export const EntryIdSchema = z.string().min(3).max(100).regex(/^(module|path|external):[A-Za-z0-9_-]+$/);
export const ExternalIdSchema = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/);
const CalendarDate = z.string().refine(isCalendarDate, say('Een datum als JJJJ-MM-DD', 'A date as YYYY-MM-DD')).openapi({ example: '2026-03-01', description: 'Kalenderdatum (Europe/Amsterdam)' });
const Unit = z.enum(['points', 'hours']);
const Amount = z.number().min(0).max(100_000);

// ---- registers -------------------------------------------------------------------------------------

const Category = z.object({
  id: RegisterIdSchema,
  name: z.string().trim().min(1).max(120),
  cap: z.number().positive().max(100_000).optional().openapi({ description: 'Hoogstens zoveel telt mee per cyclus' }),
});

const registerRules = {
  description: z.string().trim().max(500).default(''),
  unit: Unit,
  cycleYears: z.number().int().min(1).max(10),
  requiredTotal: z.number().positive().max(100_000),
  minimumAccredited: z.number().min(0).max(100_000).optional().openapi({ description: 'Minimaal zoveel uit geaccrediteerde activiteiten' }),
  categories: z.array(Category).max(12).default([]),
  registrationNumberPattern: z
    .string()
    .min(1)
    .max(200)
    .refine((p) => compilePattern(p) !== null, say('Geen geldige reguliere expressie', 'Not a valid regular expression'))
    .openapi({ description: 'Reguliere expressie voor het registratienummer, bijv. ^\\d{11}$ (BIG)' }),
  registrationNumberExample: z.string().trim().min(1).max(60).openapi({ description: 'Een voorbeeld dat bij het patroon past, voor de medewerker' }),
};

type RulesInput = { requiredTotal: number; minimumAccredited?: number; categories: Array<{ id: string }>; registrationNumberPattern: string; registrationNumberExample: string };
const consistent = <T extends z.ZodType<RulesInput>>(schema: T) =>
  schema
    .refine((r) => r.minimumAccredited === undefined || r.minimumAccredited <= r.requiredTotal, { path: ['minimumAccredited'], ...say('Niet meer dan het totaal', 'Not more than the required total') })
    .refine((r) => new Set(r.categories.map((c) => c.id)).size === r.categories.length, { path: ['categories'], ...say('Elke categorie een eigen id', 'Each category needs its own id') })
    .refine((r) => compilePattern(r.registrationNumberPattern)?.test(r.registrationNumberExample) ?? true, { path: ['registrationNumberExample'], ...say('Het voorbeeld past niet bij het patroon', 'The example does not match the pattern') });

/** POST /api/registers */
export const RegisterInputSchema = consistent(
  z.object({ id: RegisterIdSchema, name: z.string().trim().min(2).max(120).openapi({ description: 'De naam die modules in hun accreditatie gebruiken (register); vast na het aanmaken' }), ...registerRules }),
).openapi('RegisterInput');

/** PUT /api/registers/{id}: the rules (the name stays), optimistic on `rev`. */
export const RegisterUpdateSchema = consistent(z.object({ ...registerRules, rev: z.number().int().positive() })).openapi('RegisterUpdate');

export const RegisterSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    unit: Unit,
    cycleYears: z.number().int(),
    requiredTotal: z.number(),
    minimumAccredited: z.number().optional(),
    categories: z.array(z.object({ id: z.string(), name: z.string(), cap: z.number().optional() })),
    registrationNumberPattern: z.string(),
    registrationNumberExample: z.string(),
    rev: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Register');

// ---- registrations ---------------------------------------------------------------------------------

const registrationFields = {
  registrationNumber: z.string().trim().min(1).max(40),
  cycleStart: CalendarDate.openapi({ description: 'Begin van de huidige registratiecyclus (inclusief)' }),
  shareWithManager: z.boolean().default(false).openapi({ description: 'Voortgang delen met de eigen teamleider' }),
};
export const RegistrationInputSchema = z.object({ registerId: RegisterIdSchema, ...registrationFields }).openapi('RegistrationInput');
export const RegistrationUpdateSchema = z.object({ ...registrationFields, rev: z.number().int().positive() }).openapi('RegistrationUpdate');
export const RegistrationSchema = z
  .object({
    registerId: z.string(),
    registerName: z.string(),
    registrationNumber: z.string(),
    cycleStart: z.string(),
    shareWithManager: z.boolean(),
    rev: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Registration');

// ---- entries -----------------------------------------------------------------------------------------

const ExternalPoints = z.object({ registerId: RegisterIdSchema, amount: z.number().positive().max(1000), category: RegisterIdSchema.optional() });
const externalFields = {
  title: z.string().trim().min(2).max(200),
  provider: z.string().trim().min(1).max(200),
  date: CalendarDate,
  hours: z.number().min(0).max(2000).openapi({ description: 'Studiebelasting in uren' }),
  accreditationNumber: z.string().trim().max(80).optional().openapi({ description: 'Accreditatienummer; met nummer telt de activiteit als geaccrediteerd' }),
  description: z.string().trim().max(2000).optional(),
  points: z.array(ExternalPoints).max(10).default([]).openapi({ description: 'Punten of uren per register, in de eenheid van het register' }),
};
const distinctRegisters = <T extends z.ZodType<{ points: Array<{ registerId: string }> }>>(s: T) =>
  s.refine((e) => new Set(e.points.map((p) => p.registerId)).size === e.points.length, { path: ['points'], ...say('Elk register één keer', 'Each register once') });
export const ExternalEntryInputSchema = distinctRegisters(z.object(externalFields)).openapi('ExternalEntryInput');
export const ExternalEntryUpdateSchema = distinctRegisters(z.object({ ...externalFields, rev: z.number().int().positive() })).openapi('ExternalEntryUpdate');

export const ReflectionInputSchema = z
  .object({
    text: z.string().trim().max(5000).openapi({ description: 'Leeg verwijdert de reflectie' }),
    sharedWithManager: z.boolean().default(false).openapi({ description: 'Standaard privé; gedeeld ziet alleen de eigen teamleider hem' }),
  })
  .openapi('ReflectionInput');

export const ReflectionSchema = z.object({ text: z.string(), sharedWithManager: z.boolean(), updatedAt: z.string() }).openapi('Reflection');

const EntryPointsSchema = z.object({ register: z.string(), amount: z.number(), accredited: z.boolean(), accreditationNumber: z.string().optional(), category: z.string().optional() });

export const PortfolioEntrySchema = z
  .object({
    id: z.string().openapi({ description: 'module:{id}, path:{id} of external:{id}' }),
    source: z.enum(['module', 'path', 'external']),
    title: z.string(),
    completedAt: z.string(),
    date: z.string().openapi({ description: 'Kalenderdatum in Europe/Amsterdam' }),
    moduleId: z.string().optional(),
    kind: z.string().optional(),
    completedBy: z.string().optional().openapi({ description: 'Wat de module afrondde: attendance, assignment-approved, scorm, …' }),
    pathId: z.string().optional(),
    provider: z.string().optional(),
    hours: z.number().optional(),
    description: z.string().optional(),
    accreditationNumber: z.string().optional(),
    points: z.array(EntryPointsSchema),
    result: z.object({ success: z.string(), percent: z.number().optional(), timeSeconds: z.number() }).optional().openapi({ description: 'E-learning: wat het pakket rapporteerde (zelf gerapporteerd)' }),
    evidence: z.object({ fileName: z.string(), contentType: z.string(), bytes: z.number(), url: z.string() }).optional(),
    rev: z.number().int().optional(),
    reflection: ReflectionSchema.optional(),
  })
  .openapi('PortfolioEntry');

export const TimelineQuerySchema = z.object({
  register: RegisterIdSchema.optional().openapi({ description: 'Alleen activiteiten met punten voor dit register' }),
  year: z.coerce.number().int().min(1990).max(2200).optional(),
});

export const TimelineSchema = z
  .object({
    entries: z.array(PortfolioEntrySchema),
    total: z.number().int().openapi({ description: 'Aantal activiteiten zonder filter' }),
    registers: z.array(z.object({ id: z.string(), name: z.string(), unit: Unit })).openapi({ description: 'Alle registers (voor filter en formulier)' }),
    years: z.array(z.number().int()).openapi({ description: 'Jaren met activiteiten, nieuwste eerst' }),
  })
  .openapi('PortfolioTimeline');

// ---- progress ------------------------------------------------------------------------------------------

export const RegisterProgressSchema = z
  .object({
    registration: RegistrationSchema,
    register: RegisterSchema,
    cycle: z.object({ start: z.string().openapi({ description: 'Inclusief' }), end: z.string().openapi({ description: 'Exclusief: de eerste dag van de volgende cyclus' }), number: z.number().int(), daysLeft: z.number().int() }),
    unit: Unit,
    required: z.number(),
    earned: z.number(),
    earnedAccredited: z.number(),
    earnedOther: z.number(),
    minimumAccredited: z.number().nullable(),
    missing: z.number(),
    missingAccredited: z.number(),
    complete: z.boolean(),
    categories: z.array(z.object({ id: z.string().nullable(), name: z.string().nullable(), cap: z.number().nullable(), total: z.number(), counted: z.number(), accredited: z.number() })),
    entries: z.number().int().openapi({ description: 'Aantal activiteiten dat in deze cyclus meetelt' }),
    suggestions: z.array(z.object({ moduleId: z.string(), title: z.string(), kind: z.string(), amount: z.number(), accreditationNumber: z.string().optional() })).openapi({ description: 'Gepubliceerde modules met accreditatie voor dit register die nog niet zijn afgerond (meeste punten eerst)' }),
  })
  .openapi('RegisterProgress');

export const DeletedSchema = z.object({ deleted: z.string() });
