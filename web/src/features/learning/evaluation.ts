/**
 * /evaluatie/{module|path}/{id}: the evaluation form (rating 1–5 as a radio group, three open
 * questions). Trainers and academy administrators also see the results so far
 * (GET /api/evaluations/{type}/{id}); the API decides, a 403 simply leaves them out.
 */
import { ProblemError } from '../../api';
import { currentAbilities, currentUser } from '../../auth';
import { h, on, uid } from '../../dom';
import { lang } from '../../i18n';
import type { PageContext, PageView } from '../../router';
import { clearFieldErrors, field, problemWithErrors, radioGroup, showFieldErrors } from '../../ui/form';
import { evaluate, evaluationSummary, moduleView, pathView } from './api';
import type { EvaluationSummary } from './api';
import { busy, enc, failedPage, page, section, signInRequiredPage } from './common';
import { lt } from './messages';

type TargetType = 'module' | 'path';

export async function evaluationPage(ctx: PageContext): Promise<PageView> {
  const m = lt().evaluation;
  const notFound = { title: m.notFoundTitle, text: m.notFound, href: '/mijn-leren', link: m.toMine };
  const targetType = ctx.params.targetType ?? '';
  const targetId = ctx.params.targetId ?? '';
  if (!currentUser()) return signInRequiredPage();
  if (targetType !== 'module' && targetType !== 'path') return failedPage(new ProblemError({ title: m.notFoundTitle, status: 404 }), notFound);

  let title: string;
  try {
    title =
      targetType === 'module'
        ? (await moduleView(targetId)).module.title
        : (await pathView(targetId)).path.title;
  } catch (err) {
    return failedPage(err, notFound);
  }
  const targetHref = targetType === 'module' ? `/aanbod/${enc(targetId)}` : `/leerpaden/${enc(targetId)}`;
  // Whoever may read evaluations (the academy, trainers, authors) also sees the results so far.
  const results = currentAbilities()?.academy['read-evaluations'] ? await resultsSection(targetType, targetId) : null;

  return page(m.title(title), h('p', { class: 'lead' }, m.intro), form(targetType, targetId, targetHref), results);
}

function form(targetType: TargetType, targetId: string, targetHref: string): HTMLElement {
  const m = lt().evaluation;
  const rating = radioGroup('rating', m.rating, m.ratings.map((label, i) => ({ value: String(i + 1), label })), '');
  const text = (name: string, label: string) => field(name, label, h('textarea', { rows: 3, maxlength: 4000 }), m.optional);
  const learned = text('learned', m.learned);
  const apply = text('apply', m.apply);
  const improve = text('improve', m.improve);
  const fields = [rating, learned, apply, improve];
  const value = (f: typeof learned) => (f.focusTarget as HTMLTextAreaElement).value.trim();
  const alerts = h('div', { class: 'alerts' });
  const el = h(
    'form',
    { class: 'evaluation-form', novalidate: true },
    rating.wrapper,
    learned.wrapper,
    apply.wrapper,
    improve.wrapper,
    alerts,
    h('p', null, h('button', { type: 'submit', class: 'button' }, m.submit)),
  );
  on(el, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      const score = Number(rating.value());
      if (!(score >= 1 && score <= 5)) {
        rating.setError(m.chooseRating);
        rating.focusTarget.focus();
        return;
      }
      const answers: Record<string, string> = {};
      for (const [key, f] of [['learned', learned], ['apply', apply], ['improve', improve]] as const) {
        const v = value(f);
        if (v) answers[key] = v;
      }
      void busy(el, alerts, async () => {
        try {
          await evaluate({ targetType, targetId, rating: score, answers });
          const thanks = h(
            'div',
            { class: 'done-notice', tabindex: -1 },
            h('p', { class: 'done-notice__title' }, m.thanks),
            h('p', { class: 'actions' }, h('a', { href: '/mijn-leren' }, m.toMine), h('a', { href: targetHref }, m.toTarget)),
          );
          el.replaceWith(thanks);
          thanks.focus();
        } catch (err) {
          // `answers.learned` → the `learned` field.
          const errors = err instanceof ProblemError ? err.errors.map((e) => ({ ...e, path: e.path.replace(/^answers\./, '') })) : [];
          const unclaimed = showFieldErrors(fields, errors);
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        }
      });
    },
  });
  return el;
}

export async function resultsSection(targetType: TargetType, targetId: string): Promise<HTMLElement | null> {
  const m = lt().evaluation;
  let summary: EvaluationSummary;
  try {
    summary = await evaluationSummary(targetType, targetId);
  } catch {
    return null;
  }
  if (!summary || summary.count === 0) return section(m.results, h('p', null, m.noResults));
  const distribution = Object.entries(summary.distribution ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  const labels: Record<string, string> = { learned: m.learned, apply: m.apply, improve: m.improve };
  const comments = (summary.comments ?? []).filter((c) => typeof c.text === 'string' && c.text);
  const commentsId = uid('comments');
  return section(
    m.results,
    h('p', null, m.count(summary.count), summary.average != null ? ` · ${m.average(summary.average.toLocaleString(lang() === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 }))}` : null),
    distribution.length > 0
      ? h(
          'table',
          { class: 'table evaluation-distribution' },
          h('caption', null, m.distribution),
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, m.score), h('th', { scope: 'col' }, m.number))),
          h('tbody', null, distribution.map(([score, n]) => h('tr', null, h('th', { scope: 'row' }, score), h('td', null, String(n))))),
        )
      : null,
    comments.length > 0
      ? h(
          'div',
          null,
          h('h3', { id: commentsId }, m.comments),
          h(
            'ul',
            { class: 'evaluation-comments', 'aria-labelledby': commentsId },
            comments.map((c) => h('li', null, labels[c.question] ? h('span', { class: 'evaluation-comments__q' }, `${labels[c.question]} `) : null, c.text)),
          ),
        )
      : null,
  );
}
