import type { StoreClients } from '../../platform/store/clients';
import { keys } from '../../platform/store/keys';
import { batchGet, get, queryAll } from '../../platform/store/table';
import type { AttendanceCompletion, FrozenAccreditation } from './domain/attendance';

/**
 * What the attendance export reads (functions/docs/certificates.md, patterns C6–C8):
 * - who completed a module: one Query on GSI1 `MODULE#{id}#COMPLETIONS` (sparse: learning's
 *   completed learner-module items carry it), with the frozen accreditation and the date;
 * - the register by id (`REGISTER#{id}`) or, by name, from the register list (GSI1 `REGISTERS`);
 * - the learners' registration numbers: one BatchGet of `PORTFOLIO#{userId}` / `REGISTRATION#{registerId}`
 *   (written by the portfolio's registrations; read here by key, only the number).
 */

export async function completionsOfModule(store: StoreClients, moduleId: string): Promise<AttendanceCompletion[]> {
  const items = await queryAll(store, {
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.completionByModule(moduleId, '').GSI1PK },
    ProjectionExpression: 'GSI1SK, moduleId, completedAt, completedModule',
  });
  return items
    .filter((i) => typeof i.completedAt === 'string')
    .map((i) => ({
      userId: String(i.GSI1SK),
      moduleId: String(i.moduleId),
      completedAt: String(i.completedAt),
      accreditation: ((i.completedModule as { accreditation?: FrozenAccreditation[] } | undefined)?.accreditation ?? []),
    }));
}

export interface RegisterRef {
  id?: string;
  name: string;
}

/** A register by id, or else by its name (module accreditation names registers by name); just the name when neither is stored. */
export async function registerRef(store: StoreClients, idOrName: string): Promise<RegisterRef> {
  const byId = await get(store, keys.register(idOrName));
  if (byId && typeof byId.name === 'string') return { id: idOrName, name: byId.name };
  const all = await queryAll(store, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'REGISTERS' }, ProjectionExpression: 'id, #n', ExpressionAttributeNames: { '#n': 'name' } });
  const match = all.find((r) => r.name === idOrName);
  return match ? { id: String(match.id), name: idOrName } : { name: idOrName };
}

/** Registration numbers with the register, by learner (learners without a registration are absent). */
export async function registrationNumbers(store: StoreClients, registerId: string, userIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds)];
  const items = await batchGet(store, unique.map((u) => keys.registration(u, registerId)));
  const out = new Map<string, string>();
  for (const i of items) {
    const userId = String(i.PK).slice(keys.portfolio('').PK.length);
    if (typeof i.registrationNumber === 'string' && i.registrationNumber) out.set(userId, i.registrationNumber);
  }
  return out;
}
