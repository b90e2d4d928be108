/**
 * Bench section `partners` (BENCH_ONLY=partners): what the partner access check costs per request
 * (functions/src/partners/access.ts). The same route (`GET /api/me`: JWT verify, profile GetItem ∥
 * memberships Query) for a partner, whose request also reads their organisation and partner record
 * (one strongly consistent BatchGetItem), and for a staff member, who pays nothing extra; and the
 * check's own read against a raw GetItem. Ratios, not absolute numbers (client and server share
 * the machine).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/src/platform/store/keys';
import { refusalFor } from '../../functions/src/partners';
import type { LocalStack } from '../local/stack';
import { measure, printTable, ratio, type Summary } from './measure';

export async function benchPartners(stack: LocalStack, opts: { requests: number; concurrency: number }) {
  const partnerUser = { id: 'u-eva-mulder', name: 'Eva Mulder', roles: ['partner' as const], organisationId: 'org-hap-de-linde' };
  const staffUser = { id: 'u-noor-hendriks', name: 'Noor Hendriks', roles: ['employee' as const] };
  const [partnerToken, staffToken] = await Promise.all([stack.issuer.mint(partnerUser), stack.issuer.mint(staffUser)]);
  const me = (token: string) => async () => {
    const res = await fetch(`${stack.appUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    return res.status === 200;
  };
  const check = async () => (await refusalFor(stack.store, partnerUser)) === undefined;
  const staffCheck = async () => (await refusalFor(stack.store, staffUser)) === undefined;
  const rawGetItem = async () => Boolean((await stack.store.doc.send(new GetCommand({ TableName: stack.store.tableName, Key: keys.organisation(partnerUser.organisationId) }))).Item);

  await measure('warm-up', me(partnerToken), { ...opts, requests: 500, warmup: 0 });
  // Interleaved (staff, partner, staff): drift during the run shows instead of skewing the ratio.
  const staffBefore = await measure('GET /api/me as staff (no check)', me(staffToken), opts);
  const partner = await measure('GET /api/me as partner (with the check)', me(partnerToken), opts);
  const staffAfter = await measure('GET /api/me as staff (again)', me(staffToken), opts);
  const staff: Summary = { ...staffBefore, name: 'staff (mean of both)', p50: (staffBefore.p50 + staffAfter.p50) / 2, p95: (staffBefore.p95 + staffAfter.p95) / 2 };
  const raw = await measure('raw DynamoDB GetItem (organisation)', rawGetItem, opts);
  const checkOnly = await measure('the check alone: BatchGetItem, 2 items, consistent', check, opts);
  const staffOnly = await measure('the check alone for staff (no read)', staffCheck, opts);

  console.log('\n## Partners: the access check on every partner request\n');
  printTable([staffBefore, partner, staffAfter, raw, checkOnly, staffOnly]);
  console.log('');
  console.log(`ratio partner GET /api/me to staff GET /api/me (cost of the check per request): ${ratio(partner, staff)}`);
  console.log(`added per partner request (p50): ${(partner.p50 - staff.p50).toFixed(2)} ms`);
  console.log(`ratio the check's read to a raw GetItem:                                   ${ratio(checkOnly, raw)}`);
}
