/**
 * CSV as spreadsheets read it, shared by every export (SCORM report, academy reports, attendance
 * for the registers): the reader's separator, cells that cannot turn into formulas, and a document
 * with a byte order mark (so Excel reads the accents) and CRLF line ends. Pure, no I/O.
 */
export type CsvLanguage = 'nl' | 'en';

/**
 * The separator Excel expects in the reader's locale: Dutch Excel splits on `;` (its decimal
 * separator is the comma), English on `,`.
 */
export const csvSeparator = (language: CsvLanguage) => (language === 'nl' ? ';' : ',');

/**
 * One text cell: a value starting with `=`, `+`, `-`, `@` (or tab/CR, which some spreadsheets
 * strip first) would be read as a formula, so it gets a leading `'`; then quoted when it holds the
 * separator, a quote, a line break or edge spaces (quotes doubled, RFC 4180).
 */
export function csvCell(value: string | number | undefined | null, separator: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (s.includes(separator) || /["\r\n]/.test(s) || /^\s|\s$/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** A number as the reader's spreadsheet reads it: a decimal comma in Dutch. Text, so it passes csvCell unchanged. */
export const csvDecimal = (n: number | undefined, language: CsvLanguage) => (n === undefined ? '' : language === 'nl' ? String(n).replace('.', ',') : String(n));

/** A whole document: a header row and rows of cells, UTF-8 with a byte order mark, CRLF line ends. */
export function csvDocument(header: string[], rows: Array<Array<string | number | undefined | null>>, language: CsvLanguage): string {
  const sep = csvSeparator(language);
  const lines = [header, ...rows].map((row) => row.map((c) => csvCell(c, sep)).join(sep));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
