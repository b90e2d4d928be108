/**
 * /kennis/review ("Mijn redactiewerk") and /kennis/review/{id} (a lead expert publishes a draft
 * or returns it with comments). The API decides who may do what; these pages only show it.
 */
import { ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { contentLang, formatDate } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors } from '../../ui/form';
import type { Field } from '../../ui/form';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { renderTrustedArticleHtml } from '../../ui/trusted-html';
import { articleForEditing, myKnowledge, networkArticles, networks as fetchNetworks, publishDraft, returnDraft } from './api';
import type { ArticleForEditing, ArticleMeta, Draft, MyKnowledge, Network } from './api';
import { audienceBadge, page, stateLabel } from './common';
import { kt } from './messages';

const enc = encodeURIComponent;

function section(title: string, ...children: (Node | null)[]): HTMLElement {
  const id = uid('section');
  return h('section', { class: 'work-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export async function knowledgeWork(): Promise<PageView> {
  const m = kt().work;
  if (!currentUser()) return signInRequiredPage();
  let mine: MyKnowledge;
  let networks: Network[];
  let drafts: ArticleMeta[] = [];
  try {
    [mine, networks] = await Promise.all([myKnowledge(), fetchNetworks()]);
    // Running drafts (including returned ones) of the networks I write for: there is no
    // "my drafts" endpoint, so this reads each network's article list (a handful of networks).
    const lists = await Promise.all(mine.networks.filter((n) => n.canWrite).map((n) => networkArticles(n.networkId).catch((): ArticleMeta[] => [])));
    drafts = lists.flat().filter((a) => a.hasDraft && !a.archived);
  } catch (err) {
    return loadFailedPage(err);
  }
  const name = (id: string) => networks.find((n) => n.id === id)?.name ?? id;
  const inQueue = new Set(mine.reviewQueue.map((d) => d.articleId));

  return page(
    m.title,
    section(
      m.queue,
      mine.reviewQueue.length === 0
        ? h('p', null, m.queueEmpty)
        : h(
            'ul',
            { class: 'work-list' },
            mine.reviewQueue.map((d) =>
              h(
                'li',
                { class: 'work-item' },
                h('a', { href: `/kennis/review/${enc(d.articleId)}`, class: 'work-item__title' }, d.title),
                h('p', { class: 'work-item__meta' }, name(d.networkId), ' · ', m.submittedBy(d.updatedBy.name, formatDate(d.submittedAt ?? d.updatedAt))),
              ),
            ),
          ),
    ),
    section(
      m.drafts,
      drafts.filter((a) => !inQueue.has(a.id)).length === 0
        ? h('p', null, m.draftsEmpty)
        : h(
            'ul',
            { class: 'work-list' },
            drafts
              .filter((a) => !inQueue.has(a.id))
              .map((a) =>
                h(
                  'li',
                  { class: 'work-item' },
                  h('a', { href: `/kennis/bewerken/${enc(a.id)}`, class: 'work-item__title' }, a.title),
                  h(
                    'p',
                    { class: 'work-item__meta' },
                    name(a.networkId),
                    ' · ',
                    h('span', { class: `state state--${a.draftState ?? 'editing'}` }, stateLabel(a.draftState ?? 'editing')),
                  ),
                ),
              ),
          ),
    ),
    section(
      m.overdue,
      mine.overdue.length === 0
        ? h('p', null, m.overdueEmpty)
        : h(
            'ul',
            { class: 'work-list' },
            mine.overdue.map((a) =>
              h(
                'li',
                { class: 'work-item' },
                h('a', { href: `/kennis/${enc(a.slug)}`, class: 'work-item__title' }, a.title),
                h(
                  'p',
                  { class: 'work-item__meta' },
                  name(a.networkId),
                  ' · ',
                  kt().article.reviewBy(formatDate(a.reviewBy)),
                  ' · ',
                  h('a', { href: `/kennis/bewerken/${enc(a.id)}` }, kt().article.edit, h('span', { class: 'visually-hidden' }, `: ${a.title}`)),
                ),
              ),
            ),
          ),
    ),
    section(
      m.networks,
      mine.networks.length === 0
        ? h('p', null, m.noNetworks)
        : h(
            'ul',
            { class: 'work-list' },
            mine.networks.map((n) =>
              h(
                'li',
                { class: 'work-item' },
                h('p', { class: 'work-item__title' }, name(n.networkId), ' ', h('span', { class: 'role-badge role-badge--small' }, m.roles[n.role])),
                h(
                  'p',
                  { class: 'work-item__links' },
                  n.canWrite || n.canPublish
                    ? h('a', { href: `/kennis/netwerk/${enc(n.networkId)}` }, m.articles, h('span', { class: 'visually-hidden' }, `: ${name(n.networkId)}`))
                    : null,
                  n.canWrite || n.canPublish
                    ? h('a', { href: `/kennis/signalen/${enc(n.networkId)}` }, m.signals, h('span', { class: 'visually-hidden' }, `: ${name(n.networkId)}`))
                    : null,
                  n.canWrite ? h('a', { href: `/kennis/nieuw?netwerk=${enc(n.networkId)}` }, m.newArticle, h('span', { class: 'visually-hidden' }, `: ${name(n.networkId)}`)) : null,
                ),
              ),
            ),
          ),
    ),
  );
}

export async function knowledgeReview(ctx: PageContext): Promise<PageView> {
  const m = kt().review;
  if (!currentUser()) return signInRequiredPage();
  const id = ctx.params.id ?? '';
  let data: ArticleForEditing;
  try {
    data = await articleForEditing(id);
  } catch (err) {
    return loadFailedPage(err);
  }
  const { article } = data;
  let draft = data.draft;
  if (!draft) {
    return page(
      m.title(article.title),
      h('p', null, m.noDraft),
      h('p', { class: 'actions' }, article.publishedVersion > 0 ? h('a', { href: `/kennis/${enc(article.slug)}` }, m.viewArticle) : null, h('a', { href: '/kennis/review' }, m.toWork)),
    );
  }

  const lang = contentLang(draft.language);
  const body = h('div', { class: 'article-body', lang });
  renderTrustedArticleHtml(body, draft.html, { topLevel: 3 });
  const draftTitleId = uid('draft');
  const stateBadge = h('span', { class: `state state--${draft.state}` }, kt().states[draft.state]);
  const draftView = h(
    'section',
    { class: 'review-draft', 'aria-labelledby': draftTitleId },
    h('h2', { id: draftTitleId, lang }, draft.title),
    h('p', { class: 'lead', lang }, draft.summary),
    h(
      'dl',
      { class: 'article-meta__list' },
      h('div', { class: 'article-meta__item' }, h('dt', null, kt().editor.state), h('dd', null, stateBadge)),
      h('div', { class: 'article-meta__item' }, h('dt', null, kt().article.authors), h('dd', null, draft.authors.map((a) => a.name).join(', '))),
      h('div', { class: 'article-meta__item' }, h('dt', null, kt().search.audience), h('dd', null, audienceBadge(draft.audience))),
    ),
    body,
  );

  const outcome = h('div', { class: 'review-outcome' });
  const actions = h('div', { class: 'review-actions' });

  const decision = (
    key: 'publish' | 'return',
    heading: string,
    label: string,
    hint: string | undefined,
    buttonText: string,
    perform: (text: string, d: Draft) => Promise<void>,
  ): HTMLElement => {
    const textarea = h('textarea', { rows: 3, maxlength: key === 'publish' ? 500 : 2000, 'aria-required': 'true' });
    const f: Field = field(key === 'publish' ? 'note' : 'comment', label, textarea, hint);
    const alerts = h('div', { class: 'alerts' });
    const button = h('button', { type: 'submit', class: key === 'publish' ? 'button' : 'button button--secondary' }, buttonText);
    const headingId = uid('decision');
    const form = h('form', { class: 'decision', novalidate: true, 'aria-labelledby': headingId }, h('h2', { id: headingId }, heading), f.wrapper, alerts, h('p', null, button));
    on(form, {
      submit: (event) => {
        event.preventDefault();
        if (!draft || form.getAttribute('aria-busy')) return;
        replaceChildren(alerts);
        clearFieldErrors([f]);
        const text = textarea.value.trim();
        if (!text) {
          f.setError(kt().editor.required);
          textarea.focus();
          return;
        }
        form.setAttribute('aria-busy', 'true');
        perform(text, draft)
          .catch((err: unknown) => {
            const unclaimed = err instanceof ProblemError ? showFieldErrors([f], err.errors) : [];
            replaceChildren(alerts, problemWithErrors(err, unclaimed));
          })
          .finally(() => form.removeAttribute('aria-busy'));
      },
    });
    return form;
  };

  const done = (...children: (Node | string | null)[]) => {
    const box = h('div', { class: 'review-done', tabindex: -1 }, ...children);
    replaceChildren(actions);
    replaceChildren(outcome, box);
    box.focus();
  };

  if (draft.state === 'in-review') {
    replaceChildren(
      actions,
      decision('publish', m.publishTitle, m.note, m.noteHint, m.publish, async (note, d) => {
        const result = await publishDraft(d.articleId, { expectedRevision: d.revision, note });
        draft = undefined;
        stateBadge.textContent = stateLabel('published');
        stateBadge.className = 'state state--published';
        done(h('p', { class: 'review-done__title' }, m.published(result.version)), h('p', null, h('a', { href: `/kennis/${enc(result.slug)}`, class: 'button' }, m.viewArticle)));
      }),
      decision('return', m.returnTitle, m.comment, undefined, m.return, async (comment, d) => {
        const returned = await returnDraft(d.articleId, { expectedRevision: d.revision, comment });
        draft = returned;
        stateBadge.textContent = kt().states[returned.state];
        stateBadge.className = `state state--${returned.state}`;
        done(h('p', { class: 'review-done__title' }, m.returned), h('p', null, h('a', { href: '/kennis/review' }, m.toWork)));
      }),
    );
  } else {
    actions.append(h('p', { class: 'note' }, m.notInReview), h('p', null, h('a', { href: `/kennis/bewerken/${enc(article.id)}` }, kt().article.edit)));
  }

  return page(m.title(draft.title), outcome, draftView, actions);
}
