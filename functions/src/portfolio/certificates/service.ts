/**
 * Certificates of completed modules and paths: issued on the first download (one per completion,
 * with a random verification code), drawn as a PDF, verified by anyone with the code, listed and
 * revoked by the academy. What a certificate says is frozen when it is issued: the learner's name,
 * the title and points as the completion froze them (learning's `completedModule` / path event),
 * and the completion date. See functions/docs/certificates.md.
 */
import type { Principal } from '../../platform/auth/principal';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import type { StoreClients } from '../../platform/store/clients';
import { actorOf, authorize } from '../../policy';
import { learnerRecord } from '../../learning';
import { codeFrom, codeRandomBytes, groupCode, normaliseCode } from './domain/code';
import { certificateLayout, type CertificatePoints } from './domain/layout';
import { renderCertificatePdf } from './pdf';
import * as db from './store';
import type { CertificateRecord } from './store';

export interface CertificatesCtx {
  store: StoreClients;
  principal: Principal | null;
  /** The app's public origin, for the verify address in the QR code. */
  origin: string;
  now?: () => string;
}

export type CertificateKind = 'module' | 'path';

const nowOf = (ctx: CertificatesCtx) => (ctx.now ? ctx.now() : new Date().toISOString());
const notCompleted = text('Je hebt dit niet afgerond, dus er is geen certificaat', 'You have not completed this, so there is no certificate');
const unknownCode = text('Geen certificaat met deze code', 'No certificate with this code');

function signedIn(ctx: CertificatesCtx): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan voor je certificaten', 'Sign in for your certificates'));
  return ctx.principal;
}

export const verifyUrl = (origin: string, code: string) => `${origin.replace(/\/$/, '')}/verify/${groupCode(code)}`;
export const pdfPath = (kind: CertificateKind, targetId: string) => `/api/me/certificates/${kind}/${targetId}.pdf`;

/** A completion a certificate can be issued for, with what it froze. */
interface Completion {
  kind: CertificateKind;
  targetId: string;
  title: string;
  completedAt: string;
  points: CertificatePoints[];
}

/** Every completed module and path of the learner, newest first. */
async function completionsOf(store: StoreClients, userId: string): Promise<Completion[]> {
  const record = await learnerRecord(store, userId);
  const modules: Completion[] = record.modules
    .filter((m) => m.completedAt)
    .map((m) => ({
      kind: 'module',
      targetId: m.moduleId,
      title: m.completedModule?.title ?? m.title,
      completedAt: m.completedAt!,
      points: (m.completedModule?.accreditation ?? []).map((a) => ({ register: a.register, points: a.points, ...(a.accreditationNumber ? { accreditationNumber: a.accreditationNumber } : {}), ...(a.edition ? { edition: a.edition } : {}) })),
    }));
  const paths: Completion[] = record.paths
    .filter((p) => p.completedAt)
    .map((p) => {
      const event = record.events.find((e) => e.kind === 'path-completed' && e.pathId === p.pathId && e.completedAt === p.completedAt);
      return { kind: 'path', targetId: p.pathId, title: event?.title ?? p.title, completedAt: p.completedAt!, points: (event?.accreditation ?? []).map((a) => ({ register: a.register, points: a.points })) };
    });
  return [...modules, ...paths].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
}

/** `GET /api/me/certificates`: my completions, each with its certificate once issued. */
export async function myCertificates(ctx: CertificatesCtx) {
  const me = signedIn(ctx);
  authorize(actorOf(me), 'portfolio', 'read', { ownerId: me.id });
  const [completions, issued] = await Promise.all([completionsOf(ctx.store, me.id), db.certificatesOfLearner(ctx.store, me.id)]);
  const byTarget = new Map(issued.map((c) => [`${c.kind}#${c.targetId}`, c]));
  return {
    items: completions.map((c) => {
      const cert = byTarget.get(`${c.kind}#${c.targetId}`);
      return {
        ...c,
        ...(cert ? { certificate: { code: groupCode(cert.code), issuedAt: cert.issuedAt, ...(cert.revokedAt ? { revokedAt: cert.revokedAt } : {}) } } : {}),
        pdf: pdfPath(c.kind, c.targetId),
      };
    }),
  };
}

/**
 * The learner's certificate of their completion: the one issued for it before, or a new one (exactly
 * one, under races). The certificate of an earlier completion stays as it was (revoked or not).
 */
async function certificateFor(ctx: CertificatesCtx, me: Principal, completion: Completion): Promise<CertificateRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const pointer = await db.getPointer(ctx.store, me.id, completion.kind, completion.targetId);
    const existing = pointer ? await db.getCertificate(ctx.store, pointer.code, { consistent: true }) : undefined;
    // One certificate per completion: a module completed again (after the first was taken back) gets a new one.
    if (existing && existing.completedAt === completion.completedAt) return existing;
    const record: CertificateRecord = {
      code: codeFrom(crypto.getRandomValues(new Uint8Array(codeRandomBytes))),
      kind: completion.kind,
      targetId: completion.targetId,
      userId: me.id,
      name: me.name,
      title: completion.title,
      completedAt: completion.completedAt,
      issuedAt: nowOf(ctx),
      points: completion.points,
    };
    const outcome = await db.issue(ctx.store, record, existing ? existing.code : undefined);
    if (outcome === 'issued') return record;
    // 'exists': another request issued it a moment ago (read it); 'code-taken': draw another code.
  }
  throw new Problem('conflict', text('Het certificaat kon niet worden uitgegeven; probeer het opnieuw', 'The certificate could not be issued; try again'));
}

/** `GET /api/me/certificates/{kind}/{targetId}.pdf`: issues the certificate if needed and draws it. */
export async function certificatePdf(ctx: CertificatesCtx, kind: CertificateKind, targetId: string) {
  const me = signedIn(ctx);
  authorize(actorOf(me), 'portfolio', 'download-certificate', { ownerId: me.id });
  const completion = (await completionsOf(ctx.store, me.id)).find((c) => c.kind === kind && c.targetId === targetId);
  if (!completion) throw new Problem('notFound', notCompleted);
  const cert = await certificateFor(ctx, me, completion);
  if (cert.revokedAt) throw new Problem('conflict', text(`Dit certificaat is ingetrokken door de academie (${cert.revokedAt.slice(0, 10)})`, `This certificate was revoked by the academy (${cert.revokedAt.slice(0, 10)})`));
  const bytes = await renderCertificatePdf(certificateLayout(cert, verifyUrl(ctx.origin, cert.code)), new Date(cert.issuedAt));
  return { bytes, fileName: `certificaat-${kind}-${targetId}.pdf` };
}

/** `GET /api/certificates/{code}`, public: only name, title and date, and whether it was revoked. */
export async function verify(ctx: CertificatesCtx, input: string) {
  authorize(actorOf(ctx.principal), 'certificate', 'verify', {});
  const code = normaliseCode(input);
  const cert = code ? await db.getCertificate(ctx.store, code) : undefined;
  if (!cert) throw new Problem('notFound', unknownCode);
  return {
    status: cert.revokedAt ? ('revoked' as const) : ('valid' as const),
    code: groupCode(cert.code),
    name: cert.name,
    title: cert.title,
    completedAt: cert.completedAt,
    ...(cert.revokedAt ? { revokedAt: cert.revokedAt } : {}),
  };
}

const shown = (c: CertificateRecord) => ({ ...c, code: groupCode(c.code) });

function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const fields = ['PK', 'SK', 'GSI1PK', 'GSI1SK'];
    if (key && typeof key === 'object' && Object.keys(key).length === fields.length && fields.every((f) => typeof key[f] === 'string')) return key;
  } catch {
    // falls through to the refusal
  }
  throw new Problem('validation', text('Ongeldige cursor', 'Invalid cursor'), { errors: [{ path: 'cursor', message: text('Gebruik de `next` van de vorige pagina', 'Use the `next` of the previous page') }] });
}

/** `GET /api/certificates`: every certificate, newest first, a page at a time (the academy). */
export async function listAll(ctx: CertificatesCtx, limit: number, cursor?: string) {
  authorize(actorOf(ctx.principal), 'certificate', 'list', {});
  const page = await db.listCertificates(ctx.store, limit, decodeCursor(cursor));
  return { items: page.items.map(shown), ...(page.next ? { next: Buffer.from(JSON.stringify(page.next)).toString('base64url') } : {}) };
}

/** `POST /api/certificates/{code}/revoke`: once; the verify page then says so. */
export async function revokeCertificate(ctx: CertificatesCtx, input: string, reason: string) {
  authorize(actorOf(ctx.principal), 'certificate', 'revoke', {});
  const by = ctx.principal!;
  const code = normaliseCode(input);
  const cert = code ? await db.getCertificate(ctx.store, code, { consistent: true }) : undefined;
  if (!cert || !code) throw new Problem('notFound', unknownCode);
  if (cert.revokedAt) throw new Problem('conflict', text(`Dit certificaat is al ingetrokken (${cert.revokedAt.slice(0, 10)})`, `This certificate was already revoked (${cert.revokedAt.slice(0, 10)})`));
  const at = nowOf(ctx);
  if (!(await db.revoke(ctx.store, code, at, { id: by.id, name: by.name }, reason))) {
    throw new Problem('conflict', text('Dit certificaat is intussen al ingetrokken', 'This certificate has been revoked in the meantime'));
  }
  return shown({ ...cert, revokedAt: at, revokedBy: { id: by.id, name: by.name }, revokeReason: reason });
}

// ---- personal data (functions/src/privacy) ----------------------------------------------------

/** Everything certificates hold of a person: their certificates as issued (for the data export). */
export async function certificatesDataOf(store: StoreClients, userId: string) {
  return (await db.certificatesOfLearner(store, userId)).map(shown);
}

/** Erasure: the person's certificates are deleted (pointers and records); their codes then verify as "not found". */
export async function eraseCertificates(store: StoreClients, userId: string) {
  return { certificates: await db.eraseOfLearner(store, userId) };
}
