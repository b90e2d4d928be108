import { describe, expect, it } from 'vitest';
import { isExpired } from '../../../web/src/token';

const jwt = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

describe('isExpired', () => {
  const now = 1_700_000_000_000;
  it('treats tokens past exp (with skew) as expired', () => {
    expect(isExpired(jwt({ exp: now / 1000 - 1 }), now)).toBe(true);
    expect(isExpired(jwt({ exp: now / 1000 + 10 }), now)).toBe(true);
    expect(isExpired(jwt({ exp: now / 1000 + 3600 }), now)).toBe(false);
  });

  it('leaves unreadable tokens to the server', () => {
    expect(isExpired('garbage', now)).toBe(false);
    expect(isExpired('a.!!!.c', now)).toBe(false);
  });
});
