import { z } from '@hono/zod-openapi';

const Count = z.number().int().min(0);

export const ScormReportSchema = z
  .object({
    moduleId: z.string(),
    title: z.string().openapi({ description: 'De titel van de module' }),
    selfReported: z.literal(true).openapi({ description: 'Scores, statussen en antwoorden komen van het pakket in de browser (zelf gerapporteerd); tijden zijn de eigen telling van de server' }),
    generatedAt: z.string(),
    latestVersion: z.number().int().nullable().openapi({ description: 'De pakketversie waarmee nieuwe pogingen starten' }),
    learners: z.object({ started: Count, completed: Count, passed: Count, failed: Count, inProgress: Count }).openapi({ description: 'Deelnemers (niet pogingen): met een poging, met een afgeronde poging, geslaagd, gezakt zonder geslaagde poging, nu bezig' }),
    passRate: z.number().min(0).max(1).nullable().openapi({ description: 'Geslaagd ÷ (geslaagd + gezakt) deelnemers; null als het pakket niemand beoordeelde' }),
    averageScore: z.number().nullable().openapi({ description: 'Gemiddelde score in procenten over afgeronde pogingen met een score' }),
    averageTimeSeconds: z.number().nullable().openapi({ description: 'Gemiddelde tijd (seconden, door de server geteld) over afgeronde pogingen' }),
    attempts: z.object({
      total: Count,
      inProgress: Count,
      completed: Count,
      failed: Count,
      finished: Count,
      byVersion: z.array(z.object({ version: z.number().int(), count: Count })),
    }),
    attemptsOverTime: z.array(z.object({ weekStart: z.string().openapi({ description: 'Maandag (UTC), YYYY-MM-DD' }), started: Count, finished: Count })).openapi({ description: 'Per week, van de eerste poging tot nu (hoogstens 104 weken)' }),
    interactions: z
      .array(
        z.object({
          scoId: z.string(),
          id: z.string(),
          description: z.string().optional(),
          type: z.string().optional(),
          responses: Count,
          correct: Count,
          wrong: Count,
          shareCorrect: z.number().min(0).max(1).nullable(),
          wrongAnswers: z.array(z.object({ response: z.string(), count: Count })).openapi({ description: 'De drie meest gegeven foute antwoorden' }),
        }),
      )
      .openapi({ description: 'Per vraag (interaction) van elke SCO' }),
  })
  .openapi('ScormReport');
