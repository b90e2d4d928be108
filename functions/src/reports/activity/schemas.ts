import { z } from '@hono/zod-openapi';
import { say } from '../../platform/http/language';
import { quarterPattern } from '../domain/activity';

/** Request and response shapes of the network activity view (the web imports their types). */
export const QuarterActivitySchema = z
  .object({
    quarter: z.string().openapi({ example: '2026-Q4' }),
    membersJoined: z.number().int(),
    articlesPublished: z.number().int().openapi({ description: 'Nieuwe artikelen (eerste versie gepubliceerd)' }),
    articlesReviewed: z.number().int().openapi({ description: 'Herziene artikelen (een latere versie na review gepubliceerd)' }),
    eventsHeld: z.number().int(),
    attendance: z.number().int().openapi({ description: 'Aanwezigen bij de gehouden bijeenkomsten' }),
    questionsAsked: z.number().int(),
    questionsAnswered: z.number().int(),
    medianHoursToAnswer: z.number().nullable().openapi({ description: 'Mediaan van de uren tussen vraag en antwoord, over de antwoorden van het kwartaal' }),
  })
  .openapi('QuarterActivity');

export const NetworkActivityQuerySchema = z.object({
  year: z.coerce.number().int().min(2000, say('Een jaar vanaf 2000', 'A year from 2000')).max(2100, say('Een jaar tot 2100', 'A year up to 2100')).optional().openapi({ description: 'Weggelaten: dit jaar (Europe/Amsterdam)' }),
});

export const NetworkActivitySchema = z
  .object({ networkId: z.string(), name: z.string(), year: z.number().int(), members: z.number().int(), quarters: z.array(QuarterActivitySchema) })
  .openapi('NetworkActivity');

export const AcademyNetworkActivityQuerySchema = z.object({
  quarter: z.string().regex(quarterPattern, say('Een kwartaal als 2026-Q4', 'A quarter like 2026-Q4')).optional().openapi({ description: 'Weggelaten: het huidige kwartaal (Europe/Amsterdam)' }),
});

export const AcademyNetworkActivitySchema = z
  .object({
    quarter: z.string(),
    networks: z.array(QuarterActivitySchema.extend({ networkId: z.string(), name: z.string(), members: z.number().int() })),
  })
  .openapi('AcademyNetworkActivity');
