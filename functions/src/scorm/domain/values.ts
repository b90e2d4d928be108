import { manifestWarnings, type ManifestWarning } from './errors';

/** Reading typed values from manifest text: invalid values are ignored with a warning, never guessed. */
export interface ValueReader {
  warnings: ManifestWarning[];
}

const invalid = (r: ValueReader, where: string, name: string, value: string) => {
  r.warnings.push(manifestWarnings.invalidValue(where, name, value));
  return undefined;
};

/** xs:boolean: true/false/1/0 (case and surrounding space tolerated). */
export function readBoolean(r: ValueReader, where: string, name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return invalid(r, where, name, value);
}

/** xs:decimal within [min, max]. */
export function readDecimal(r: ValueReader, where: string, name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v)) return invalid(r, where, name, value);
  const n = Number(v);
  return n >= min && n <= max ? n : invalid(r, where, name, value);
}

/** xs:nonNegativeInteger (within the safe range). */
export function readCount(r: ValueReader, where: string, name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (!/^\+?\d+$/.test(v)) return invalid(r, where, name, value);
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : invalid(r, where, name, value);
}

/** One of a fixed vocabulary (compared exactly, after trimming). */
export function readToken<T extends string>(r: ValueReader, where: string, name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return (allowed as readonly string[]).includes(v) ? (v as T) : invalid(r, where, name, value);
}

/** xs:duration (ISO 8601), e.g. PT1H30M, P1DT2.5S. */
export function readDuration(r: ValueReader, where: string, name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(v) ? v : invalid(r, where, name, value);
}

/** Set `key` on `target` only when the value is defined (keeps the model free of `undefined`). */
export function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

/** Text of a title or label: whitespace runs collapsed, trimmed, control characters removed. Plain text. */
export function plainText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\s+/g, ' ').trim();
}
