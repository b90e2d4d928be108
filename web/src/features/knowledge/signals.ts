/**
 * /kennis/signalen/{networkId}: open reader feedback for the network's authors, each with an
 * answer form; /mijn-signalen: the reader's own feedback and what came of it.
 */
import { ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { formatDate } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors } from '../../ui/form';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { answerSignal, mySignals as fetchMySignals, networkSignals as fetchNetworkSignals, networks as fetchNetworks } from './api';
import type { Network, Signal } from './api';
import { page } from './common';
import { kt } from './messages';

const enc = encodeURIComponent;

export async function networkSignals(ctx: PageContext): Promise<PageView> {
  const m = kt().signals;
  if (!currentUser()) return signInRequiredPage();
  const networkId = ctx.params.networkId ?? '';
  let signals: Signal[];
  let network: Network | undefined;
  try {
    const [list, networks] = await Promise.all([fetchNetworkSignals(networkId), fetchNetworks()]);
    signals = list;
    network = networks.find((n) => n.id === networkId);
  } catch (err) {
    return loadFailedPage(err);
  }
  return page(
    m.networkTitle(network?.name ?? networkId),
    signals.length === 0 ? h('p', null, m.none) : h('ul', { class: 'signal-list' }, signals.map(openSignal)),
  );
}

function openSignal(s: Signal): HTMLElement {
  const m = kt().signals;
  const titleId = uid('signal');
  const answer = h('textarea', { rows: 3, maxlength: 4000, 'aria-required': 'true' });
  const answerField = field('answer', m.answerLabel(s.reader.name), answer);
  const alerts = h('div', { class: 'alerts' });
  const form = h('form', { class: 'signal__form', novalidate: true }, answerField.wrapper, alerts, h('p', null, h('button', { type: 'submit', class: 'button' }, m.send)));
  const item = h(
    'li',
    { class: 'signal' },
    h('article', { 'aria-labelledby': titleId },
      h('h2', { class: 'signal__title', id: titleId }, h('a', { href: `/kennis/${enc(s.articleSlug)}` }, s.articleTitle)),
      h('p', { class: 'signal__meta' }, m.from(s.reader.name, formatDate(s.createdAt)), ' · ', s.useful ? m.useful : m.notUseful),
      s.remark ? h('blockquote', { class: 'signal__remark' }, s.remark) : null,
      form,
    ),
  );
  on(form, {
    submit: (event) => {
      event.preventDefault();
      if (form.getAttribute('aria-busy')) return;
      replaceChildren(alerts);
      clearFieldErrors([answerField]);
      const text = answer.value.trim();
      if (!text) {
        answerField.setError(kt().editor.required);
        answer.focus();
        return;
      }
      form.setAttribute('aria-busy', 'true');
      answerSignal(s, { answer: text })
        .then((answered) => {
          const done = h('div', { class: 'signal__answered', tabindex: -1 }, h('p', { class: 'signal__status' }, m.answered), h('blockquote', { class: 'signal__answer' }, answered.answer ?? text));
          form.replaceWith(done);
          done.focus();
        })
        .catch((err: unknown) => {
          const unclaimed = err instanceof ProblemError ? showFieldErrors([answerField], err.errors) : [];
          replaceChildren(alerts, problemWithErrors(err, unclaimed));
        })
        .finally(() => form.removeAttribute('aria-busy'));
    },
  });
  return item;
}

export async function mySignals(): Promise<PageView> {
  const m = kt().signals;
  if (!currentUser()) return signInRequiredPage();
  let signals: Signal[];
  try {
    signals = await fetchMySignals();
  } catch (err) {
    return loadFailedPage(err);
  }
  return page(
    m.mineTitle,
    h('p', { class: 'lead' }, m.mineIntro),
    signals.length === 0
      ? h('p', null, m.mineEmpty)
      : h(
          'ul',
          { class: 'signal-list' },
          signals.map((s) => {
            const titleId = uid('signal');
            const status = s.status === 'open' ? m.status.open : s.answer ? m.status.answered : m.status.received;
            return h(
              'li',
              { class: 'signal' },
              h(
                'article',
                { 'aria-labelledby': titleId },
                h('h2', { class: 'signal__title', id: titleId }, h('a', { href: `/kennis/${enc(s.articleSlug)}` }, s.articleTitle)),
                h(
                  'p',
                  { class: 'signal__meta' },
                  formatDate(s.createdAt),
                  ' · ',
                  s.useful ? kt().article.useful : kt().article.notUseful,
                  ' · ',
                  h('span', { class: `state state--signal-${s.status}` }, h('span', { class: 'visually-hidden' }, `${m.statusLabel} `), status),
                ),
                s.remark ? h('div', { class: 'signal__block' }, h('p', { class: 'signal__label' }, m.yourRemark), h('blockquote', { class: 'signal__remark' }, s.remark)) : null,
                s.answer
                  ? h(
                      'div',
                      { class: 'signal__block' },
                      h('p', { class: 'signal__label' }, m.answerBy(s.answeredBy?.name ?? '', formatDate(s.answeredAt))),
                      h('blockquote', { class: 'signal__answer' }, s.answer),
                    )
                  : null,
              ),
            );
          }),
        ),
  );
}
