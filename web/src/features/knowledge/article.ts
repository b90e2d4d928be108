/** /kennis/{slug}: one published article, its meta, related articles and reader feedback. */
import { ProblemError } from '../../api';
import { currentAbilities, currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import { signInHref } from '../../returnTo';
import type { PageContext, PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { contentLang, formatDate } from '../../ui/format';
import { clearFieldErrors, field, showFieldErrors } from '../../ui/form';
import { ut } from '../../ui/messages';
import { loadFailedPage } from '../../ui/page';
import { renderTrustedArticleHtml } from '../../ui/trusted-html';
import { duration, kindBadge } from '../learning/labels';
import { articleBySlug, sendSignal } from './api';
import type { ReaderView } from './api';
import { audienceBadge, page } from './common';
import { kt } from './messages';

export async function knowledgeArticle(ctx: PageContext): Promise<PageView> {
  const m = kt().article;
  const slug = ctx.params.slug ?? '';
  let view: ReaderView;
  try {
    view = await articleBySlug(slug);
  } catch (err) {
    // The API answers a hidden article exactly like a missing one; a visitor who is not signed in
    // is offered sign-in, since that is the one thing that could make it appear.
    if (err instanceof ProblemError && (err.status === 401 || (err.status === 404 && !currentUser()))) {
      return page(m.signInTitle, h('p', null, m.signIn), h('p', null, h('a', { href: signInHref(), class: 'button' }, ut().signInRequired.cta)));
    }
    if (err instanceof ProblemError && err.status === 404) {
      return page(m.notFoundTitle, h('p', null, m.notFound), h('p', null, h('a', { href: '/kennis', class: 'button' }, m.toKnowledge)));
    }
    return loadFailedPage(err);
  }

  // A renamed article: fetch followed the API's 301, so show the current address. Only if the
  // reader is still here: a slower load must not rewrite the URL of a page navigated to since.
  if (view.slug !== slug && location.pathname === ctx.path) {
    history.replaceState(null, '', `/kennis/${encodeURIComponent(view.slug)}${location.hash}`);
  }

  const canEdit = mayEdit(view.networkId);
  const lang = contentLang(view.language);
  const body = h('div', { class: 'article-body', lang });
  renderTrustedArticleHtml(body, view.html, { topLevel: 2 });

  const content = h(
    'div',
    { class: 'page page--knowledge page--article' },
    h(
      'article',
      { class: 'article' },
      h('header', { class: 'article__header' },
        h('p', { class: 'article__network' }, h('a', { href: `/kennis?netwerk=${encodeURIComponent(view.networkId)}` }, view.networkName)),
        h('h1', { lang }, view.title),
        h('p', { class: 'lead', lang }, view.summary),
        meta(view),
        canEdit
          ? h(
              'p',
              { class: 'actions article__actions' },
              h('a', { href: `/kennis/bewerken/${encodeURIComponent(view.articleId)}`, class: 'button button--secondary' }, m.edit),
              h('a', { href: `/kennis/geschiedenis/${encodeURIComponent(view.articleId)}`, class: 'button button--secondary' }, m.history),
            )
          : null,
      ),
      body,
      view.themes.length > 0 || view.tags.length > 0 ? topics(view) : null,
    ),
    view.related.length > 0 ? related(view) : null,
    view.relatedModules?.length > 0 ? relatedModules(view) : null,
    feedback(view.slug),
  );
  return { title: view.title, content };
}

/**
 * "Bewerken"/"Geschiedenis" follow the reader's abilities from /api/me: the write ability in the
 * article's network, or (for someone who writes without being a member there, such as the
 * academy) the general knowledge write ability. The API decides in any case.
 */
function mayEdit(networkId: string): boolean {
  const abilities = currentAbilities();
  if (!abilities) return false;
  return abilities.networks.find((n) => n.networkId === networkId)?.write ?? abilities.knowledge.write;
}

function meta(view: ReaderView): HTMLElement {
  const m = kt().article;
  const item = (term: string, ...value: (Node | string)[]) => h('div', { class: 'article-meta__item' }, h('dt', null, term), h('dd', null, ...value));
  return h(
    'div',
    { class: 'article-meta' },
    h(
      'dl',
      { class: 'article-meta__list' },
      item(m.authors, view.authors.map((a) => a.name).join(', ')),
      item(m.network, view.networkName),
      item(kt().search.audience, audienceBadge(view.audience)),
    ),
    h(
      'p',
      { class: 'article-meta__review' },
      h('span', null, m.reviewed(formatDate(view.publishedAt), view.lastReviewedBy.name)),
      h('span', null, m.reviewBy(formatDate(view.reviewBy))),
    ),
  );
}

function topics(view: ReaderView): HTMLElement {
  const m = kt().article;
  return h(
    'footer',
    { class: 'article__topics' },
    view.themes.length > 0
      ? h('div', null, h('h2', { class: 'topics__title' }, m.themes), h('ul', { class: 'tag-list' }, view.themes.map((theme) => h('li', null, h('a', { href: `/kennis?thema=${encodeURIComponent(theme)}` }, theme)))))
      : null,
    view.tags.length > 0 ? h('div', null, h('h2', { class: 'topics__title' }, m.tags), h('ul', { class: 'tag-list' }, view.tags.map((tag) => h('li', null, tag)))) : null,
  );
}

function related(view: ReaderView): HTMLElement {
  const m = kt().article;
  const id = uid('related');
  return h(
    'section',
    { class: 'related', 'aria-labelledby': id },
    h('h2', { id }, m.related),
    h(
      'ul',
      { class: 'related__list' },
      view.related.map((r) =>
        h('li', null, h('a', { href: `/kennis/${encodeURIComponent(r.slug)}` }, r.title), ' ', audienceBadge(r.audience), h('p', { class: 'related__summary' }, r.summary)),
      ),
    ),
  );
}

function relatedModules(view: ReaderView): HTMLElement {
  const id = uid('related-modules');
  return h(
    'section',
    { class: 'related', 'aria-labelledby': id },
    h('h2', { id }, kt().article.relatedModules),
    h(
      'ul',
      { class: 'related__list' },
      view.relatedModules.map((r) => h('li', null, h('a', { href: `/aanbod/${encodeURIComponent(r.id)}` }, r.title), ' ', kindBadge(r.kind), r.durationMinutes > 0 ? ` ${duration(r.durationMinutes)}` : null)),
    ),
  );
}

function feedback(slug: string): HTMLElement {
  const m = kt().article;
  const id = uid('feedback');
  const section = h('section', { class: 'feedback', 'aria-labelledby': id }, h('h2', { id }, m.feedbackTitle));
  if (!currentUser()) {
    section.append(h('p', null, h('a', { href: signInHref() }, m.signInForFeedback)));
    return section;
  }

  const remark = h('textarea', { rows: 3, maxlength: 2000 });
  const remarkField = field('remark', m.remark, remark, m.remarkHint);
  const alerts = h('div', { class: 'alerts' });
  const busy = h('p', { role: 'status', class: 'status' });
  const yes = h('button', { type: 'submit', class: 'button', value: 'yes' }, m.useful);
  const no = h('button', { type: 'submit', class: 'button button--secondary', value: 'no' }, m.notUseful);
  const form = h('form', { class: 'feedback__form', novalidate: true }, remarkField.wrapper, h('p', { class: 'actions' }, yes, no));
  let sending = false;

  on(form, {
    submit: (event) => {
      event.preventDefault();
      if (sending) return;
      const submitter = (event as SubmitEvent).submitter;
      const useful = submitter !== no;
      const text = remark.value.trim();
      sending = true;
      form.setAttribute('aria-busy', 'true');
      busy.textContent = m.sending;
      replaceChildren(alerts);
      clearFieldErrors([remarkField]);
      sendSignal(slug, { useful, ...(text ? { remark: text } : {}) })
        .then(() => {
          const thanks = h(
            'div',
            { class: 'feedback__thanks', tabindex: -1 },
            h('p', { class: 'feedback__thanks-title' }, m.thanks),
            text ? h('p', null, `${m.followUp} `, h('a', { href: '/mijn-signalen' }, m.mySignals), '.') : null,
          );
          form.replaceWith(thanks);
          busy.textContent = '';
          thanks.focus();
        })
        .catch((err: unknown) => {
          busy.textContent = '';
          if (err instanceof ProblemError) showFieldErrors([remarkField], err.errors);
          replaceChildren(alerts, problemAlert(err));
        })
        .finally(() => {
          sending = false;
          form.removeAttribute('aria-busy');
        });
    },
  });
  section.append(alerts, form, busy);
  return section;
}
