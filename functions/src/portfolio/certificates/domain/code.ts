/**
 * Verification codes: what a certificate carries so anyone can check it at `/verify/{code}`. The
 * code is the only key to the verification record, so it must not be guessable: 15 characters of
 * Crockford base32 from a cryptographic random source (75 bits: guessing one valid code among a
 * million certificates takes ~2^55 tries). Crockford's alphabet leaves out I, L, O and U, so a code
 * read aloud or typed from paper survives the usual confusions (O→0, I/L→1 when normalised).
 * Pure: the random bytes are handed in.
 */
export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a code; shown in groups of five (`7K2QD-M9XTA-4PZ1R`). */
export const codeLength = 15;
const groupSize = 5;

/** Bytes of randomness `codeFrom` needs (one per character; 256 is a multiple of 32, so no bias). */
export const codeRandomBytes = codeLength;

/** A code from random bytes (each byte picks one character: 256 = 8 × 32, so every character is equally likely). */
export function codeFrom(random: Uint8Array): string {
  if (random.length < codeLength) throw new Error(`codeFrom needs ${codeLength} random bytes`);
  let out = '';
  for (let i = 0; i < codeLength; i++) out += codeAlphabet[random[i]! % 32];
  return out;
}

/** The code as printed: groups of five joined by a hyphen. */
export function groupCode(code: string): string {
  const parts: string[] = [];
  for (let i = 0; i < code.length; i += groupSize) parts.push(code.slice(i, i + groupSize));
  return parts.join('-');
}

/**
 * What someone typed or scanned, as stored: hyphens and spaces dropped, upper case, and the
 * letters Crockford maps (O→0, I/L→1). Undefined when it cannot be a code, so a malformed code
 * answers exactly like an unknown one.
 */
export function normaliseCode(input: string): string | undefined {
  const s = input.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== codeLength) return undefined;
  for (const ch of s) if (!codeAlphabet.includes(ch)) return undefined;
  return s;
}
