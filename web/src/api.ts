/**
 * Thin fetch wrapper for `/api/*`: adds the bearer token and the UI's language (the API writes its
 * messages in it) and turns RFC 9457 problem+json responses into a `ProblemError` the UI can show as-is.
 */
import { lang, t } from './i18n';
import { clearToken, getToken } from './token';

export interface FieldError {
  /** Dotted path of the offending input field, e.g. `title` or `tags.0`. */
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** Validation problems per field (the API's `errors` extension). */
  errors?: FieldError[];
  /** Any other extension members (e.g. `currentRevision` of a version conflict). */
  extensions?: Record<string, unknown>;
}

export class ProblemError extends Error implements Problem {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors: FieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.requestId = problem.requestId;
    this.errors = problem.errors ?? [];
    this.extensions = problem.extensions ?? {};
  }

  /** The last segment of the problem `type` URI, e.g. `version-conflict`; stable to switch on. */
  get kind(): string {
    return this.type?.split('/').pop() ?? '';
  }
}

let unauthorizedHandler: (() => void) | null = null;

/** Auth registers here so a 401 anywhere signs the reader out without api.ts importing auth. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

/**
 * Problem types that say the caller's organisation no longer has access (suspended, revoked, or the
 * user removed from it): refused on every request, so the shell shows one clear page instead.
 */
export const accessWithdrawnKinds: readonly string[] = ['organisation-suspended', 'partner-access-revoked'];
let accessWithdrawnHandler: ((problem: ProblemError) => void) | null = null;

/** The shell registers here (main.ts) to show the "no access" page when a partner's access has ended. */
export function onAccessWithdrawn(handler: (problem: ProblemError) => void): void {
  accessWithdrawnHandler = handler;
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': lang() };
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
    const problem = await toProblemError(res);
    if (res.status === 403 && accessWithdrawnKinds.includes(problem.kind)) accessWithdrawnHandler?.(problem);
    throw problem;
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
  const standard = new Set(['type', 'title', 'status', 'detail', 'instance', 'requestId', 'errors']);
  const errors = Array.isArray(body.errors)
    ? body.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({ path: typeof e.path === 'string' ? e.path : '', message: typeof e.message === 'string' ? e.message : '' }))
        .filter((e) => e.message !== '')
    : [];
  return new ProblemError({
    type: text('type'),
    title: text('title') ?? t().errors.generic,
    status: typeof body.status === 'number' ? body.status : res.status,
    detail: text('detail') ?? (text('title') ? undefined : t().errors.genericDetail),
    instance: text('instance'),
    requestId: text('requestId') ?? res.headers.get('x-request-id') ?? undefined,
    errors,
    extensions: Object.fromEntries(Object.entries(body).filter(([key]) => !standard.has(key))),
  });
}
