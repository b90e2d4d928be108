/**
 * The re-registration overview of one register, as a PDF (pdf-lib, standard Helvetica): the
 * learner's name and registration number, the cycle, every activity that counts in it (date,
 * title, points, accreditation number) and the totals. The name and register are also in the
 * document's Title and Subject, so a reader (or a test) finds them without extracting text.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ProgressOfRegistration } from '../read';

type Language = 'nl' | 'en';

const words = {
  nl: {
    title: (register: string) => `Herregistratieoverzicht ${register}`,
    name: 'Naam',
    number: 'Registratienummer',
    cycle: 'Cyclus',
    cycleText: (from: string, to: string) => `${from} tot en met ${to}`,
    required: 'Vereist',
    earned: 'Behaald',
    accredited: 'Waarvan geaccrediteerd',
    minimum: (n: string) => `minimaal ${n}`,
    missing: 'Nog nodig',
    daysLeft: 'Dagen tot einde cyclus',
    cols: ['Datum', 'Activiteit', 'Punten', 'Accreditatienummer'],
    none: 'Nog geen activiteiten in deze cyclus.',
    unit: { points: 'punten', hours: 'uren' },
    external: 'extern',
    footer: (at: string, page: number, pages: number) => `Gemaakt op ${at} · pagina ${page} van ${pages}`,
    categories: 'Per categorie',
    capped: (cap: string) => `(maximaal ${cap})`,
    other: 'Overig',
  },
  en: {
    title: (register: string) => `Re-registration overview ${register}`,
    name: 'Name',
    number: 'Registration number',
    cycle: 'Cycle',
    cycleText: (from: string, to: string) => `${from} up to and including ${to}`,
    required: 'Required',
    earned: 'Earned',
    accredited: 'Of which accredited',
    minimum: (n: string) => `at least ${n}`,
    missing: 'Still needed',
    daysLeft: 'Days until the end of the cycle',
    cols: ['Date', 'Activity', 'Points', 'Accreditation number'],
    none: 'No activities in this cycle yet.',
    unit: { points: 'points', hours: 'hours' },
    external: 'external',
    footer: (at: string, page: number, pages: number) => `Made on ${at} · page ${page} of ${pages}`,
    categories: 'Per category',
    capped: (cap: string) => `(at most ${cap})`,
    other: 'Other',
  },
} as const;

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const longDate = (date: string, language: Language) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const shortDate = (date: string) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
const num = (n: number, language: Language) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 2 }).format(n);

/** Text the standard font can draw: characters outside WinAnsi lose their accents, or become '?'. */
function drawable(font: PDFFont, s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (ch === '\n' || ch === '\r' || ch === '\t') {
      out += ' ';
      continue;
    }
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      try {
        font.encodeText(plain);
        out += plain;
      } catch {
        out += '?';
      }
    }
  }
  return out;
}

function fit(font: PDFFont, s: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(s, size) <= width) return s;
  let t = s;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

export async function overviewPdf(o: { name: string; progress: ProgressOfRegistration; language: Language; now: Date; today: string }): Promise<Uint8Array> {
  const w = words[o.language];
  const p = o.progress;
  const unit = w.unit[p.unit];
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const title = w.title(p.register.name);
  doc.setTitle(drawable(font, `${title} – ${o.name}`), { showInWindowTitleBar: true });
  doc.setSubject(drawable(font, `${o.name} · ${p.register.name} · ${p.registration.registrationNumber}`));
  doc.setAuthor('Academie');
  doc.setCreator('Academie – portfolio');
  doc.setProducer('pdf-lib');
  doc.setLanguage(o.language === 'en' ? 'en-GB' : 'nl-NL');
  doc.setKeywords([p.register.name, p.registration.registrationNumber]);
  doc.setCreationDate(o.now);
  doc.setModificationDate(o.now);

  const [pageW, pageH] = [595.28, 841.89];
  const margin = 50;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([pageW, pageH]);
    pages.push(page);
    y = pageH - margin;
  };
  const line = (s: string, opts: { size?: number; f?: PDFFont; x?: number; gap?: number } = {}) => {
    const size = opts.size ?? 10;
    page.drawText(fit(opts.f ?? font, drawable(opts.f ?? font, s), size, pageW - margin - (opts.x ?? margin)), { x: opts.x ?? margin, y, size, font: opts.f ?? font, color: rgb(0.1, 0.1, 0.1) });
    y -= opts.gap ?? size + 6;
  };
  const pair = (label: string, value: string) => {
    page.drawText(drawable(bold, label), { x: margin, y, size: 10, font: bold });
    page.drawText(fit(font, drawable(font, value), 10, pageW - 2 * margin - 170), { x: margin + 170, y, size: 10, font });
    y -= 16;
  };

  newPage();
  line(title, { size: 18, f: bold, gap: 30 });
  pair(w.name, o.name);
  pair(w.number, p.registration.registrationNumber);
  pair(w.cycle, w.cycleText(longDate(p.cycle.start, o.language), longDate(dayBefore(p.cycle.end), o.language)));
  pair(w.required, `${num(p.required, o.language)} ${unit}`);
  pair(w.earned, `${num(p.earned, o.language)} ${unit}`);
  pair(w.accredited, `${num(p.earnedAccredited, o.language)} ${unit}${p.minimumAccredited !== null ? ` (${w.minimum(num(p.minimumAccredited, o.language))})` : ''}`);
  pair(w.missing, `${num(p.missing, o.language)} ${unit}`);
  pair(w.daysLeft, String(p.cycle.daysLeft));
  if (p.categories.some((c) => c.id !== null)) {
    y -= 6;
    line(w.categories, { f: bold, size: 11 });
    for (const c of p.categories) pair(c.name ?? w.other, `${num(c.counted, o.language)} ${unit}${c.cap !== null ? ` ${w.capped(num(c.cap, o.language))}` : ''}`);
  }
  y -= 14;

  const cols = [margin, margin + 70, margin + 330, margin + 390];
  const widths = [66, 255, 56, pageW - margin - cols[3]!];
  const header = () => {
    w.cols.forEach((c, i) => page.drawText(drawable(bold, c), { x: cols[i]!, y, size: 10, font: bold }));
    y -= 6;
    page.drawLine({ start: { x: margin, y }, end: { x: pageW - margin, y }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
    y -= 14;
  };
  header();
  if (p.counted.length === 0) line(w.none);
  for (const c of p.counted) {
    if (y < margin + 40) {
      newPage();
      header();
    }
    const e = c.entry;
    const cells = [
      shortDate(e.date),
      `${e.title}${e.source === 'external' ? ` (${w.external}${e.provider ? `: ${e.provider}` : ''})` : ''}`,
      num(c.amount, o.language),
      e.points.find((x) => x.register === p.register.name)?.accreditationNumber ?? e.accreditationNumber ?? '',
    ];
    cells.forEach((cell, i) => page.drawText(fit(font, drawable(font, cell), 9, widths[i]!), { x: cols[i]!, y, size: 9, font }));
    y -= 14;
  }
  const madeOn = longDate(o.today, o.language);
  pages.forEach((pg, i) => pg.drawText(drawable(font, w.footer(madeOn, i + 1, pages.length)), { x: margin, y: 30, size: 8, font, color: rgb(0.35, 0.35, 0.35) }));
  return doc.save();
}

