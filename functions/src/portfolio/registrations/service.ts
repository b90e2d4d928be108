/**
 * A learner's registrations: the registers that apply to them, with their registration number
 * (checked against the register's format), the start of their current cycle, and whether their
 * team manager may see their progress (`shareWithManager`, off unless they turn it on).
 */
import type { z } from '@hono/zod-openapi';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { nowOf, ownPortfolio, type PortfolioCtx } from '../context';
import { validRegistrationNumber, type Register } from '../domain/registers';
import type { RegistrationInputSchema, RegistrationUpdateSchema } from '../schemas';
import { getRegister, listRegisters } from '../registers/store';
import { portfolioItems, type StoredRegistration } from '../store';
import * as db from './store';

export interface RegistrationView extends StoredRegistration {
  registerName: string;
}

export const registrationView = (r: StoredRegistration, register: Pick<Register, 'name'> | undefined): RegistrationView => ({ ...r, registerName: register?.name ?? r.registerId });

async function registerFor(ctx: PortfolioCtx, registerId: string): Promise<Register> {
  const register = await getRegister(ctx.store, registerId);
  if (!register) {
    const message = text(`Onbekend register: ${registerId}`, `Unknown register: ${registerId}`);
    throw new Problem('unprocessable', message, { errors: [{ path: 'registerId', message }] });
  }
  return register;
}

function checkNumber(register: Register, value: string) {
  if (validRegistrationNumber(register, value)) return;
  const message = text(
    `Dit is geen geldig registratienummer voor ${register.name}; bijvoorbeeld ${register.registrationNumberExample}`,
    `This is not a valid registration number for ${register.name}; for example ${register.registrationNumberExample}`,
  );
  throw new Problem('unprocessable', message, { errors: [{ path: 'registrationNumber', message }] });
}

const notRegistered = (registerId: string) => new Problem('notFound', text(`Je hebt geen registratie bij ${registerId}`, `You have no registration with ${registerId}`));

export async function myRegistrations(ctx: PortfolioCtx): Promise<RegistrationView[]> {
  const p = ownPortfolio(ctx, 'read');
  const [{ registrations }, registers] = await Promise.all([portfolioItems(ctx.store, p.id), listRegisters(ctx.store)]);
  const byId = new Map(registers.map((r) => [r.id, r]));
  return registrations.map((r) => registrationView(r, byId.get(r.registerId))).sort((a, b) => a.registerName.localeCompare(b.registerName, 'nl'));
}

export async function addRegistration(ctx: PortfolioCtx, input: z.infer<typeof RegistrationInputSchema>): Promise<RegistrationView> {
  const p = ownPortfolio(ctx, 'write');
  const register = await registerFor(ctx, input.registerId);
  checkNumber(register, input.registrationNumber);
  const now = nowOf(ctx).toISOString();
  const r: StoredRegistration = { registerId: register.id, registrationNumber: input.registrationNumber, cycleStart: input.cycleStart, shareWithManager: input.shareWithManager, rev: 1, createdAt: now, updatedAt: now };
  if (!(await db.putRegistration(ctx.store, p.id, r, null))) throw new Problem('conflict', text(`Je hebt al een registratie bij ${register.name}`, `You already have a registration with ${register.name}`));
  return registrationView(r, register);
}

export async function updateRegistration(ctx: PortfolioCtx, registerId: string, input: z.infer<typeof RegistrationUpdateSchema>): Promise<RegistrationView> {
  const p = ownPortfolio(ctx, 'write');
  const current = await db.getRegistration(ctx.store, p.id, registerId);
  if (!current) throw notRegistered(registerId);
  const register = await registerFor(ctx, registerId);
  checkNumber(register, input.registrationNumber);
  const conflict = () => new Problem('versionConflict', text('Deze registratie is intussen gewijzigd; laad de nieuwste versie', 'This registration has been changed in the meantime; load the latest version'), { currentRev: current.rev });
  if (input.rev !== current.rev) throw conflict();
  const next: StoredRegistration = { ...current, registrationNumber: input.registrationNumber, cycleStart: input.cycleStart, shareWithManager: input.shareWithManager, rev: current.rev + 1, updatedAt: nowOf(ctx).toISOString() };
  if (!(await db.putRegistration(ctx.store, p.id, next, { rev: input.rev, shareWithManager: current.shareWithManager }))) throw conflict();
  return registrationView(next, register);
}

/** Removing a registration removes nothing else: the learning stays in the portfolio. */
export async function removeRegistration(ctx: PortfolioCtx, registerId: string) {
  const p = ownPortfolio(ctx, 'write');
  // Deleted as read (its revision), so the count of shared registrations goes down with the one that shared.
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await db.getRegistration(ctx.store, p.id, registerId);
    if (!current) throw notRegistered(registerId);
    if (await db.deleteRegistration(ctx.store, p.id, current)) return { deleted: registerId };
  }
  throw new Problem('versionConflict', text('Deze registratie is intussen gewijzigd; probeer het opnieuw', 'This registration has been changed in the meantime; please try again'));
}
