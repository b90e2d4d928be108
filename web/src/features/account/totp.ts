/**
 * Pure pieces of enrolling an authenticator app (TOTP): the otpauth:// URI the QR code carries,
 * the secret shown for typing, and the 6-digit code check. No I/O, no DOM.
 *
 * Cognito's software tokens are RFC 6238 TOTP with SHA-1, 6 digits and 30-second steps; the URI
 * follows the Key Uri Format authenticator apps read (Google Authenticator, Microsoft
 * Authenticator, FreeOTP, 1Password, ...).
 */

export const totpDigits = 6;
export const totpPeriodSeconds = 30;

/** Base32 as Cognito returns it, without spaces or padding and in capitals (RFC 4648 alphabet). */
export function normaliseSecret(secret: string): string {
  const clean = secret.replace(/[\s=-]/g, '').toUpperCase();
  if (!/^[A-Z2-7]+$/.test(clean)) throw new Error('TOTP secret is not base32');
  return clean;
}

/** The secret in groups of four, easier to type from the screen. */
export function groupSecret(secret: string): string {
  return normaliseSecret(secret).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * `otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`.
 * Issuer and account are percent-encoded (a space as %20, never +); the colon between them stays
 * literal, as the format requires, so neither may contain one.
 */
export function otpauthUri(opts: { issuer: string; account: string; secret: string }): string {
  const issuer = opts.issuer.trim();
  const account = opts.account.trim();
  if (!issuer || !account) throw new Error('otpauth URI needs an issuer and an account');
  if (issuer.includes(':') || account.includes(':')) throw new Error('otpauth issuer and account may not contain ":"');
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    `secret=${normaliseSecret(opts.secret)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${totpDigits}`,
    `period=${totpPeriodSeconds}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

/**
 * The code as typed ("123 456", "123-456", with full-width digits from some keyboards) reduced to
 * its digits; null unless exactly six remain.
 */
export function normaliseCode(input: string): string | null {
  const ascii = input.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
  const code = ascii.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${totpDigits}}$`).test(code) ? code : null;
}
