import { randomBytes, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../../platform/config';

/**
 * Launch tokens: what the player on the content origin holds instead of the learner's session.
 * HS256 with the server's own secret (config `SCORM_LAUNCH_SECRET`; locally a random one per
 * process when unset), scoped to one attempt of one learner at one module version, valid for
 * `launchTokenSeconds` (8 hours: a working day; never cut at midnight, which would break a late
 * session mid-course). A launch token is never an app token: its audience and issuer are the
 * runtime's own, and the app's sign-in accepts only RS256 tokens from the identity provider.
 */
export const launchTokenSeconds = 8 * 3600;
const issuer = 'academy-api';
const audience = 'scorm-runtime';

export interface LaunchClaims {
  /** Token id (`jti`). */
  tokenId: string;
  attemptId: string;
  learnerId: string;
  moduleId: string;
  packageVersion: number;
  /** Which launch of the attempt (1, 2, …): a newer launch takes the attempt over. */
  launch: number;
  /** Issued at (epoch seconds). */
  issuedAt: number;
  expiresAt: number;
  /** A partner learner's organisation: the runtime refuses the token once it is suspended or revoked, as the API does with a sign-in. */
  organisationId?: string;
}

export class LaunchTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason);
    this.name = 'LaunchTokenError';
  }
}

let processSecret: Uint8Array | undefined;

function secretOf(config: Pick<AppConfig, 'mode' | 'scormLaunchSecret'>): Uint8Array {
  if (config.scormLaunchSecret) return new TextEncoder().encode(config.scormLaunchSecret);
  if (config.mode === 'aws') throw new Error('Invalid configuration: SCORM_LAUNCH_SECRET is required in AWS mode');
  return (processSecret ??= new Uint8Array(randomBytes(32)));
}

export async function signLaunchToken(config: Pick<AppConfig, 'mode' | 'scormLaunchSecret'>, c: Omit<LaunchClaims, 'tokenId' | 'issuedAt' | 'expiresAt'>, now: Date, seconds = launchTokenSeconds) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + seconds;
  const tokenId = randomUUID();
  const token = await new SignJWT({ att: c.attemptId, mod: c.moduleId, ver: c.packageVersion, lch: c.launch, ...(c.organisationId ? { org: c.organisationId } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'scorm-launch+jwt' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(c.learnerId)
    .setJti(tokenId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(secretOf(config));
  return { token, claims: { ...c, tokenId, issuedAt, expiresAt } satisfies LaunchClaims };
}

export async function verifyLaunchToken(config: Pick<AppConfig, 'mode' | 'scormLaunchSecret'>, token: string, now: Date): Promise<LaunchClaims> {
  try {
    const { payload } = await jwtVerify(token, secretOf(config), { algorithms: ['HS256'], issuer, audience, typ: 'scorm-launch+jwt', currentDate: now, clockTolerance: 5 });
    const { sub, jti, att, mod, ver, lch, iat, exp, org } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof att !== 'string' || typeof mod !== 'string' || typeof ver !== 'number' || typeof lch !== 'number' || typeof iat !== 'number' || typeof exp !== 'number' || (org !== undefined && typeof org !== 'string')) {
      throw new LaunchTokenError('invalid');
    }
    return { tokenId: jti, attemptId: att, learnerId: sub, moduleId: mod, packageVersion: ver, launch: lch, issuedAt: iat, expiresAt: exp, ...(typeof org === 'string' ? { organisationId: org } : {}) };
  } catch (err) {
    if (err instanceof LaunchTokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new LaunchTokenError('expired');
    throw new LaunchTokenError('invalid');
  }
}
