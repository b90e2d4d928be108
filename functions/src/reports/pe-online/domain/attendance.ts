/**
 * The PE-online attendance list (functions/docs/certificates.md, "PE-online"): which completions of
 * an accredited course edition are reported to a register, and the CSV the academy uploads or
 * pastes from. Pure: the service gathers completions, names and registration numbers.
 *
 * PE-online takes attendance per course (accreditation number) and edition, identifying each
 * participant by their registration number with that register; the number is the first column so
 * it can be copied as one block into PE-online's import. Name, date and points are there for the
 * academy's check before uploading, and the last column flags learners without a number (they
 * cannot be reported until they add their registration).
 */
import { csvDecimal, csvDocument, type CsvLanguage } from '../../../platform/domain/csv';

export interface FrozenAccreditation {
  register: string;
  points: number;
  accreditationNumber?: string;
  edition?: string;
}

export interface AttendanceCompletion {
  userId: string;
  moduleId: string;
  completedAt: string;
  /** The module's accreditation as it was at completion (learning's frozen copy). */
  accreditation: FrozenAccreditation[];
}

export interface AttendanceFilter {
  /** The register's name as module accreditation writes it. */
  register: string;
  /** The course id: the accreditation number. */
  course: string;
  edition?: string;
  /** Inclusive days, YYYY-MM-DD, Europe/Amsterdam. */
  from?: string;
  to?: string;
}

export interface AttendanceRow {
  registrationNumber?: string;
  name: string;
  userId: string;
  completedAt: string;
  course: string;
  edition?: string;
  points: number;
}

/** The day of an instant in Amsterdam, YYYY-MM-DD. */
export function amsterdamDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** dd-mm-yyyy, the date format of PE-online and Dutch spreadsheets. */
export const dutchDay = (iso: string) => amsterdamDay(iso).split('-').reverse().join('-');

/**
 * The accreditation a completion earned under the filter (register, course and, when asked, edition),
 * or undefined when it does not belong in the list (other course, other edition, outside the period).
 */
export function reportedAccreditation(c: AttendanceCompletion, f: AttendanceFilter): FrozenAccreditation | undefined {
  const day = amsterdamDay(c.completedAt);
  if (f.from && day < f.from) return undefined;
  if (f.to && day > f.to) return undefined;
  return c.accreditation.find((a) => a.register === f.register && a.accreditationNumber === f.course && (f.edition === undefined || a.edition === f.edition));
}

/** One row per learner and course edition (a learner is reported once, with their first completion). */
export function attendanceRows(completions: AttendanceCompletion[], f: AttendanceFilter, names: Map<string, string>, numbers: Map<string, string>): AttendanceRow[] {
  const rows = new Map<string, AttendanceRow>();
  for (const c of [...completions].sort((a, b) => a.completedAt.localeCompare(b.completedAt))) {
    const a = reportedAccreditation(c, f);
    if (!a) continue;
    const key = `${c.userId}#${a.edition ?? ''}`;
    if (rows.has(key)) continue;
    rows.set(key, { registrationNumber: numbers.get(c.userId), name: names.get(c.userId) ?? c.userId, userId: c.userId, completedAt: c.completedAt, course: f.course, edition: a.edition, points: a.points });
  }
  return [...rows.values()].sort((x, y) => x.completedAt.localeCompare(y.completedAt) || x.name.localeCompare(y.name, 'nl'));
}

const headers: Record<CsvLanguage, string[]> = {
  nl: ['Registratienummer', 'Naam', 'Datum afronding', 'Cursus-id (accreditatienummer)', 'Editie-id', 'Punten', 'Controle'],
  en: ['Registration number', 'Name', 'Date of completion', 'Course id (accreditation number)', 'Edition id', 'Points', 'Check'],
};
const missingNumber: Record<CsvLanguage, string> = { nl: 'geen registratienummer', en: 'no registration number' };

/** The CSV: UTF-8 with BOM, the reader's separator (`;` in Dutch), dates dd-mm-yyyy, formula-safe cells. */
export function attendanceCsv(rows: AttendanceRow[], language: CsvLanguage): string {
  return csvDocument(
    headers[language],
    rows.map((r) => [r.registrationNumber ?? '', r.name, dutchDay(r.completedAt), r.course, r.edition ?? '', csvDecimal(r.points, language), r.registrationNumber ? '' : missingNumber[language]]),
    language,
  );
}
