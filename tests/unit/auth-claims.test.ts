import { describe, expect, it } from 'vitest';
import { InvalidTokenError, principalFromClaims } from '../../functions/src/platform/auth/verify';
import type { Principal } from '../../functions/src/platform/auth/principal';

// Role names are the policy's business; here only what the token carried.
const hasRole = (p: Principal | null, role: string) => p !== null && (p.roles as string[]).includes(role);

describe('principal from token claims', () => {
  it('keeps only known roles from cognito:groups', () => {
    const p = principalFromClaims({ sub: 'u1', name: 'Noor', token_use: 'id', 'cognito:groups': ['employee', 'superuser', 42] });
    expect(p.roles).toEqual(['employee']);
    expect(p.name).toBe('Noor');
  });

  it('carries the organisation of a partner', () => {
    const p = principalFromClaims({ sub: 'u2', token_use: 'id', 'cognito:groups': ['partner'], 'custom:organisationId': 'org-1' });
    expect(p.organisationId).toBe('org-1');
    expect(hasRole(p, 'partner')).toBe(true);
    expect(hasRole(p, 'employee')).toBe(false);
  });

  it('rejects access tokens and tokens without subject', () => {
    expect(() => principalFromClaims({ sub: 'u1', token_use: 'access' })).toThrow(InvalidTokenError);
    expect(() => principalFromClaims({ token_use: 'id' })).toThrow(InvalidTokenError);
    // A token that does not say it is an ID token is not taken for one.
    expect(() => principalFromClaims({ sub: 'u1' })).toThrow(InvalidTokenError);
  });

  it('treats a token without groups as a user without roles, and anonymous as no role', () => {
    expect(principalFromClaims({ sub: 'u3', token_use: 'id' }).roles).toEqual([]);
    expect(hasRole(null, 'employee')).toBe(false);
  });
});
