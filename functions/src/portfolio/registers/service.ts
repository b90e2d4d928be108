/**
 * Registers as data: every employee reads them (to add their registrations), the academy keeps
 * them (rules decide everyone's totals, which are computed on read, so an edit recalculates).
 * A register's name is what module accreditation names; it is fixed once the register exists.
 */
import type { z } from '@hono/zod-openapi';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { actorOf, authorize } from '../../policy';
import { nowOf, type PortfolioCtx } from '../context';
import type { Register } from '../domain/registers';
import type { RegisterInputSchema, RegisterUpdateSchema } from '../schemas';
import * as db from './store';

const missing = (id: string) => new Problem('notFound', text(`Geen register met id ${id}`, `No register with id ${id}`));

function may(ctx: PortfolioCtx, action: 'read' | 'manage') {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om de registers te zien', 'Sign in to see the registers'));
  authorize(actorOf(ctx.principal), 'registers', action, {});
}

const byName = (a: Register, b: Register) => a.name.localeCompare(b.name, 'nl');

export async function listRegisters(ctx: PortfolioCtx): Promise<Register[]> {
  may(ctx, 'read');
  return (await db.listRegisters(ctx.store)).sort(byName);
}

export async function getRegister(ctx: PortfolioCtx, id: string): Promise<Register> {
  may(ctx, 'read');
  const r = await db.getRegister(ctx.store, id);
  if (!r) throw missing(id);
  return r;
}

export async function createRegister(ctx: PortfolioCtx, input: z.infer<typeof RegisterInputSchema>): Promise<Register> {
  may(ctx, 'manage');
  // Module accreditation finds a register by its name, so two registers may not share one.
  const clash = (await db.listRegisters(ctx.store)).find((r) => r.name.toLocaleLowerCase('nl') === input.name.toLocaleLowerCase('nl'));
  if (clash) throw new Problem('conflict', text(`Er is al een register met de naam ${input.name}`, `There already is a register named ${input.name}`));
  const now = nowOf(ctx).toISOString();
  const r: Register = { ...input, rev: 1, createdAt: now, updatedAt: now };
  if (!(await db.putRegister(ctx.store, r, null))) throw new Problem('conflict', text(`Register ${input.id} bestaat al`, `Register ${input.id} already exists`));
  return r;
}

export async function updateRegister(ctx: PortfolioCtx, id: string, input: z.infer<typeof RegisterUpdateSchema>): Promise<Register> {
  may(ctx, 'manage');
  const current = await db.getRegister(ctx.store, id, { consistent: true });
  if (!current) throw missing(id);
  const { rev, ...rules } = input;
  const conflict = () => new Problem('versionConflict', text('Dit register is intussen gewijzigd; laad de nieuwste versie', 'This register has been changed in the meantime; load the latest version'), { currentRev: current.rev });
  if (rev !== current.rev) throw conflict();
  const next: Register = { ...current, ...rules, id, name: current.name, rev: current.rev + 1, updatedAt: nowOf(ctx).toISOString() };
  // `minimumAccredited` left out means none: the spread above keeps the old one otherwise.
  if (rules.minimumAccredited === undefined) delete next.minimumAccredited;
  if (!(await db.putRegister(ctx.store, next, rev))) throw conflict();
  return next;
}
