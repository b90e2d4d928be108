/**
 * The portfolio as CSV, pure: one row per activity and register it earned points for (an activity
 * without points gets one row), newest first, in the reader's language and separator; cells cannot
 * turn into formulas and the document has a byte order mark (platform/domain/csv.ts).
 */
import { csvDecimal, csvDocument, type CsvLanguage } from '../../platform/domain/csv';
import type { PortfolioEntry } from './entries';
import type { RegisterUnit } from './points';

const headers: Record<CsvLanguage, string[]> = {
  nl: ['Datum', 'Soort', 'Titel', 'Aanbieder', 'Register', 'Punten of uren', 'Eenheid', 'Geaccrediteerd', 'Accreditatienummer', 'Studie-uren', 'Score (%)'],
  en: ['Date', 'Type', 'Title', 'Provider', 'Register', 'Points or hours', 'Unit', 'Accredited', 'Accreditation number', 'Study hours', 'Score (%)'],
};
const sourceWords: Record<CsvLanguage, Record<PortfolioEntry['source'], string>> = {
  nl: { module: 'module', path: 'leerpad', external: 'externe scholing' },
  en: { module: 'module', path: 'learning path', external: 'external learning' },
};
const unitWords: Record<CsvLanguage, Record<RegisterUnit, string>> = { nl: { points: 'punten', hours: 'uren' }, en: { points: 'points', hours: 'hours' } };
const yesNo: Record<CsvLanguage, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };

export function portfolioCsv(entries: PortfolioEntry[], units: ReadonlyMap<string, RegisterUnit>, language: CsvLanguage): string {
  const rows: Array<Array<string | number | undefined>> = [];
  for (const e of entries) {
    const base = [e.date, sourceWords[language][e.source], e.title, e.provider ?? (e.source === 'external' ? '' : undefined)];
    const tail = [csvDecimal(e.hours, language), csvDecimal(e.result?.percent, language)];
    if (e.points.length === 0) rows.push([...base, '', '', '', '', e.accreditationNumber, ...tail]);
    for (const p of e.points) {
      const unit = units.get(p.register);
      rows.push([...base, p.register, csvDecimal(p.amount, language), unit ? unitWords[language][unit] : '', yesNo[language][p.accredited ? 0 : 1], p.accreditationNumber ?? e.accreditationNumber, ...tail]);
    }
  }
  return csvDocument(headers[language], rows, language);
}
