import { signOut as endSession } from '../auth';
import { config } from '../config';
import { h } from '../dom';
import { t } from '../i18n';
import type { PageView } from '../router';

export function signOut(): PageView {
  const m = t();
  endSession();
  if (config().mode === 'aws') {
    // The browser is on its way to the Hosted UI logout; show why the page is empty meanwhile.
    return { title: m.signOut.title, content: h('div', { class: 'page page--narrow' }, h('h1', null, m.signOut.title), h('p', { role: 'status' }, m.signOut.busy)) };
  }
  return {
    title: m.signOut.title,
    content: h(
      'div',
      { class: 'page page--narrow' },
      h('h1', null, m.signOut.title),
      h('p', null, m.signOut.body),
      h(
        'p',
        { class: 'actions' },
        h('a', { href: '/', class: 'button' }, m.common.toHome),
        h('a', { href: '/aanmelden', class: 'button button--secondary' }, m.signOut.signInAgain),
      ),
    ),
  };
}
