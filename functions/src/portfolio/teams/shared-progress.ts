import { nowOf, type PortfolioCtx } from '../context';
import { registerProgressOf } from '../registrations/progress';

/**
 * A member's register progress (the registers part of the portfolio: `registerProgressOf`), per
 * registration with whether the member shares it with their team manager. The team page shows a
 * registration only when the policy (`sharedProgress` read, with that `shared`) allows; the
 * member's own home page shows all of theirs.
 */
export interface RegisterProgressSummary {
  registerId: string;
  registerName: string;
  unit: string;
  earned: number;
  required: number;
  missing: number;
  cycleEnd?: string;
  daysLeft?: number;
  /** The member shares this registration's progress with their team manager. */
  shared: boolean;
}

export async function progressOf(ctx: PortfolioCtx, userId: string): Promise<RegisterProgressSummary[]> {
  const list = await registerProgressOf(ctx.store, userId, nowOf(ctx));
  return list.map((p) => ({
    registerId: p.register.id,
    registerName: p.register.name,
    unit: p.unit,
    earned: p.earned,
    required: p.required,
    missing: p.missing,
    cycleEnd: p.cycle.end,
    daysLeft: p.cycle.daysLeft,
    shared: p.shareWithManager === true,
  }));
}
