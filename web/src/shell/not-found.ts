import { h } from '../dom';
import { t } from '../i18n';
import type { PageView } from '../router';

export function notFound(): PageView {
  const m = t();
  return {
    title: m.notFound.title,
    content: h(
      'div',
      { class: 'page page--narrow' },
      h('h1', null, m.notFound.title),
      h('p', null, m.notFound.body),
      h('p', null, h('a', { href: '/', class: 'button' }, m.common.toHome)),
    ),
  };
}
