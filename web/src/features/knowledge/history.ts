/** /kennis/geschiedenis/{id}: published versions (who, when, why) and a line diff between two. */
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { formatDate } from '../../ui/format';
import { loadFailedPage, signInRequiredPage } from '../../ui/page';
import { diff as fetchDiff, versions as fetchVersions } from './api';
import type { ArticleMeta, DiffResult, VersionSummary } from './api';
import { page } from './common';
import { kt } from './messages';

const enc = encodeURIComponent;
/** Unchanged lines kept around each change; longer unchanged stretches are folded. */
const contextLines = 3;

export async function knowledgeHistory(ctx: PageContext): Promise<PageView> {
  const m = kt().history;
  if (!currentUser()) return signInRequiredPage();
  const id = ctx.params.id ?? '';
  let article: ArticleMeta;
  let versions: VersionSummary[];
  try {
    ({ article, versions } = await fetchVersions(id));
  } catch (err) {
    return loadFailedPage(err);
  }
  versions = [...versions].sort((a, b) => b.version - a.version);

  const tableId = uid('versions');
  const table =
    versions.length === 0
      ? h('p', null, m.none)
      : h(
          'table',
          { class: 'table versions', 'aria-labelledby': tableId },
          h('thead', null, h('tr', null, [m.version, m.date, m.by, m.note].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            null,
            versions.map((v) => h('tr', null, h('th', { scope: 'row' }, String(v.version)), h('td', null, formatDate(v.publishedAt)), h('td', null, v.publishedBy.name), h('td', null, v.note))),
          ),
        );

  const compareId = uid('compare');
  const compare = h('section', { class: 'compare', 'aria-labelledby': compareId }, h('h2', { id: compareId }, m.compare));
  if (versions.length < 2) {
    compare.append(h('p', null, m.onlyOne));
  } else {
    const options = (selected: number) => versions.map((v) => h('option', { value: String(v.version), selected: v.version === selected }, `${m.version} ${v.version} – ${formatDate(v.publishedAt)}`));
    const from = h('select', { id: uid('from'), name: 'van' }, options(versions[1]!.version));
    const to = h('select', { id: uid('to'), name: 'naar' }, options(versions[0]!.version));
    // Not a live region (a long diff read out in full helps nobody): focus moves to its heading instead.
    const output = h('div', { class: 'diff-output' });
    const form = h(
      'form',
      { class: 'compare__form', novalidate: true },
      h('div', { class: 'filter' }, h('label', { for: from.id }, m.from), from),
      h('div', { class: 'filter' }, h('label', { for: to.id }, m.to), to),
      h('p', { class: 'filter' }, h('button', { type: 'submit', class: 'button' }, m.show)),
    );
    const show = async (focus: boolean) => {
      output.setAttribute('aria-busy', 'true');
      try {
        const diff = await fetchDiff(article.id, from.value, to.value);
        replaceChildren(output, diffView(diff));
        if (focus) output.querySelector<HTMLElement>('h3')?.focus();
      } catch (err) {
        replaceChildren(output, problemAlert(err));
      } finally {
        output.removeAttribute('aria-busy');
      }
    };
    on(form, {
      submit: (event) => {
        event.preventDefault();
        void show(true);
      },
    });
    compare.append(form, output);
    await show(false);
  }

  return page(
    m.title(article.title),
    article.publishedVersion > 0 ? h('p', null, h('a', { href: `/kennis/${enc(article.slug)}` }, m.toArticle)) : null,
    h('section', { class: 'versions-section', 'aria-labelledby': tableId }, h('h2', { id: tableId }, m.versions), table),
    compare,
  );
}

type Line = { kind: 'added' | 'removed' | 'unchanged'; text: string } | { kind: 'skipped'; count: number };

/** Flattens hunks to lines, folding long unchanged stretches to `contextLines` around changes. */
export function diffLines(diff: DiffResult, context = contextLines): Line[] {
  const out: Line[] = [];
  diff.hunks.forEach((hunk, i) => {
    if (hunk.kind !== 'unchanged') {
      for (const text of hunk.lines) out.push({ kind: hunk.kind, text });
      return;
    }
    const first = i === 0;
    const last = i === diff.hunks.length - 1;
    const head = first ? 0 : context;
    const tail = last ? 0 : context;
    if (hunk.lines.length <= head + tail + 1) {
      for (const text of hunk.lines) out.push({ kind: 'unchanged', text });
      return;
    }
    for (const text of hunk.lines.slice(0, head)) out.push({ kind: 'unchanged', text });
    out.push({ kind: 'skipped', count: hunk.lines.length - head - tail });
    for (const text of hunk.lines.slice(hunk.lines.length - tail)) out.push({ kind: 'unchanged', text });
  });
  return out;
}

function diffView(diff: DiffResult): HTMLElement {
  const m = kt().history;
  const titleId = uid('diff');
  const changed = diff.hunks.some((hk) => hk.kind !== 'unchanged' && hk.lines.length > 0);
  // Never colour alone: a visible +/− marker, <ins>/<del>, and a spoken "Toegevoegd:"/"Verwijderd:".
  const line = (l: Line) => {
    if (l.kind === 'skipped') return h('li', { class: 'diff__line diff__line--skipped' }, `… ${m.skipped(l.count)}`);
    if (l.kind === 'unchanged') return h('li', { class: 'diff__line' }, h('span', { class: 'diff__marker', 'aria-hidden': 'true' }, ' '), h('span', { class: 'diff__text' }, l.text));
    const added = l.kind === 'added';
    return h(
      'li',
      { class: `diff__line diff__line--${l.kind}` },
      h('span', { class: 'diff__marker', 'aria-hidden': 'true' }, added ? '+' : '−'),
      h(added ? 'ins' : 'del', { class: 'diff__text' }, h('span', { class: 'visually-hidden' }, `${added ? m.added : m.removed} `), l.text),
    );
  };
  return h(
    'section',
    { class: 'diff-section', 'aria-labelledby': titleId },
    h('h3', { id: titleId, tabindex: -1 }, m.diffTitle(diff.from, diff.to)),
    changed ? h('ul', { class: 'diff' }, diffLines(diff).map(line)) : h('p', null, m.noChanges),
  );
}
