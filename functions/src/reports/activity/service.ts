/**
 * The activity view: per network and quarter, members joined, articles published and reviewed,
 * events held and their attendance, questions asked and answered with the median time to answer.
 * Reads each feature through its index; counts with the pure rules of ../domain/activity.ts.
 * Counts only: no names, no question text.
 */
import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { actorOf, authorize } from '../../policy';
import { getNetwork, listMembers, listNetworks, membershipsOf, type Network } from '../../networks';
import { networkPublications, questionTimes } from '../../knowledge';
import { networkEventsHeld } from '../../learning';
import { activityByQuarter, quarterOf, quarterRange, quartersOf } from '../domain/activity';
import { nowOf, type ReportsCtx } from '../context';

function signedIn(ctx: ReportsCtx) {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om de activiteit te zien', 'Sign in to see the activity'));
  return ctx.principal;
}

async function networkFigures(ctx: ReportsCtx, network: Network, quarters: string[]) {
  const range = { from: quarterRange(quarters[0]!).from, to: quarterRange(quarters[quarters.length - 1]!).to };
  const [members, publications, events, questions] = await Promise.all([
    listMembers(ctx.store, network.id),
    networkPublications(ctx.store, network.id),
    networkEventsHeld(ctx.store, network.id, range),
    questionTimes(ctx.store, network.id, range),
  ]);
  const joinedAt = members.flatMap((m) => {
    const at = (m as { joinedAt?: string }).joinedAt;
    return at ? [at] : [];
  });
  return { members: members.length, quarters: activityByQuarter({ joinedAt, publications, events, questions }, quarters, nowOf(ctx).toISOString()) };
}

/** One network's year, quarter by quarter: its lead experts and the academy. */
export async function networkActivity(ctx: ReportsCtx, networkId: string, year?: number) {
  const p = signedIn(ctx);
  const network = await getNetwork(ctx.store, networkId);
  if (!network) throw new Problem('notFound', text(`Onbekend netwerk: ${networkId}`, `Unknown network: ${networkId}`));
  authorize(actorOf(p, await membershipsOf(ctx.store, p.id)), 'networkActivity', 'read', { networkId });
  const y = year ?? Number(quarterOf(nowOf(ctx).toISOString()).slice(0, 4));
  const figures = await networkFigures(ctx, network, quartersOf(y));
  return { networkId, name: network.name, year: y, ...figures };
}

/** Every network side by side in one quarter: the academy (reports dashboard). */
export async function academyNetworkActivity(ctx: ReportsCtx, quarter?: string) {
  const p = signedIn(ctx);
  authorize(actorOf(p), 'reports', 'read-dashboard', {});
  const q = quarter ?? quarterOf(nowOf(ctx).toISOString());
  const networks = await listNetworks(ctx.store);
  const rows = await Promise.all(
    networks.map(async (n) => {
      const f = await networkFigures(ctx, n, [q]);
      return { networkId: n.id, name: n.name, members: f.members, ...f.quarters[0]! };
    }),
  );
  return { quarter: q, networks: rows.sort((a, b) => a.name.localeCompare(b.name, 'nl')) };
}
