/**
 * The dashboard's tables as CSV (one file per table, the same rows the page shows), in the
 * reader's language: headers, separator and decimal comma (platform/domain/csv.ts guards every
 * cell against formulas and adds the byte order mark). Pure.
 */
import { csvDecimal, csvDocument, type CsvLanguage } from '../../platform/domain/csv';
import type { Dashboard, RegisterPoints } from './aggregate';

export type TableName = 'months' | 'modules' | 'paths' | 'networks' | 'registers';

const words = {
  nl: { month: 'Maand', module: 'Module', moduleId: 'Module-id', path: 'Leerpad', pathId: 'Leerpad-id', network: 'Netwerk', networkId: 'Netwerk-id', modules: 'Modules', enrolments: 'Inschrijvingen', completions: 'Afrondingen', moduleEnrolments: 'Inschrijvingen modules', moduleCompletions: 'Afrondingen modules', pathEnrolments: 'Inschrijvingen leerpaden', pathCompletions: 'Afrondingen leerpaden', evaluations: 'Evaluaties', average: 'Gemiddelde beoordeling', pointsTotal: 'Punten totaal', points: 'Punten', register: 'Register', noNetwork: 'Zonder netwerk' },
  en: { month: 'Month', module: 'Module', moduleId: 'Module id', path: 'Learning path', pathId: 'Path id', network: 'Network', networkId: 'Network id', modules: 'Modules', enrolments: 'Enrolments', completions: 'Completions', moduleEnrolments: 'Module enrolments', moduleCompletions: 'Module completions', pathEnrolments: 'Path enrolments', pathCompletions: 'Path completions', evaluations: 'Evaluations', average: 'Average rating', pointsTotal: 'Points total', points: 'Points', register: 'Register', noNetwork: 'No network' },
} as const;

export const noNetworkName = (language: CsvLanguage) => words[language].noNetwork;

/** One column per register of the period, so a row's points line up whatever registers it has. */
const pointsColumns = (registers: string[], language: CsvLanguage) => registers.map((r) => `${words[language].points}: ${r}`);
const pointsCells = (registers: string[], points: RegisterPoints, language: CsvLanguage) => registers.map((r) => csvDecimal(points.find((p) => p.register === r)?.points ?? 0, language));

export function tableCsv(d: Dashboard, table: TableName, language: CsvLanguage): string {
  const w = words[language];
  const dec = (n: number | null) => (n === null ? '' : csvDecimal(n, language));
  const registers = d.registers.map((r) => r.register);
  switch (table) {
    case 'months':
      return csvDocument(
        [w.month, w.moduleEnrolments, w.moduleCompletions, w.pathEnrolments, w.pathCompletions, w.evaluations, w.average, w.pointsTotal, ...pointsColumns(registers, language)],
        d.months.map((m) => [m.month, m.moduleEnrolments, m.moduleCompletions, m.pathEnrolments, m.pathCompletions, m.evaluations, dec(m.averageScore), dec(m.pointsTotal), ...pointsCells(registers, m.points, language)]),
        language,
      );
    case 'modules':
      return csvDocument(
        [w.module, w.moduleId, w.networkId, w.enrolments, w.completions, w.evaluations, w.average, w.pointsTotal, ...pointsColumns(registers, language)],
        d.modules.map((m) => [m.title, m.id, m.networkId ?? '', m.enrolments, m.completions, m.evaluations, dec(m.averageScore), dec(m.pointsTotal), ...pointsCells(registers, m.points, language)]),
        language,
      );
    case 'paths':
      return csvDocument(
        [w.path, w.pathId, w.enrolments, w.completions, w.evaluations, w.average],
        d.paths.map((p) => [p.title, p.id, p.enrolments, p.completions, p.evaluations, dec(p.averageScore)]),
        language,
      );
    case 'networks':
      return csvDocument(
        [w.network, w.networkId, w.modules, w.enrolments, w.completions, w.evaluations, w.average, w.pointsTotal, ...pointsColumns(registers, language)],
        d.networks.map((n) => [n.name ?? w.noNetwork, n.networkId ?? '', n.modules, n.enrolments, n.completions, n.evaluations, dec(n.averageScore), dec(n.pointsTotal), ...pointsCells(registers, n.points, language)]),
        language,
      );
    case 'registers':
      return csvDocument([w.register, w.points], d.registers.map((r) => [r.register, csvDecimal(r.points, language)]), language);
  }
}
