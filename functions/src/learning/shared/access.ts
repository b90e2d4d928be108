import { organisationAllows } from '../../partners';
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { actorOf, authorize, type ModuleResource, type SessionResource } from '../../policy';
import type { LearningCtx } from './context';
import type { StoredModule } from './store';
import type { Session } from '../sessions/store';

/**
 * Modules and sessions as the access policy sees them, for every part of learning. Use cases
 * never compare roles: they build the resource here and ask the policy.
 */

/** The caller as the access policy sees them (learning rules need no network memberships). */
export const actor = (ctx: LearningCtx) => actorOf(ctx.principal);

/** The module as the policy sees it. */
export const moduleResource = (m: Pick<StoredModule, 'status' | 'enrolAudience' | 'kind'>): ModuleResource => ({ status: m.status, enrolAudience: m.enrolAudience, kind: m.kind });

/**
 * Where someone joins a module (enrol, a session, a completion of their own): a partner's
 * organisation may limit its users to some modules, or be suspended (functions/src/partners).
 */
export async function organisationScope(ctx: LearningCtx, moduleId: string): Promise<Pick<ModuleResource, 'organisationAllows'>> {
  const orgId = ctx.principal?.organisationId;
  return orgId ? { organisationAllows: await organisationAllows(ctx.store, orgId, { moduleId }) } : {};
}

/** A module the caller may see; a hidden one answers exactly like a missing one. */
export function visibleModule(ctx: LearningCtx, m: StoredModule | undefined, action: 'read' | 'join' = 'read'): StoredModule {
  if (!m) throw new Problem('notFound', text('Deze module bestaat niet', 'This module does not exist'));
  authorize(actor(ctx), 'module', action, moduleResource(m), text('Deze module bestaat niet', 'This module does not exist'));
  return m;
}

/**
 * The session as the policy sees it (the caller's seat, if any, decides what they may see of it).
 * The module may be left out where only the session's own trainers matter.
 */
export function sessionResource(ctx: LearningCtx, s: Session, m: StoredModule | undefined, seat?: { status: string }): SessionResource {
  return { ...(m ? { module: moduleResource(m) } : {}), trainerIds: s.trainers.map((t) => t.id), callerHasSeat: Boolean(ctx.principal && seat && seat.status !== 'cancelled') };
}
