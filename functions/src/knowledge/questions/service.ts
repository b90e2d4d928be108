/**
 * Consultation questions: a member asks their network, lead experts and network authors answer,
 * the asker reads the answer, and an answered question becomes a draft article of the network in
 * one action (knowledge capture), linked both ways. Questions never identify a client: the obvious
 * identifiers are refused (domain/identifiers.ts).
 */
import type { Principal } from '../../platform/auth/principal';
import { Problem } from '../../platform/http/problem';
import { text, type Text } from '../../platform/http/language';
import { timeId } from '../../platform/store/keys';
import { actorOf, authorize, can, type Actor, type QuestionResource } from '../../policy';
import { getNetwork, membershipsOf, touchNetwork } from '../../networks';
import { slugify } from '../domain/slug';
import { describeFinding, findIdentifiers, summariseFindings } from '../domain/identifiers';
import { createArticle, type KnowledgeCtx } from '../articles/service';
import * as db from './store';
import type { Question } from './store';

export type { Question } from './store';

const nowOf = (ctx: KnowledgeCtx) => (ctx.now ? ctx.now() : new Date().toISOString());

function signedIn(ctx: KnowledgeCtx): Principal {
  if (!ctx.principal) throw new Problem('unauthenticated', text('Meld je aan om vragen te stellen of te lezen', 'Sign in to ask or read questions'));
  return ctx.principal;
}

async function actorFor(ctx: KnowledgeCtx): Promise<Actor> {
  return actorOf(ctx.principal, ctx.principal ? await membershipsOf(ctx.store, ctx.principal.id) : []);
}

export const questionResource = (q: Pick<Question, 'networkId' | 'asker' | 'visibility'>): QuestionResource => ({ networkId: q.networkId, askerId: q.asker.id, visibility: q.visibility });

const noQuestion = (id: string) => text(`Geen vraag met id ${id}`, `No question with id ${id}`);
const unknownNetwork = (id: string) => text(`Onbekend netwerk: ${id}`, `Unknown network: ${id}`);

const fieldNames: Record<string, Text> = {
  title: text('de titel', 'the title'),
  body: text('de vraag', 'the question'),
  answer: text('het antwoord', 'the answer'),
};

/** 422 naming every obvious identifier and where it is (never repeating it), or nothing. */
function refuseIdentifiers(fields: Record<string, string | undefined>): void {
  const findings = findIdentifiers(fields);
  if (findings.length === 0) return;
  const summary = summariseFindings(findings, fieldNames);
  throw new Problem(
    'unprocessable',
    text(
      `Dit lijkt gegevens te bevatten waarmee een cliënt herkenbaar is: ${summary.nl}. Haal ze weg; stel je vraag zonder naam, BSN, geboortedatum, adres of contactgegevens.`,
      `This seems to contain details that identify a client: ${summary.en}. Remove them; ask without name, citizen service number, date of birth, address or contact details.`,
    ),
    { errors: findings.map((f) => ({ path: f.field, message: describeFinding(f, fieldNames) })), identifiers: findings.map((f) => ({ kind: f.kind, field: f.field, index: f.index })) },
  );
}

/** What the caller may do with a question, for the page (the API checks every request anyway). */
function withAbilities(actor: Actor, q: Question) {
  const r = questionResource(q);
  return { ...q, mayAnswer: q.status === 'open' && can(actor, 'question', 'answer', r), mayDraftArticle: q.status === 'answered' && !q.articleId && can(actor, 'question', 'draft-article', r) };
}

async function loadQuestion(ctx: KnowledgeCtx, actor: Actor, questionId: string, networkId?: string): Promise<Question> {
  const q = await db.getQuestion(ctx.store, questionId, true);
  if (!q || (networkId !== undefined && q.networkId !== networkId)) throw new Problem('notFound', noQuestion(questionId));
  authorize(actor, 'question', 'read', questionResource(q), noQuestion(questionId));
  return q;
}

export interface AskInput {
  title: string;
  body: string;
  visibility: 'network' | 'organisation';
}

export async function ask(ctx: KnowledgeCtx, networkId: string, input: AskInput) {
  const p = signedIn(ctx);
  const network = await getNetwork(ctx.store, networkId);
  if (!network) throw new Problem('notFound', unknownNetwork(networkId));
  const actor = await actorFor(ctx);
  authorize(actor, 'question', 'ask', { networkId, askerId: p.id, visibility: input.visibility });
  if (network.status === 'archived') throw new Problem('conflict', text('Dit netwerk is gearchiveerd; het neemt geen vragen meer aan', 'This network has been archived; it no longer takes questions'));
  refuseIdentifiers({ title: input.title, body: input.body });
  const askedAt = nowOf(ctx);
  const q: Question = {
    id: `q-${timeId(Date.parse(askedAt))}`,
    networkId,
    networkName: network.name,
    title: input.title,
    body: input.body,
    visibility: input.visibility,
    asker: { id: p.id, name: p.name },
    askedAt,
    status: 'open',
  };
  await db.putQuestion(ctx.store, q);
  await touchNetwork(ctx.store, networkId, q.askedAt).catch(() => undefined);
  return withAbilities(actor, q);
}

export async function answer(ctx: KnowledgeCtx, networkId: string, questionId: string, answerText: string) {
  const p = signedIn(ctx);
  const actor = await actorFor(ctx);
  const q = await loadQuestion(ctx, actor, questionId, networkId);
  authorize(actor, 'question', 'answer', questionResource(q));
  if (q.status === 'answered') throw alreadyAnswered(q);
  refuseIdentifiers({ answer: answerText });
  const given = { text: answerText, by: { id: p.id, name: p.name }, at: nowOf(ctx) };
  if (!(await db.answerQuestion(ctx.store, q.id, given))) {
    const latest = await db.getQuestion(ctx.store, q.id, true);
    if (latest?.status === 'answered') throw alreadyAnswered(latest);
    throw new Problem('notFound', noQuestion(questionId));
  }
  await touchNetwork(ctx.store, networkId, given.at).catch(() => undefined);
  return withAbilities(actor, { ...q, status: 'answered', answer: given, answeredAt: given.at });
}

const alreadyAnswered = (q: Question) =>
  new Problem('conflict', text(`Deze vraag is al beantwoord door ${q.answer?.by.name ?? 'iemand anders'}`, `${q.answer?.by.name ?? 'Someone else'} has already answered this question`), { answeredBy: q.answer?.by });

const alreadyDrafted = (q: Question) =>
  new Problem('conflict', text(`Van deze vraag is al een concept-artikel gemaakt (${q.articleId})`, `A draft article has already been made from this question (${q.articleId})`), { articleId: q.articleId });

/** The draft's Markdown: the question and its answer, and where it came from. */
export function draftMarkdown(q: Question): string {
  const asked = q.askedAt.slice(0, 10);
  return [
    '## De vraag',
    '',
    q.body,
    '',
    '## Het antwoord',
    '',
    q.answer?.text ?? '',
    '',
    `_Dit concept is gemaakt van een consultatievraag aan het ${q.networkName} (${asked}). Werk het uit tot een artikel voor iedereen: algemeen, met bronnen._`,
  ].join('\n');
}

/**
 * Turns an answered question into a draft article of its network, with knowledge's own create
 * use case, linking the question to the draft in the same transaction: a second time (or two at
 * once) answers 409 naming the draft that exists.
 */
export async function draftArticle(ctx: KnowledgeCtx, networkId: string, questionId: string) {
  signedIn(ctx);
  const actor = await actorFor(ctx);
  const q = await loadQuestion(ctx, actor, questionId, networkId);
  authorize(actor, 'question', 'draft-article', questionResource(q));
  if (q.articleId) throw alreadyDrafted(q);
  if (q.status !== 'answered') throw new Problem('conflict', text('Alleen een beantwoorde vraag kan een concept-artikel worden', 'Only an answered question can become a draft article'));
  const summary = q.body.length > 300 ? `${q.body.slice(0, 297).trimEnd()}…` : q.body;
  const now = nowOf(ctx);
  const create = (slug: string) =>
    createArticle(
      ctx,
      networkId,
      { title: q.title, summary, markdown: draftMarkdown(q), tags: ['consultatievraag'], themes: [], audience: 'internal', language: 'nl', slug },
      {
        sourceQuestionId: q.id,
        // The link is written with the article, and refused once one exists: one question makes one draft.
        also: (articleId) => [db.linkDraftPart(q.id, articleId, now)],
        refused: async () => {
          const latest = await db.getQuestion(ctx.store, q.id, true);
          return latest?.articleId ? alreadyDrafted(latest) : new Problem('conflict', text('Deze vraag is intussen gewijzigd; laad hem opnieuw', 'This question has changed in the meantime; reload it'));
        },
      },
    );
  const base = slugify(q.title).slice(0, 70).replace(/-+$/, '') || 'vraag';
  let created;
  try {
    created = await create(base);
  } catch (err) {
    // A title like an existing article's: the draft gets the question's own suffix (the editor may rename it).
    if (!(err instanceof Problem && err.kind === 'conflict' && err.extensions.errors?.[0]?.path === 'slug')) throw err;
    created = await create(`${base}-${q.id.slice(-6).toLowerCase()}`);
  }
  return { question: withAbilities(actor, { ...q, articleId: created.article.id, articleDraftedAt: now }), article: created.article };
}

export async function getOne(ctx: KnowledgeCtx, questionId: string) {
  signedIn(ctx);
  const actor = await actorFor(ctx);
  return withAbilities(actor, await loadQuestion(ctx, actor, questionId));
}

/** A network's questions the caller may read (open and answered), newest first, with what the caller may do. */
export async function listForNetwork(ctx: KnowledgeCtx, networkId: string) {
  const p = signedIn(ctx);
  if (!(await getNetwork(ctx.store, networkId))) throw new Problem('notFound', unknownNetwork(networkId));
  const actor = await actorFor(ctx);
  const questions = (await db.questionsOfNetwork(ctx.store, networkId)).filter((q) => can(actor, 'question', 'read', questionResource(q)));
  return {
    mayAsk: can(actor, 'question', 'ask', { networkId, askerId: p.id, visibility: 'network' }),
    questions: questions.map((q) => withAbilities(actor, q)),
  };
}

/** "Mijn vragen": the caller's own questions and their answers. */
export async function mine(ctx: KnowledgeCtx) {
  const p = signedIn(ctx);
  const actor = await actorFor(ctx);
  return (await db.questionsOfAsker(ctx.store, p.id)).map((q) => withAbilities(actor, q));
}

/**
 * The activity view (functions/src/reports): a network's questions asked in a period, and those
 * asked up to a year before it (they may be answered in the period), with when they were answered.
 * No text, no names.
 */
export async function questionTimes(store: KnowledgeCtx['store'], networkId: string, range: { from: string; to: string }) {
  const from = new Date(Date.parse(range.from) - 366 * 86_400_000).toISOString();
  return (await db.questionsOfNetwork(store, networkId, { from, to: range.to })).map((q) => ({ askedAt: q.askedAt, ...(q.answeredAt ? { answeredAt: q.answeredAt } : {}) }));
}
