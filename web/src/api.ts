/**
 * Thin fetch wrapper for `/api/*`: adds the bearer token and turns RFC 9457
 * problem+json responses into a `ProblemError` the UI can show as-is.
 */
import { t } from './i18n';
import { clearToken, getToken } from './token';

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
}

export class ProblemError extends Error implements Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly requestId?: string;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.requestId = problem.requestId;
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Auth registers here so a 401 anywhere signs the reader out without api.ts importing auth. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ProblemError({ title: t().errors.network, detail: t().errors.networkDetail, status: 0 });
  }

  if (!res.ok) {
    if (res.status === 401) {
      clearToken();
      unauthorizedHandler?.();
    }
    throw await toProblemError(res);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export async function toProblemError(res: Response): Promise<ProblemError> {
  let body: Record<string, unknown> = {};
  if (/json/i.test(res.headers.get('content-type') ?? '')) {
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      // A broken error body still gets a generic message below.
    }
  }
  const text = (key: string): string | undefined => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  return new ProblemError({
    type: text('type'),
    title: text('title') ?? t().errors.generic,
    status: typeof body.status === 'number' ? body.status : res.status,
    detail: text('detail') ?? (text('title') ? undefined : t().errors.genericDetail),
    instance: text('instance'),
    requestId: text('requestId') ?? res.headers.get('x-request-id') ?? undefined,
  });
}
