/**
 * Blended learning paths: publishing immutable versions (academy), the published paths and one
 * path with my progress, enrolling, and moving to the newest version.
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import { authorize, can } from '../../policy';
import * as db from './store';
import type { PathMeta } from './store';
import { getLearnerPath, getModules, learnerRecord, pathVersion } from '../shared/store';
import { nowOf, signedIn, type LearningCtx } from '../shared/context';
import { actor, moduleResource } from '../shared/access';
import { completeFinishedPaths, completionsFor } from '../completion/service';
import { computeProgress } from '../domain/progress';
import { validatePath } from '../domain/path-rules';
import type { LearningPath, PathStep } from '../domain/types';

export interface PathInput {
  title: string;
  description: string;
  steps: PathStep[];
  minOptional: number;
}

/**
 * Publishes a path version. A new path gets version 1; `existingId` publishes the next version of
 * a path (learners stay on the version they enrolled in). The seed passes `newId` to keep ids stable.
 */
export async function publishPath(ctx: LearningCtx, input: PathInput, opts: { existingId?: string; newId?: string } = {}) {
  authorize(actor(ctx), 'academy', 'publish-paths', {});
  const modules = await getModules(ctx.store, input.steps.map((s) => s.moduleId));
  const errors = validatePath(input, modules);
  if (errors.length > 0) throw new Problem('validation', errors[0]!.message, { errors });
  const now = nowOf(ctx);
  let meta: PathMeta;
  if (opts.existingId) {
    const existing = await db.getPathMeta(ctx.store, opts.existingId);
    if (!existing) throw new Problem('notFound', text('Dit leerpad bestaat niet', 'This learning path does not exist'));
    meta = existing;
  } else {
    meta = { id: opts.newId ?? `p-${timeId()}`, title: input.title, description: input.description, latestVersion: 0, status: 'draft', rev: 0, createdAt: now, updatedAt: now };
  }
  const version = await db.publishPathVersion(ctx.store, meta, input, now);
  if (version === null) throw new Problem('conflict', opts.existingId ? text('Dit leerpad is intussen gewijzigd; probeer het opnieuw', 'This learning path has been changed in the meantime; please try again') : text(`Leerpad ${meta.id} bestaat al`, `Learning path ${meta.id} already exists`));
  return { id: meta.id, version };
}

/** The steps of a path version the caller may see: never a draft or out-of-audience module. */
async function visibleSteps(ctx: LearningCtx, path: LearningPath) {
  const modules = await getModules(ctx.store, path.steps.map((s) => s.moduleId));
  return path.steps.flatMap((s) => {
    const m = modules.get(s.moduleId);
    return m && can(actor(ctx), 'module', 'read', moduleResource(m)) ? [{ step: s, module: m }] : [];
  });
}

export async function listPaths(ctx: LearningCtx) {
  if (!can(actor(ctx), 'path', 'read', { status: 'published' })) return [];
  const metas = await db.listPublishedPaths(ctx.store);
  return Promise.all(
    metas.map(async (meta) => {
      const steps = await visibleSteps(ctx, (await pathVersion(ctx.store, meta.id, meta.latestVersion))!);
      return { id: meta.id, title: meta.title, description: meta.description, version: meta.latestVersion, stepCount: steps.length, kinds: [...new Set(steps.map((s) => s.module.kind))] };
    }),
  );
}

async function myPathState(ctx: LearningCtx, pathId: string, latestVersion: number) {
  const p = ctx.principal;
  if (!p) return undefined;
  const lp = await getLearnerPath(ctx.store, p.id, pathId);
  if (!lp) return undefined;
  const path = (await pathVersion(ctx.store, pathId, lp.version))!;
  const record = await learnerRecord(ctx.store, p.id);
  return { enrolledVersion: lp.version, latestVersion, completedAt: lp.completedAt, progress: computeProgress(path, completionsFor(path, record.modules)) };
}

export async function pathDetail(ctx: LearningCtx, pathId: string, version?: number | 'latest') {
  const meta = await db.getPathMeta(ctx.store, pathId);
  if (!meta || meta.status !== 'published') throw new Problem('notFound', text('Dit leerpad bestaat niet', 'This learning path does not exist'));
  authorize(actor(ctx), 'path', 'read', { status: meta.status });
  const my = await myPathState(ctx, pathId, meta.latestVersion);
  const wanted = version === 'latest' ? meta.latestVersion : (version ?? my?.enrolledVersion ?? meta.latestVersion);
  const v = await pathVersion(ctx.store, pathId, wanted);
  if (!v) throw new Problem('notFound', text(`Versie ${wanted} van dit leerpad bestaat niet`, `Version ${wanted} of this learning path does not exist`));
  const steps = await visibleSteps(ctx, v);
  return {
    path: {
      id: pathId,
      version: v.version,
      title: v.title,
      description: v.description,
      minOptional: v.minOptional,
      steps: steps.map(({ step, module: m }) => ({ ...step, module: { id: step.moduleId, kind: m.kind, title: m.title, durationMinutes: m.durationMinutes } })),
    },
    my,
  };
}

export async function enrolInPath(ctx: LearningCtx, pathId: string) {
  const p = signedIn(ctx);
  const meta = await db.getPathMeta(ctx.store, pathId);
  if (!meta || meta.status !== 'published') throw new Problem('notFound', text('Dit leerpad bestaat niet', 'This learning path does not exist'));
  authorize(actor(ctx), 'path', 'enrol', { status: meta.status });
  const ok = await db.enrolInPath(ctx.store, p.id, { pathId, title: meta.title, version: meta.latestVersion, enrolledAt: nowOf(ctx) });
  if (!ok) throw new Problem('conflict', text('Je bent al ingeschreven voor dit leerpad', 'You are already enrolled in this learning path'));
  await completeFinishedPaths(ctx, p.id, (id) => id === pathId, nowOf(ctx));
  return myPathState(ctx, pathId, meta.latestVersion);
}

/** Moving to a newer version is explicit; completed modules carry over because completion is per module. */
export async function migrateToLatest(ctx: LearningCtx, pathId: string) {
  const p = signedIn(ctx);
  const meta = await db.getPathMeta(ctx.store, pathId);
  const lp = await getLearnerPath(ctx.store, p.id, pathId);
  if (!meta || !lp) throw new Problem('notFound', text('Je bent niet ingeschreven voor dit leerpad', 'You are not enrolled in this learning path'));
  if (lp.version === meta.latestVersion) return myPathState(ctx, pathId, meta.latestVersion);
  if (!(await db.migratePath(ctx.store, p.id, pathId, lp.version, meta.latestVersion))) throw new Problem('conflict', text('Je inschrijving is intussen gewijzigd', 'Your enrolment has been changed in the meantime'));
  await completeFinishedPaths(ctx, p.id, (id) => id === pathId, nowOf(ctx));
  return myPathState(ctx, pathId, meta.latestVersion);
}
