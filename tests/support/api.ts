import { inject } from 'vitest';

/** Small client for tests: real HTTP against the stack started by the global setup. */
export const stack = () => inject('stack');

export async function tokenFor(userId: string): Promise<string> {
  const res = await fetch(`${stack().appUrl}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (res.status !== 200) throw new Error(`token for ${userId}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function api(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`${stack().appUrl}${path}`, { ...init, headers, body });
  const text = await res.text();
  let data: any = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = text;
  }
  return { status: res.status, headers: res.headers, data };
}

/** Demo users from content/people/users.json, by role, for matrices. */
export const demo = {
  admin: 'u-sanne-de-vries',
  author: 'u-fatima-el-amrani',
  author2: 'u-joost-bakker',
  trainer: 'u-ingrid-jansen',
  manager: 'u-mark-visser',
  employee: 'u-noor-hendriks',
  employee2: 'u-daan-smit',
  partner: 'u-eva-mulder',
  partner2: 'u-rachid-ouali',
} as const;
