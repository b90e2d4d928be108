import { z } from '@hono/zod-openapi';
import { say } from '../platform/http/language';
import { monthPattern } from '../platform/domain/months';

const Month = z.string().regex(monthPattern, say('Een maand als jjjj-mm', 'A month as yyyy-mm'));
const FilterId = z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/, say('Ongeldige id', 'Invalid id'));

export const ReportsQuerySchema = z
  .object({
    from: Month.optional().openapi({ description: 'Eerste maand (jjjj-mm, Europe/Amsterdam); standaard 11 maanden vóór `to`' }),
    to: Month.optional().openapi({ description: 'Laatste maand (jjjj-mm); standaard de huidige maand' }),
    moduleId: FilterId.optional().openapi({ description: 'Alleen deze module' }),
    pathId: FilterId.optional().openapi({ description: 'Alleen dit leerpad en de modules erop' }),
    networkId: FilterId.optional().openapi({ description: 'Alleen de modules van dit netwerk (geen leerpaden)' }),
  })
  .openapi('ReportsQuery');

/** Counts are exact sums of the counters; they are never negative once the backfill has run. */
const Count = z.number().int();
const Average = z.number().nullable().openapi({ description: 'Som van de beoordelingen ÷ hun aantal (gewogen), op twee decimalen; null zonder evaluaties' });
const Points = z.array(z.object({ register: z.string(), points: z.number() })).openapi({ description: 'Punten per register (alleen van modules: de punten van een leerpad zijn die van zijn modules)' });
const Figures = { enrolments: Count, completions: Count, evaluations: Count, averageScore: Average };

export const ReportsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    filter: z.object({ moduleId: z.string().optional(), pathId: z.string().optional(), networkId: z.string().optional() }),
    months: z.array(
      z.object({
        month: z.string(),
        moduleEnrolments: Count,
        moduleCompletions: Count,
        pathEnrolments: Count,
        pathCompletions: Count,
        evaluations: Count,
        averageScore: Average,
        points: Points,
        pointsTotal: z.number(),
      }),
    ),
    modules: z.array(z.object({ id: z.string(), title: z.string(), networkId: z.string().nullable(), ...Figures, points: Points, pointsTotal: z.number() })),
    paths: z.array(z.object({ id: z.string(), title: z.string(), ...Figures })),
    networks: z.array(z.object({ networkId: z.string().nullable().openapi({ description: 'null: modules zonder netwerk' }), name: z.string().nullable(), modules: Count, ...Figures, points: Points, pointsTotal: z.number() })),
    registers: Points,
    options: z.object({
      modules: z.array(z.object({ id: z.string(), title: z.string() })),
      paths: z.array(z.object({ id: z.string(), title: z.string() })),
      networks: z.array(z.object({ id: z.string(), name: z.string() })),
    }).openapi({ description: 'Waaruit de filters kiezen: alles met activiteit in de periode' }),
  })
  .openapi('AcademyReports');

export type AcademyReports = z.infer<typeof ReportsSchema>;
export type ReportsQuery = z.infer<typeof ReportsQuerySchema>;

/** The tables a CSV export exists for (`/api/academy/reports/{table}.csv`). */
export const reportTables = ['months', 'modules', 'paths', 'networks', 'registers'] as const;
export type ReportTable = (typeof reportTables)[number];
