import { z } from '@hono/zod-openapi';

/**
 * RFC 9457 problem details. Every error the API returns is one of these types; the
 * `type` URIs are stable identifiers clients may switch on, so never rename them.
 */
const base = 'https://academie.example/problems/';

export const problemTypes = {
  validation: { type: `${base}validation`, title: 'Ongeldige invoer', status: 400 },
  badRequest: { type: `${base}bad-request`, title: 'Ongeldig verzoek', status: 400 },
  unauthenticated: { type: `${base}unauthenticated`, title: 'Aanmelden vereist', status: 401 },
  forbidden: { type: `${base}forbidden`, title: 'Geen toegang', status: 403 },
  notFound: { type: `${base}not-found`, title: 'Niet gevonden', status: 404 },
  methodNotAllowed: { type: `${base}method-not-allowed`, title: 'Methode niet toegestaan', status: 405 },
  conflict: { type: `${base}conflict`, title: 'Conflict', status: 409 },
  versionConflict: { type: `${base}version-conflict`, title: 'Iemand anders heeft dit intussen gewijzigd', status: 409 },
  payloadTooLarge: { type: `${base}payload-too-large`, title: 'Verzoek te groot', status: 413 },
  unsupportedMediaType: { type: `${base}unsupported-media-type`, title: 'Niet-ondersteund mediatype', status: 415 },
  unprocessable: { type: `${base}unprocessable`, title: 'Kan niet worden verwerkt', status: 422 },
  tooManyRequests: { type: `${base}too-many-requests`, title: 'Te veel verzoeken', status: 429 },
  storeUnavailable: { type: `${base}store-unavailable`, title: 'Opslag tijdelijk niet bereikbaar', status: 503 },
  identityUnavailable: { type: `${base}identity-unavailable`, title: 'Aanmelddienst tijdelijk niet bereikbaar', status: 503 },
  internal: { type: `${base}internal`, title: 'Interne fout', status: 500 },
} as const;

export type ProblemKind = keyof typeof problemTypes;

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Thrown anywhere in a request; the error handler turns it into a problem+json response. */
export class Problem extends Error {
  readonly kind: ProblemKind;
  readonly detail?: string;
  readonly extensions: Record<string, unknown>;

  constructor(kind: ProblemKind, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? problemTypes[kind].title);
    this.name = 'Problem';
    this.kind = kind;
    this.detail = detail;
    this.extensions = extensions;
  }

  get status(): number {
    return problemTypes[this.kind].status;
  }
}

export function problemBody(
  kind: ProblemKind,
  opts: { detail?: string; instance?: string; requestId?: string; extensions?: Record<string, unknown> } = {},
): ProblemBody {
  const t = problemTypes[kind];
  const standard = {
    type: t.type,
    title: t.title,
    status: t.status,
    ...(opts.detail ? { detail: opts.detail } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
  };
  // Standard members first for readability, and again last so an extension can never overwrite them.
  return { ...standard, ...opts.extensions, ...standard };
}

/** For the OpenAPI document: every error response has this shape (see `problemResponse` in ./contract.ts). */
export const ProblemSchema = z
  .object({
    type: z.string().url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');
