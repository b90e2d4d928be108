import { z } from '@hono/zod-openapi';
import { inLanguage, text, type Language, type Message, type Text } from './language';

/**
 * RFC 9457 problem details. Every error the API returns is one of these types; the
 * `type` URIs are stable identifiers clients may switch on, so never rename them. Titles, details
 * and field messages are written in Dutch and English (`text(nl, en)`, ./language.ts) and the
 * language is picked once, in `problemBody`.
 */
const base = 'https://academie.example/problems/';

export const problemTypes = {
  validation: { type: `${base}validation`, title: text('Ongeldige invoer', 'Invalid input'), status: 400 },
  badRequest: { type: `${base}bad-request`, title: text('Ongeldig verzoek', 'Bad request'), status: 400 },
  unauthenticated: { type: `${base}unauthenticated`, title: text('Aanmelden vereist', 'Sign-in required'), status: 401 },
  forbidden: { type: `${base}forbidden`, title: text('Geen toegang', 'No access'), status: 403 },
  /** A partner organisation suspended by the academy: its users are refused on every request until it is re-activated (functions/src/partners). */
  organisationSuspended: { type: `${base}organisation-suspended`, title: text('Organisatie geschorst', 'Organisation suspended'), status: 403 },
  /** A partner organisation's access revoked, or the partner user removed from it (functions/src/partners). */
  partnerAccessRevoked: { type: `${base}partner-access-revoked`, title: text('Toegang ingetrokken', 'Access withdrawn'), status: 403 },
  notFound: { type: `${base}not-found`, title: text('Niet gevonden', 'Not found'), status: 404 },
  methodNotAllowed: { type: `${base}method-not-allowed`, title: text('Methode niet toegestaan', 'Method not allowed'), status: 405 },
  conflict: { type: `${base}conflict`, title: text('Conflict', 'Conflict'), status: 409 },
  versionConflict: { type: `${base}version-conflict`, title: text('Iemand anders heeft dit intussen gewijzigd', 'Someone else has changed this in the meantime'), status: 409 },
  payloadTooLarge: { type: `${base}payload-too-large`, title: text('Verzoek te groot', 'Request too large'), status: 413 },
  unsupportedMediaType: { type: `${base}unsupported-media-type`, title: text('Niet-ondersteund mediatype', 'Unsupported media type'), status: 415 },
  unprocessable: { type: `${base}unprocessable`, title: text('Kan niet worden verwerkt', 'Cannot be processed'), status: 422 },
  tooManyRequests: { type: `${base}too-many-requests`, title: text('Te veel verzoeken', 'Too many requests'), status: 429 },
  storeUnavailable: { type: `${base}store-unavailable`, title: text('Opslag tijdelijk niet bereikbaar', 'Storage temporarily unavailable'), status: 503 },
  identityUnavailable: { type: `${base}identity-unavailable`, title: text('Aanmelddienst tijdelijk niet bereikbaar', 'Sign-in service temporarily unavailable'), status: 503 },
  internal: { type: `${base}internal`, title: text('Interne fout', 'Internal error'), status: 500 },
} as const;

export type ProblemKind = keyof typeof problemTypes;

/** One field's message, as the code writes it: in both languages (zod's own are already in the request's). */
export interface FieldError {
  path: string;
  message: Message;
}

/** Extension members of a problem; `errors`, if any, carry messages in both languages. */
export type ProblemExtensions = Record<string, unknown> & { errors?: FieldError[] };

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: Array<{ path: string; message: string }>;
  [extension: string]: unknown;
}

/** Thrown anywhere in a request; the error handler turns it into a problem+json response. */
export class Problem extends Error {
  readonly kind: ProblemKind;
  readonly detail?: Text;
  readonly extensions: ProblemExtensions;

  /** `detail` in both languages (`text(nl, en)`): the type checker refuses a bare string. */
  constructor(kind: ProblemKind, detail?: Text, extensions: ProblemExtensions = {}) {
    super((detail ?? problemTypes[kind].title).nl);
    this.name = 'Problem';
    this.kind = kind;
    this.detail = detail;
    this.extensions = extensions;
  }

  get status(): number {
    return problemTypes[this.kind].status;
  }
}

/** The body of a problem response, its title, detail and field messages in `language` (Dutch unless told). */
export function problemBody(
  kind: ProblemKind,
  opts: { detail?: Text; language?: Language; instance?: string; requestId?: string; extensions?: ProblemExtensions } = {},
): ProblemBody {
  const t = problemTypes[kind];
  const lang = opts.language ?? 'nl';
  const { errors: fieldErrors, ...extensions } = opts.extensions ?? {};
  const errors = fieldErrors?.map((e) => ({ path: e.path, message: inLanguage(e.message, lang) }));
  const standard = {
    type: t.type,
    title: t.title[lang],
    status: t.status,
    ...(opts.detail ? { detail: opts.detail[lang] } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
  };
  // Standard members first for readability, and again last so an extension can never overwrite them.
  return { ...standard, ...extensions, ...(errors ? { errors } : {}), ...standard };
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
