import { ProblemError } from '../api';
import { h } from '../dom';
import { t } from '../i18n';

/**
 * An error as the reader sees it: the API's title and detail, plus the request id
 * small, so support can find the matching log lines when the reader quotes it.
 */
export function problemAlert(err: unknown, fallbackTitle?: string): HTMLElement {
  const problem =
    err instanceof ProblemError
      ? err
      : new ProblemError({ title: fallbackTitle ?? t().errors.generic, detail: t().errors.genericDetail, status: 0 });
  if (!(err instanceof ProblemError)) console.error(err);
  return h(
    'div',
    { class: 'alert alert--error', role: 'alert' },
    h('p', { class: 'alert__title' }, problem.title),
    problem.detail ? h('p', null, problem.detail) : null,
    problem.requestId ? h('p', { class: 'alert__reference' }, t().common.reference(problem.requestId)) : null,
  );
}
