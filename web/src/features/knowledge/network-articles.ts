/**
 * /kennis/netwerk/{networkId}: every article of a network for its writers and leads, with its
 * state, review date and reader signals (useful / not useful / open), and for leads an
 * "Archiveren" action that asks for confirmation in place. The API decides who may see and
 * archive; a refusal (e.g. the article is assigned reading in a module) is shown as the API says it.
 */
import { currentUser } from '../../auth';
import { h, on, uid } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { formatDate } from '../../ui/format';
import { statusRegion } from '../../ui/form';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { archiveArticle, myKnowledge, networkArticles as fetchNetworkArticles, networks as fetchNetworks } from './api';
import type { ArticleMeta, MyKnowledge, Network } from './api';
import { audienceBadge, page, stateLabel } from './common';
import { kt } from './messages';

const enc = encodeURIComponent;

export async function networkArticles(ctx: PageContext): Promise<PageView> {
  const m = kt().networkArticles;
  if (!currentUser()) return signInRequiredPage();
  const networkId = ctx.params.networkId ?? '';
  let list: ArticleMeta[];
  let networks: Network[];
  let mine: MyKnowledge;
  try {
    [list, networks, mine] = await Promise.all([
      fetchNetworkArticles(networkId),
      fetchNetworks(),
      myKnowledge(),
    ]);
  } catch (err) {
    return loadFailedPage(err);
  }
  const networkName = networks.find((n) => n.id === networkId)?.name ?? networkId;
  const canArchive = mine.networks.some((n) => n.networkId === networkId && n.canPublish);
  const status = statusRegion();
  const alerts = h('div', { class: 'alerts' });
  const articles = [...list].sort((a, b) => Number(a.archived) - Number(b.archived) || a.title.localeCompare(b.title, 'nl'));

  const stateText = (a: ArticleMeta): string => {
    if (a.archived) return m.archived;
    const base = a.publishedVersion > 0 ? m.published(a.publishedVersion) : m.unpublished;
    return a.hasDraft && a.publishedVersion > 0 ? base + m.withDraft(stateLabel(a.draftState ?? 'editing')) : base;
  };

  const row = (a: ArticleMeta): HTMLElement => {
    const titleCell = h(
      'th',
      { scope: 'row' },
      a.archived
        ? h('a', { href: `/kennis/geschiedenis/${enc(a.id)}` }, a.title)
        : a.publishedVersion > 0
          ? h('a', { href: `/kennis/${enc(a.slug)}` }, a.title)
          : h('a', { href: `/kennis/bewerken/${enc(a.id)}` }, a.title),
    );
    const stateCell = h('td', null, stateText(a));
    const actions = h('td', null);
    const tr = h(
      'tr',
      { 'data-article-id': a.id },
      titleCell,
      stateCell,
      h('td', null, audienceBadge(a.audience)),
      h('td', null, a.reviewBy && !a.archived ? formatDate(a.reviewBy) : '–'),
      h('td', { class: 'num' }, String(a.useful)),
      h('td', { class: 'num' }, String(a.notUseful)),
      h('td', { class: 'num' }, String(a.openSignals)),
      actions,
    );
    if (canArchive && !a.archived) {
      const archive = h('button', { type: 'button', class: 'button button--quiet' }, m.archive, h('span', { class: 'visually-hidden' }, `: ${a.title}`));
      const ask = () => {
        const question = h('p', { id: uid('confirm'), tabindex: -1 }, m.confirm(a.title));
        const yes = h('button', { type: 'button', class: 'button' }, m.confirmYes);
        const no = h('button', { type: 'button', class: 'button button--secondary' }, m.cancel);
        const box = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': question.id }, question, h('p', { class: 'actions' }, yes, no));
        on(no, {
          click: () => {
            box.replaceWith(archive);
            archive.focus();
          },
        });
        on(yes, {
          click: async () => {
            yes.disabled = no.disabled = true;
            alerts.replaceChildren();
            try {
              await archiveArticle(a.id);
            } catch (err) {
              box.replaceWith(archive);
              alerts.replaceChildren(problemAlert(err)); // role=alert: announced where focus returns
              archive.focus();
              return;
            }
            a.archived = true;
            stateCell.textContent = m.archived;
            // The reader page is gone now; the title leads to the article's history instead.
            titleCell.replaceChildren(h('a', { href: `/kennis/geschiedenis/${enc(a.id)}` }, a.title));
            box.remove();
            actions.textContent = '–';
            status.textContent = m.archivedNow(a.title);
            titleCell.focus();
          },
        });
        archive.replaceWith(box);
        question.focus();
      };
      on(archive, { click: ask });
      actions.append(archive);
    } else actions.textContent = '–';
    titleCell.tabIndex = -1;
    return tr;
  };

  const captionText = m.caption(networkName);
  return page(
    m.title(networkName),
    h('p', { class: 'lead' }, m.intro),
    status,
    alerts,
    articles.length === 0
      ? h('p', null, m.none)
      : h(
          'div',
          { class: 'table-scroll', role: 'region', 'aria-label': captionText, tabindex: 0 },
          h(
            'table',
            { class: 'table network-articles' },
            h('caption', { class: 'visually-hidden' }, captionText),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                [m.article, m.status, m.audience, m.reviewBy, m.useful, m.notUseful, m.open, m.actions].map((label) => h('th', { scope: 'col' }, label)),
              ),
            ),
            h('tbody', null, articles.map(row)),
          ),
        ),
  );
}
