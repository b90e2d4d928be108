import { z } from '@hono/zod-openapi';
import { say } from '../../platform/http/language';
import { mandatoryStatuses } from './domain/validity';

/**
 * Request and response shapes of mandatory training and team compliance (`/api/academy/mandatory`,
 * `/api/me/mandatory`, `/api/teams`); the web imports their types (type-only).
 */
export const ModuleId = z.string().min(1).max(80);
const date = z.string().date();
const names = z.array(z.string().trim().min(1).max(80)).max(30);

export const AppliesToSchema = z
  .object({
    roles: names.optional().openapi({ description: 'Rollen (leeg: iedereen)' }),
    professions: names.optional().openapi({ description: 'Beroepen, bv. "verpleegkundige" (leeg: iedereen)' }),
    departments: names.optional().openapi({ description: 'Afdelingen (leeg: iedereen)' }),
  })
  .openapi('MandatoryAppliesTo');

/** PUT /api/academy/mandatory/{moduleId}: without `expectedRev` a new requirement, with it the revision last read. */
export const RequirementInputSchema = z
  .object({
    appliesTo: AppliesToSchema.default({}),
    validityMonths: z.number().int().min(1, say('Minstens 1 maand', 'At least 1 month')).max(120, say('Hoogstens 120 maanden', 'At most 120 months')),
    graceDays: z.number().int().min(0).max(365, say('Hoogstens 365 dagen', 'At most 365 days')),
    dueSoonDays: z.number().int().min(0).max(365, say('Hoogstens 365 dagen', 'At most 365 days')).default(60),
    since: date.openapi({ description: 'Vanaf deze datum geldt de verplichting (YYYY-MM-DD)' }),
    expectedRev: z.number().int().positive().optional(),
  })
  .openapi('MandatoryRequirementInput');

export const RequirementSchema = z
  .object({
    moduleId: z.string(),
    title: z.string(),
    kind: z.string(),
    appliesTo: AppliesToSchema,
    validityMonths: z.number().int(),
    graceDays: z.number().int(),
    dueSoonDays: z.number().int(),
    since: z.string(),
    rev: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.object({ id: z.string(), name: z.string() }),
  })
  .openapi('MandatoryRequirement');

export const RequirementListSchema = z.object({ requirements: z.array(RequirementSchema) }).openapi('MandatoryRequirements');

export const StatusSchema = z.enum(mandatoryStatuses);

/** One requirement's state for one person (dates are Amsterdam calendar dates). */
export const MandatoryStateSchema = z
  .object({
    moduleId: z.string(),
    title: z.string(),
    kind: z.string(),
    status: StatusSchema,
    completedOn: z.string().optional(),
    expiresOn: z.string().optional(),
    dueOn: z.string(),
    overdueOn: z.string(),
    validityMonths: z.number().int(),
  })
  .openapi('MandatoryState');

const SessionToBook = z.object({ sessionId: z.string(), start: z.string(), end: z.string(), location: z.string().optional(), online: z.boolean(), seatsLeft: z.number().int() });

/** GET /api/me/mandatory: my requirements, most urgent first, with the next session to book. */
export const MyMandatorySchema = z
  .object({
    asOf: z.string().openapi({ description: 'Vandaag (Europe/Amsterdam)' }),
    items: z.array(
      MandatoryStateSchema.extend({
        /** A future session of the module with seats left (for a module with sessions, when not valid). */
        nextSession: SessionToBook.optional(),
        /** An upcoming session of the module the learner already holds a seat (or waitlist place) in. */
        booked: z.object({ sessionId: z.string(), start: z.string(), status: z.enum(['enrolled', 'waitlisted']) }).optional(),
      }),
    ),
  })
  .openapi('MyMandatory');

/** GET /api/academy/mandatory/compliance: per department, people by their most urgent status. */
export const DepartmentComplianceSchema = z
  .object({
    asOf: z.string(),
    requirements: z.number().int(),
    departments: z.array(
      z.object({
        department: z.string(),
        members: z.number().int().openapi({ description: 'Medewerkers in de afdeling' }),
        compliant: z.number().int().openapi({ description: 'Alles geldig (of binnenkort te herhalen)' }),
        dueSoon: z.number().int().openapi({ description: 'Geldig, maar iets verloopt binnenkort' }),
        due: z.number().int().openapi({ description: 'Iets moet nu (nog nooit gedaan, of verlopen binnen de coulancetermijn)' }),
        overdue: z.number().int().openapi({ description: 'Iets is te laat' }),
      }),
    ),
  })
  .openapi('MandatoryDepartmentCompliance');
