/**
 * Draws a certificate (content from ./domain/layout.ts) as a one-page A4 PDF with pdf-lib: the
 * text blocks centred, and at the foot a QR code to the verify page beside the code and address.
 * The QR code is drawn as vector squares from the `qrcode` matrix (no image, nothing to decode).
 * Name and code are in the document metadata too (Title, Subject, Keywords), so what the
 * certificate says can be read back by software as well as by eye.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { CertificateLayout } from './domain/layout';

const a4 = { width: 595.28, height: 841.89 };
const margin = 56;
const ink = rgb(0.1, 0.12, 0.16);
const accent = rgb(0.05, 0.33, 0.45);

/** Splits text into lines that fit `width` at `size` (by words; a single over-long word is kept whole). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) page.drawRectangle({ x: x + c * cell, y: y + size - (r + 1) * cell, width: cell + 0.01, height: cell + 0.01, color: rgb(0, 0, 0) });
    }
  }
}

export async function renderCertificatePdf(layout: CertificateLayout, issuedAt: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(layout.metadata.title, { showInWindowTitleBar: true });
  doc.setSubject(layout.metadata.subject);
  doc.setKeywords(layout.metadata.keywords);
  doc.setAuthor(layout.metadata.author);
  doc.setCreator(layout.metadata.creator);
  doc.setProducer(layout.metadata.creator);
  doc.setLanguage('nl-NL');
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  const page = doc.addPage([a4.width, a4.height]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = a4.width - 2 * margin;

  page.drawRectangle({ x: margin / 2, y: margin / 2, width: a4.width - margin, height: a4.height - margin, borderColor: accent, borderWidth: 2 });

  let y = a4.height - margin - 40;
  for (const b of layout.blocks) {
    const font = b.bold ? bold : regular;
    y -= b.gapBefore ?? 0;
    for (const line of wrap(b.text, font, b.size, width)) {
      y -= b.size;
      const w = font.widthOfTextAtSize(line, b.size);
      page.drawText(line, { x: (a4.width - w) / 2, y, size: b.size, font, color: b.bold ? accent : ink });
      y -= b.size * 0.35;
    }
  }

  // The foot: QR code on the left, the verification text beside it.
  const qrSize = 110;
  const qrX = margin;
  const qrY = margin + 10;
  drawQr(page, layout.verification.url, qrX, qrY, qrSize);
  const textX = qrX + qrSize + 18;
  const textWidth = a4.width - margin - textX;
  let ty = qrY + qrSize - 12;
  for (const [text, size, font] of [[layout.verification.heading, 11, bold], [layout.verification.code, 13, bold], [layout.verification.url, 9, regular]] as const) {
    for (const line of wrap(text, font, size, textWidth)) {
      page.drawText(line, { x: textX, y: ty, size, font, color: ink });
      ty -= size + 6;
    }
  }
  return doc.save();
}
