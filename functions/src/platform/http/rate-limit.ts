import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { Problem } from './problem';
import { text, type Text } from './language';
import type { StoreClients } from '../store/clients';
import { conditional } from '../store/items';
import { keys } from '../store/keys';
import { table } from '../store/schema';
import { update } from '../store/table';

/**
 * Per-user limits on requests that make work for other people (a signal lands in a network's
 * queue, an upload costs storage and a content check). All limits in one place; the WAF's per-IP
 * rate rule (infra/lib/constructs/web-acl.ts) is the coarse outer ring, these are per account.
 * Generous for real use: a reader who leaves twenty remarks in an hour is unusual, a script is not.
 */
export const rateLimits = {
  /** Signals on articles (useful/not useful, remarks and questions for the network). */
  signals: { limit: 20, windowSeconds: 3600, what: text('signalen en vragen', 'signals and questions') },
  /** Starting an upload (article attachments, learners' files): presigned POSTs. */
  uploads: { limit: 60, windowSeconds: 3600, what: text('uploads', 'uploads') },
} as const satisfies Record<string, { limit: number; windowSeconds: number; what: Text }>;

export type RateLimitName = keyof typeof rateLimits;

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request against a fixed window: one conditional UpdateItem (add one, unless the count
 * has reached the limit), so concurrent requests can never together pass the limit. The counter
 * carries the table's TTL attribute and disappears a little after its window.
 */
export async function consume(store: StoreClients, userId: string, name: RateLimitName, now = Date.now()): Promise<RateDecision> {
  const { limit, windowSeconds } = rateLimits[name];
  const nowSeconds = Math.floor(now / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
  const windowEnd = windowStart + windowSeconds;
  let count = 0;
  const counted = await conditional(async () => {
    const res = await update(store, keys.rateLimit(userId, name, windowStart), {
      UpdateExpression: 'SET #ttl = if_not_exists(#ttl, :expires) ADD #count :one',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#count': 'count', '#ttl': table.ttlAttribute },
      ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': windowEnd + 60 },
      ReturnValues: 'UPDATED_NEW',
    });
    count = Number(res.Attributes?.count ?? 1);
  });
  if (counted) return { allowed: true, remaining: Math.max(0, limit - count) };
  return { allowed: false, retryAfterSeconds: Math.max(1, windowEnd - nowSeconds) };
}

/**
 * Route middleware: `middleware: limitPerUser('signals')` in a `createRoute` definition. Runs after
 * sign-in is established (app-wide middleware) and before input validation, so every attempt
 * counts. Over the limit: 429 problem+json with `Retry-After` (seconds until the window ends).
 * Anonymous callers are not counted here; routes that create work require sign-in anyway.
 */
export function limitPerUser(name: RateLimitName): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    if (principal) {
      const decision = await consume(c.get('deps').store, principal.id, name);
      const { limit, windowSeconds, what } = rateLimits[name];
      if (!decision.allowed) {
        c.get('log')?.warn('rate limited', { limit: name, userId: principal.id, retryAfterSeconds: decision.retryAfterSeconds });
        c.header('retry-after', String(decision.retryAfterSeconds));
        const minutes = Math.ceil(decision.retryAfterSeconds / 60);
        throw new Problem(
          'tooManyRequests',
          text(
            `Je hebt het maximum van ${limit} ${what.nl} per ${windowSeconds / 60} minuten bereikt. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
            `You have reached the maximum of ${limit} ${what.en} per ${windowSeconds / 60} minutes. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
          ),
          { limit, windowSeconds, retryAfterSeconds: decision.retryAfterSeconds },
        );
      }
      c.header('ratelimit-remaining', String(decision.remaining));
    }
    await next();
  };
}
