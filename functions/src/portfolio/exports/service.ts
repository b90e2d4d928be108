/**
 * The learner's exports: the whole portfolio as CSV, and per registration the re-registration
 * overview as a PDF. Both only for the learner (policy `portfolio.export`).
 */
import { Problem } from '../../platform/http/problem';
import { currentLanguage, text } from '../../platform/http/language';
import { nowOf, ownPortfolio, todayOf, type PortfolioCtx } from '../context';
import { portfolioCsv } from '../domain/export-csv';
import { progressOf, readPortfolio } from '../read';
import { overviewPdf } from './overview-pdf';

export async function exportCsv(ctx: PortfolioCtx): Promise<string> {
  const p = ownPortfolio(ctx, 'export');
  const read = await readPortfolio(ctx.store, p.id);
  return portfolioCsv(read.entries, new Map(read.registers.map((r) => [r.name, r.unit])), currentLanguage());
}

export async function exportOverview(ctx: PortfolioCtx, registerId: string): Promise<{ pdf: Uint8Array; registerId: string }> {
  const p = ownPortfolio(ctx, 'export');
  const read = await readPortfolio(ctx.store, p.id);
  const today = todayOf(ctx);
  const progress = progressOf(read, today).find((x) => x.register.id === registerId);
  if (!progress) throw new Problem('notFound', text(`Je hebt geen registratie bij ${registerId}`, `You have no registration with ${registerId}`));
  return { pdf: await overviewPdf({ name: p.name, progress, language: currentLanguage(), now: nowOf(ctx), today }), registerId };
}
