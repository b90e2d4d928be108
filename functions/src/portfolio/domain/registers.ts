/**
 * Professional registers as data (pure): a register's rules and its registration-number format.
 * The academy writes the pattern; a learner's number is checked against it on every save.
 */
import type { RegisterCategory, RegisterUnit } from './points';

export interface Register {
  id: string;
  /** The name module accreditation uses in `register`; fixed after creation. */
  name: string;
  description: string;
  unit: RegisterUnit;
  cycleYears: number;
  requiredTotal: number;
  minimumAccredited?: number;
  categories: RegisterCategory[];
  /** A regular expression the whole registration number must match, e.g. `^\d{11}$` (BIG). */
  registrationNumberPattern: string;
  registrationNumberExample: string;
  rev: number;
  createdAt: string;
  updatedAt: string;
}

/** The pattern as a RegExp, or null when it does not compile. Unicode mode, so `\d` and classes behave predictably. */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

/** Whether a registration number fits the register's format (numbers are short: at most 40 characters). */
export function validRegistrationNumber(register: Pick<Register, 'registrationNumberPattern'>, value: string): boolean {
  if (value.length === 0 || value.length > 40) return false;
  return compilePattern(register.registrationNumberPattern)?.test(value) ?? false;
}
