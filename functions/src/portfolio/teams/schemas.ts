import { z } from '@hono/zod-openapi';
import { MandatoryStateSchema, StatusSchema } from '../mandatory/schemas';

/** Shapes of `/api/teams` (a team manager's own team; the web imports their types). */
export const TeamId = z.string().min(1).max(80);

export const MyTeamSchema = z.object({ teamId: z.string(), teamName: z.string(), members: z.number().int() }).openapi('MyTeam');

const RegisterProgress = z.object({ registerId: z.string(), registerName: z.string(), unit: z.string(), earned: z.number(), required: z.number(), missing: z.number(), cycleEnd: z.string().optional(), daysLeft: z.number().int().optional() });

export const TeamComplianceSchema = z
  .object({
    teamId: z.string(),
    teamName: z.string(),
    asOf: z.string().openapi({ description: 'Vandaag (Europe/Amsterdam)' }),
    counts: z.object({ members: z.number().int(), overdue: z.number().int(), due: z.number().int(), dueSoon: z.number().int(), compliant: z.number().int() }),
    /** Most urgent first (overdue first), then by name. */
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        profession: z.string().optional(),
        worst: StatusSchema.optional(),
        items: z.array(MandatoryStateSchema),
        /** Register progress, only when the member shares it with their team manager. */
        registers: z.array(RegisterProgress).optional(),
        shared: z.boolean(),
      }),
    ),
  })
  .openapi('TeamCompliance');
