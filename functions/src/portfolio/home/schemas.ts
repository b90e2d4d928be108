import { z } from '@hono/zod-openapi';
import { MyMandatorySchema } from '../mandatory/schemas';
import { StatusSchema } from '../mandatory/schemas';

/** GET /api/me/home: what matters today, per what the caller may do (each part only when it applies). */
const SessionLine = z.object({ id: z.string(), moduleId: z.string(), title: z.string(), start: z.string(), end: z.string(), enrolled: z.number().int(), capacity: z.number().int() });

export const HomeSchema = z
  .object({
    asOf: z.string().openapi({ description: 'Vandaag (Europe/Amsterdam)' }),
    /** Mandatory training that needs doing (not valid), most urgent first. */
    mandatory: z.object({ items: MyMandatorySchema.shape.items }).optional(),
    learning: z
      .object({
        nextSession: z.object({ sessionId: z.string(), moduleId: z.string().optional(), title: z.string().optional(), start: z.string(), end: z.string().optional(), status: z.string() }).optional(),
        continuePath: z.object({ pathId: z.string(), title: z.string(), percent: z.number(), step: z.object({ moduleId: z.string(), title: z.string() }) }).optional(),
      })
      .optional(),
    /** Registers where the current cycle still misses points or hours. */
    registers: z.array(z.object({ registerId: z.string(), registerName: z.string(), unit: z.string(), earned: z.number(), required: z.number(), missing: z.number(), daysLeft: z.number().int().optional() })).optional(),
    team: z
      .object({
        teamId: z.string(),
        teamName: z.string(),
        members: z.number().int(),
        overdueMembers: z.number().int(),
        /** Overdue and expired training, most urgent first (at most 10 lines). */
        overdue: z.array(z.object({ userId: z.string(), name: z.string(), moduleId: z.string(), title: z.string(), status: StatusSchema, overdueOn: z.string() })),
      })
      .optional(),
    trainer: z.object({ today: z.array(SessionLine), thisWeek: z.array(SessionLine), toReview: z.number().int().optional() }).optional(),
  })
  .openapi('Home');
