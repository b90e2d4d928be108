/**
 * The timeline and what the learner adds to it: external learning (with an evidence file that goes
 * straight to S3 and is checked after the upload), and a reflection per entry, private unless the
 * learner shares it with their team manager. Platform completions are read, never copied, so they
 * cannot be edited or deleted here.
 */
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import type { z } from '@hono/zod-openapi';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import { conditionFailed } from '../../platform/store/items';
import * as uploads from '../../platform/uploads/pipeline';
import { nowOf, ownPortfolio, todayOf, type PortfolioCtx } from '../context';
import { filterEntries, type EvidenceFile, type ExternalEntry } from '../domain/entries';
import { evidenceFileName, evidenceKey, evidenceTypes, matchesEvidence, maxEvidenceBytes, type EvidenceType } from '../domain/evidence';
import type { Register } from '../domain/registers';
import { listRegisters } from '../registers/store';
import { readPortfolio, type EntryView } from '../read';
import type { ExternalEntryInputSchema, ExternalEntryUpdateSchema, ReflectionInputSchema } from '../schemas';
import * as db from './store';

const entryMissing = text('Deze activiteit staat niet in je portfolio', 'This activity is not in your portfolio');
const notFound = () => new Problem('notFound', entryMissing);

/** `external:{id}` → `{id}`; anything else is not an entry the learner can change. */
function externalIdOf(entryId: string): string {
  const m = /^external:([A-Za-z0-9_-]+)$/.exec(entryId);
  if (!m) throw new Problem('notFound', text('Alleen zelf toegevoegde scholing kun je wijzigen', 'Only learning you added yourself can be changed'));
  return m[1]!;
}

export async function timeline(ctx: PortfolioCtx, filter: { register?: string; year?: number }) {
  const p = ownPortfolio(ctx, 'read');
  const read = await readPortfolio(ctx.store, p.id);
  const registerName = filter.register === undefined ? undefined : (read.registers.find((r) => r.id === filter.register)?.name ?? `\u0000${filter.register}`);
  const years = [...new Set(read.entries.map((e) => Number(e.date.slice(0, 4))))].sort((a, b) => b - a);
  return {
    entries: filterEntries(read.entries, { register: registerName, year: filter.year }) as EntryView[],
    total: read.entries.length,
    registers: read.registers.map((r) => ({ id: r.id, name: r.name, unit: r.unit })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    years,
  };
}

type ExternalInput = z.infer<typeof ExternalEntryInputSchema>;

/** Points name registers that exist, and categories those registers have; the date is not in the future. */
async function checkExternal(ctx: PortfolioCtx, input: ExternalInput) {
  const registers = new Map((await listRegisters(ctx.store)).map((r) => [r.id, r] as [string, Register]));
  const errors: Array<{ path: string; message: ReturnType<typeof text> }> = [];
  input.points.forEach((pt, i) => {
    const r = registers.get(pt.registerId);
    if (!r) errors.push({ path: `points.${i}.registerId`, message: text(`Onbekend register: ${pt.registerId}`, `Unknown register: ${pt.registerId}`) });
    else if (pt.category !== undefined && !r.categories.some((c) => c.id === pt.category)) errors.push({ path: `points.${i}.category`, message: text(`${r.name} kent de categorie ${pt.category} niet`, `${r.name} has no category ${pt.category}`) });
  });
  if (input.date > todayOf(ctx)) errors.push({ path: 'date', message: text('De datum ligt in de toekomst', 'The date is in the future') });
  if (errors.length > 0) throw new Problem('unprocessable', errors[0]!.message, { errors });
}

const fieldsOf = (input: ExternalInput) => ({
  title: input.title,
  provider: input.provider,
  date: input.date,
  hours: input.hours,
  ...(input.accreditationNumber ? { accreditationNumber: input.accreditationNumber } : {}),
  ...(input.description ? { description: input.description } : {}),
  points: input.points.map((p) => ({ registerId: p.registerId, amount: p.amount, ...(p.category ? { category: p.category } : {}) })),
});

async function viewOf(ctx: PortfolioCtx, userId: string, entryId: string): Promise<EntryView> {
  const e = (await readPortfolio(ctx.store, userId, { consistent: true })).entries.find((x) => x.id === entryId);
  if (!e) throw notFound();
  return e;
}

export async function addExternal(ctx: PortfolioCtx, input: ExternalInput): Promise<EntryView> {
  const p = ownPortfolio(ctx, 'write');
  await checkExternal(ctx, input);
  const now = nowOf(ctx).toISOString();
  const e: ExternalEntry = { id: timeId(), ...fieldsOf(input), rev: 1, createdAt: now, updatedAt: now };
  await db.putExternal(ctx.store, p.id, e, null);
  return viewOf(ctx, p.id, `external:${e.id}`);
}

const changed = () => new Problem('versionConflict', text('Deze activiteit is intussen gewijzigd; laad de nieuwste versie', 'This activity has been changed in the meantime; load the latest version'));

export async function updateExternal(ctx: PortfolioCtx, entryId: string, input: z.infer<typeof ExternalEntryUpdateSchema>): Promise<EntryView> {
  const p = ownPortfolio(ctx, 'write');
  const id = externalIdOf(entryId);
  const current = await db.getExternal(ctx.store, p.id, id);
  if (!current) throw notFound();
  await checkExternal(ctx, input);
  if (input.rev !== current.rev) throw changed();
  const next: ExternalEntry = { ...fieldsOf(input), id, rev: current.rev + 1, createdAt: current.createdAt, updatedAt: nowOf(ctx).toISOString(), ...(current.evidence ? { evidence: current.evidence } : {}) };
  if (!(await db.putExternal(ctx.store, p.id, next, input.rev))) throw changed();
  return viewOf(ctx, p.id, entryId);
}

/** The entry, its reflection and its evidence file go; the revision must be the one last read (`rev` query). */
export async function removeExternal(ctx: PortfolioCtx, entryId: string, rev: number) {
  const p = ownPortfolio(ctx, 'write');
  const id = externalIdOf(entryId);
  const current = await db.getExternal(ctx.store, p.id, id);
  if (!current) throw notFound();
  if (current.rev !== rev || !(await db.deleteExternal(ctx.store, p.id, id, rev))) throw changed();
  if (current.evidence) await deleteObject(ctx, current.evidence.objectKey);
  return { deleted: entryId };
}

async function deleteObject(ctx: PortfolioCtx, key: string) {
  await ctx.store.s3.send(new DeleteObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: key })).catch(() => undefined);
}

/** A reflection on any entry in the portfolio; an empty text removes it. */
export async function saveReflection(ctx: PortfolioCtx, entryId: string, input: z.infer<typeof ReflectionInputSchema>): Promise<EntryView> {
  const p = ownPortfolio(ctx, 'write');
  const read = await readPortfolio(ctx.store, p.id, { consistent: true });
  if (!read.entries.some((e) => e.id === entryId)) throw notFound();
  if (input.text === '') await db.deleteReflection(ctx.store, p.id, entryId);
  else if (!(await db.putReflection(ctx.store, p.id, { entryId, text: input.text, sharedWithManager: input.sharedWithManager, updatedAt: nowOf(ctx).toISOString() }))) throw notFound();
  return viewOf(ctx, p.id, entryId);
}

// ---- evidence ----------------------------------------------------------------------------------------

export async function startEvidenceUpload(ctx: PortfolioCtx, entryId: string, input: { fileName: string; contentType: EvidenceType; bytes: number }) {
  const p = ownPortfolio(ctx, 'write');
  const id = externalIdOf(entryId);
  if (!(await db.getExternal(ctx.store, p.id, id))) throw notFound();
  const uploadId = timeId();
  await db.putPendingEvidence(ctx.store, {
    uploadId,
    purpose: 'portfolio-evidence',
    userId: p.id,
    entryId: id,
    fileName: evidenceFileName(input.fileName, input.contentType),
    contentType: input.contentType,
    declaredBytes: input.bytes,
    createdAt: nowOf(ctx).toISOString(),
    expiresAt: Math.floor(nowOf(ctx).getTime() / 1000) + 24 * 3600,
  });
  return uploads.presignUpload(ctx.store, uploadId, input.contentType, maxEvidenceBytes);
}

/**
 * Size and first bytes checked (never the declared type alone), then the file is kept and named on
 * the entry in one transaction; a file it replaces is deleted afterwards.
 */
export async function completeEvidenceUpload(ctx: PortfolioCtx, entryId: string, uploadId: string): Promise<EntryView> {
  const p = ownPortfolio(ctx, 'write');
  const id = externalIdOf(entryId);
  const pending = await db.getPendingEvidence(ctx.store, uploadId);
  if (!pending || pending.userId !== p.id || pending.entryId !== id) throw new Problem('notFound', text('Onbekende of verlopen upload', 'Unknown or expired upload'));
  const entry = await db.getExternal(ctx.store, p.id, id);
  if (!entry) throw notFound();
  const { size, etag, claim } = await uploads.claimUpload(ctx.store, uploadId, { maxBytes: maxEvidenceBytes, matches: (head) => matchesEvidence(pending.contentType, head), label: evidenceTypes[pending.contentType].label });
  const now = nowOf(ctx).toISOString();
  const evidence: EvidenceFile = { fileName: pending.fileName, contentType: pending.contentType, bytes: size, objectKey: evidenceKey(p.id, id, timeId()), uploadedAt: now };
  try {
    await uploads.keepUpload(ctx.store, uploadId, evidence.objectKey, evidence.contentType, etag, claim, 'attachments', [db.evidencePart(p.id, id, entry.rev, evidence, now)]);
  } catch (err) {
    // The entry changed between reading and keeping (edited, deleted): nothing was kept, and the upload can be completed again.
    if (conditionFailed(err, 0)) throw changed();
    throw err;
  }
  if (entry.evidence) await deleteObject(ctx, entry.evidence.objectKey);
  return viewOf(ctx, p.id, entryId);
}

/** Only the owner, and always as a download (`Content-Disposition: attachment`, set by the route). */
export async function openEvidence(ctx: PortfolioCtx, entryId: string) {
  const p = ownPortfolio(ctx, 'read-evidence');
  const m = /^external:([A-Za-z0-9_-]+)$/.exec(entryId);
  const entry = m ? await db.getExternal(ctx.store, p.id, m[1]!) : undefined;
  if (!entry?.evidence) throw new Problem('notFound', text('Bestand niet gevonden', 'File not found'));
  const object = await ctx.store.s3.send(new GetObjectCommand({ Bucket: ctx.store.buckets.attachments, Key: entry.evidence.objectKey }));
  return { evidence: entry.evidence, body: object.Body!.transformToWebStream() };
}
