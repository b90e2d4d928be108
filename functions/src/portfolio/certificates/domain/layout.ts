/**
 * What a certificate PDF says, as data (../pdf.ts draws it): the blocks of text in order, the
 * verification line and the document metadata. Pure, so the content is unit-tested without a PDF.
 *
 * Text goes through `pdfSafe`: the PDF uses the standard Helvetica fonts, which encode WinAnsi
 * (Windows-1252) only. Dutch names and titles (ë, é, ï, ü, ĳ as i+j) fit; anything else loses its
 * accent where it has one (ł → l, ő → o) and otherwise becomes `?`, never an encoding error.
 */
import { groupCode } from './code';

export interface CertificatePoints {
  register: string;
  points: number;
  accreditationNumber?: string;
  edition?: string;
}

/** The certificate as issued (frozen on its record). */
export interface CertificateContent {
  code: string;
  kind: 'module' | 'path';
  name: string;
  title: string;
  completedAt: string;
  issuedAt: string;
  points: CertificatePoints[];
}

export interface LayoutBlock {
  text: string;
  size: number;
  bold?: boolean;
  /** Space before the block, in points. */
  gapBefore?: number;
}

export interface CertificateLayout {
  blocks: LayoutBlock[];
  /** Printed beside the QR code. */
  verification: { heading: string; code: string; url: string };
  metadata: { title: string; subject: string; keywords: string[]; author: string; creator: string };
}

/** Characters Windows-1252 has beyond Latin-1 (0x80–0x9F). */
const cp1252Extras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const replacements: Record<string, string> = { 'ĳ': 'ij', 'Ĳ': 'IJ', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', '‐': '-', '‑': '-', '‒': '-', '−': '-', '′': "'", '″': '"', '\u00a0': ' ' };

const encodable = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || cp1252Extras.has(ch);
};

/** Text the standard PDF fonts can encode (see above); line breaks and tabs become spaces. */
export function pdfSafe(input: string): string {
  let out = '';
  for (const ch of input.normalize('NFC')) {
    if (ch === '\n' || ch === '\r' || ch === '\t') out += ' ';
    else if (encodable(ch)) out += ch;
    else if (replacements[ch] !== undefined) out += replacements[ch];
    else {
      // Decomposed, the base letter usually remains (ő → o + ˝); marks are dropped.
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length > 0 && [...base].every(encodable) ? base : '?';
    }
  }
  return out.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** A day as the Netherlands writes it, in Amsterdam time: 09-03-2026. */
export function dutchDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}-${p('month')}-${p('year')}`;
}

const pointsWord = (n: number) => `${String(n).replace('.', ',')} ${n === 1 ? 'punt' : 'punten'}`;

/** One line per register: "V&VN Kwaliteitsregister: 3 punten · accreditatienummer VVN-2026-1 · editie E1". */
export function pointsLine(p: CertificatePoints): string {
  return [`${p.register}: ${pointsWord(p.points)}`, p.accreditationNumber ? `accreditatienummer ${p.accreditationNumber}` : '', p.edition ? `editie ${p.edition}` : ''].filter(Boolean).join(' · ');
}

/** The certificate's content: in Dutch (the registers' language), headings with their English word. */
export function certificateLayout(c: CertificateContent, verifyUrl: string, issuer = 'GGZ Academie'): CertificateLayout {
  const name = pdfSafe(c.name);
  const title = pdfSafe(c.title);
  const blocks: LayoutBlock[] = [
    { text: 'Certificaat · Certificate', size: 28, bold: true },
    { text: pdfSafe(issuer), size: 12, gapBefore: 6 },
    { text: 'Hierbij verklaren wij dat', size: 12, gapBefore: 36 },
    { text: name, size: 22, bold: true, gapBefore: 10 },
    { text: c.kind === 'path' ? 'het leerpad heeft afgerond' : 'de module heeft afgerond', size: 12, gapBefore: 10 },
    { text: title, size: 18, bold: true, gapBefore: 10 },
    { text: `Datum van afronding: ${dutchDate(c.completedAt)}`, size: 12, gapBefore: 18 },
  ];
  if (c.points.length > 0) {
    blocks.push({ text: 'Accreditatie', size: 12, bold: true, gapBefore: 18 });
    for (const p of c.points) blocks.push({ text: pdfSafe(pointsLine(p)), size: 11, gapBefore: 4 });
  }
  const grouped = groupCode(c.code);
  return {
    blocks,
    verification: { heading: 'Controleer dit certificaat · Verify this certificate', code: `Verificatiecode: ${grouped}`, url: verifyUrl },
    metadata: {
      title: pdfSafe(`Certificaat ${c.title} – ${c.name}`),
      subject: pdfSafe(`${c.name} heeft ${c.kind === 'path' ? 'het leerpad' : 'de module'} ${c.title} afgerond op ${dutchDate(c.completedAt)}. Verificatiecode ${grouped}`),
      keywords: [pdfSafe(c.name), c.code, grouped, 'certificaat'],
      author: pdfSafe(issuer),
      creator: pdfSafe(issuer),
    },
  };
}
