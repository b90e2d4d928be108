import { problemAlert } from '../ui/alert';
import { h } from '../dom';
import { t } from '../i18n';
import type { PageView } from '../router';

/** Used by the router when a page throws, and at start-up when config.json cannot be read. */
export function errorPage(err: unknown, title = t().errors.generic): PageView {
  return {
    title,
    content: h('div', { class: 'page page--narrow' }, h('h1', null, title), problemAlert(err)),
  };
}
