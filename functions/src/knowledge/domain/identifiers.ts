/**
 * A consultation question (and its answer) must never identify a client. People are warned in the
 * form; this check refuses what is obviously an identifier: a BSN (nine digits that pass the
 * elfproef, also written with dots or spaces), a full date (a date of birth: dd-mm-yyyy, d-m-yy,
 * "14 maart 1987", or any date after "geboren (op)"), a Dutch phone number, an e-mail address,
 * and a postcode with a house number. It cannot recognise a name: the warning says so. Pure.
 */
import { text, type Text } from '../../platform/domain/text';

export type IdentifierKind = 'bsn' | 'birthdate' | 'phone' | 'email' | 'address';

export interface IdentifierFinding {
  kind: IdentifierKind;
  /** The field it was found in (as the request names it). */
  field: string;
  /** Where in the field (0-based character offset), so the form can say where. */
  index: number;
}

/** The elfproef of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Nine digits, optionally grouped with single dots, spaces or hyphens (123.456.782, 1234 56 782), not part of a longer number.
const bsnLike = /(?<![\d.,])(?:\d[ .-]?){8}\d(?![\d]|[.,]\d)/g;

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const monthAbbreviations = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec'];
const monthWords = [...months, ...monthAbbreviations].sort((a, b) => b.length - a.length).join('|');

// 14-03-1987, 4/3/87, 14.03.1987 (day first, as Dutch dates are written).
const numericDate = /(?<![\d.,/-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d]|[-/.]\d)/g;
// 14 maart 1987, 3 mei '87, 1 okt. 2001
const writtenDate = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${monthWords})\\.?\\s+('?\\d{2}|\\d{4})(?!\\d)`, 'giu');
// "geboren op 14 maart", "geb. 1987", "geboortedatum: …", "born on …"
const birthContext = /\b(?:geboren(?:\s+op)?|geb\.|geboortedatum|geboortejaar|born(?:\s+on)?|date\s+of\s+birth|DOB)\s*:?\s*(?=\d)/giu;

// 06-12345678, 06 1234 5678, 020-1234567, 0513 123456, +31 6 12345678, 0031 20 1234567
const phone = /(?<![\d+])(?:\+31[ -]?(?:\(0\)[ -]?)?|0031[ -]?|0)[1-9](?:[ -]?\d){8}(?!\d)/g;
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// 3512 AB 12, 3512AB, 12 — a postcode followed by a house number …
const postcodeThenNumber = /(?<!\d)[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![A-Za-z])[\s,]+(?:nr\.?\s*)?\d{1,5}(?!\d)/g;
// … or a street with a house number followed by a postcode: "Dorpsstraat 12, 3512 AB"
const numberThenPostcode = /\p{L}+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|park|markt)\s+\d{1,5}\s?[a-zA-Z]?[\s,]+[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![A-Za-z])/gu;

const validDayMonth = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

function findIn(field: string, value: string): IdentifierFinding[] {
  const found: IdentifierFinding[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const add = (kind: IdentifierKind, start: number, length: number) => {
    if (overlaps(start, start + length)) return;
    taken.push([start, start + length]);
    found.push({ kind, field, index: start });
  };
  for (const m of value.matchAll(email)) add('email', m.index!, m[0].length);
  for (const m of value.matchAll(numberThenPostcode)) add('address', m.index!, m[0].length);
  for (const m of value.matchAll(postcodeThenNumber)) add('address', m.index!, m[0].length);
  for (const m of value.matchAll(phone)) add('phone', m.index!, m[0].length);
  for (const m of value.matchAll(bsnLike)) {
    if (passesElfproef(m[0].replace(/\D/g, ''))) add('bsn', m.index!, m[0].length);
  }
  for (const m of value.matchAll(numericDate)) {
    if (validDayMonth(Number(m[1]), Number(m[2]))) add('birthdate', m.index!, m[0].length);
  }
  for (const m of value.matchAll(writtenDate)) {
    if (validDayMonth(Number(m[1]), 1)) add('birthdate', m.index!, m[0].length);
  }
  for (const m of value.matchAll(birthContext)) add('birthdate', m.index!, m[0].length + 1);
  return found.sort((a, b) => a.index - b.index);
}

/** Every obvious identifier in the given fields (`{ title, body }`), in the order they appear. */
export function findIdentifiers(fields: Record<string, string | undefined>): IdentifierFinding[] {
  return Object.entries(fields).flatMap(([field, value]) => (value ? findIn(field, value) : []));
}

const kindWords: Record<IdentifierKind, Text> = {
  bsn: text('een BSN-nummer', 'a citizen service number (BSN)'),
  birthdate: text('een (geboorte)datum', 'a date (of birth)'),
  phone: text('een telefoonnummer', 'a phone number'),
  email: text('een e-mailadres', 'an e-mail address'),
  address: text('een adres (postcode en huisnummer)', 'an address (postcode and house number)'),
};

/** What a person is told about one finding, naming what was found and where (never the value itself). */
export function describeFinding(f: IdentifierFinding, fieldNames: Record<string, Text>): Text {
  const where = fieldNames[f.field] ?? text(f.field, f.field);
  const at = f.index + 1;
  return text(
    `${cap(kindWords[f.kind].nl)} in ${where.nl} (bij teken ${at}); haal het weg of schrijf het algemeen (bijvoorbeeld een leeftijd in plaats van een geboortedatum)`,
    `${cap(kindWords[f.kind].en)} in ${where.en} (at character ${at}); remove it or write it in general terms (for example an age instead of a date of birth)`,
  );
}

/** A one-line summary of all findings, e.g. "een BSN-nummer in de vraag en een e-mailadres in de titel". */
export function summariseFindings(findings: IdentifierFinding[], fieldNames: Record<string, Text>): Text {
  const parts = findings.map((f) => ({ kind: kindWords[f.kind], where: fieldNames[f.field] ?? text(f.field, f.field) }));
  const unique = parts.filter((p, i) => parts.findIndex((q) => q.kind.nl === p.kind.nl && q.where.nl === p.where.nl) === i);
  const join = (xs: string[], and: string) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${and} ${xs[xs.length - 1]}`);
  return text(join(unique.map((p) => `${p.kind.nl} in ${p.where.nl}`), 'en'), join(unique.map((p) => `${p.kind.en} in ${p.where.en}`), 'and'));
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
