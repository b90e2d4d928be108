import { Problem } from '../../platform/http/problem';
import { text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import * as signals from './store';
import { membershipsOf } from '../../networks';
import { actorOf, authorize } from '../../policy';
import type { KnowledgeCtx } from '../articles/service';
import { readBySlug } from '../articles/service';

const signedIn = (ctx: KnowledgeCtx) => {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om feedback te geven', 'Sign in to give feedback'));
  return ctx.principal;
};

/**
 * A reader can only signal on an article they may read; the article is found by its slug, as the
 * reader knows it. Every signal is kept (the reader's history, and a remark for the network to
 * answer), but the article's counts hold one vote per reader: their latest.
 */
export async function createSignal(ctx: KnowledgeCtx, slug: string, input: { useful: boolean; remark?: string }) {
  const p = signedIn(ctx);
  const read = await readBySlug(ctx, slug);
  if (read.kind !== 'article') throw new Problem('notFound', text('Gebruik de actuele link van het artikel', "Use the article's current link"));
  const remark = input.remark?.trim() || undefined;
  const signal: signals.Signal = {
    id: timeId(),
    articleId: read.view.articleId,
    articleSlug: read.view.slug,
    articleTitle: read.view.title,
    networkId: read.view.networkId,
    reader: { id: p.id, name: p.name },
    useful: input.useful,
    remark,
    status: remark ? 'open' : 'closed',
    createdAt: ctx.now ? ctx.now() : new Date().toISOString(),
  };
  // The same reader voting twice at once: the loser starts again from the winner's vote.
  for (let attempt = 0; attempt < 5; attempt++) {
    const previous = await signals.getVote(ctx.store, signal.articleId, p.id);
    if (await signals.recordSignal(ctx.store, signal, previous)) return signal;
  }
  throw new Problem('conflict', text('Je stem werd tegelijk vanaf een andere plek gewijzigd; probeer het opnieuw', 'Your vote was changed from somewhere else at the same time; please try again'));
}

export async function mySignals(ctx: KnowledgeCtx) {
  return signals.signalsOfReader(ctx.store, signedIn(ctx).id);
}

async function requireHandler(ctx: KnowledgeCtx, networkId: string) {
  const p = signedIn(ctx);
  authorize(actorOf(p, await membershipsOf(ctx.store, p.id)), 'network', 'handle-signals', { networkId });
  return p;
}

export async function openSignals(ctx: KnowledgeCtx, networkId: string) {
  await requireHandler(ctx, networkId);
  return signals.openSignalsOfNetwork(ctx.store, networkId);
}

export async function answer(ctx: KnowledgeCtx, articleId: string, signalId: string, answerText: string) {
  const s = await signals.getSignal(ctx.store, articleId, signalId);
  if (!s) throw new Problem('notFound', text('Dit signaal bestaat niet', 'This signal does not exist'));
  const p = await requireHandler(ctx, s.networkId);
  if (s.status !== 'open') throw new Problem('conflict', text('Dit signaal is al beantwoord', 'This signal has already been answered'));
  const at = ctx.now ? ctx.now() : new Date().toISOString();
  if (!(await signals.answerSignal(ctx.store, s, answerText, { id: p.id, name: p.name }, at))) {
    throw new Problem('conflict', text('Dit signaal is intussen door iemand anders beantwoord', 'Someone else has answered this signal in the meantime'));
  }
  return { ...s, status: 'closed' as const, answer: answerText, answeredBy: { id: p.id, name: p.name }, answeredAt: at };
}
