import { signInWithToken } from '../auth';
import { problemAlert } from '../ui/alert';
import { config } from '../config';
import { h } from '../dom';
import { t } from '../i18n';
import { completeSignIn } from '../oidc';
import { takeReturnPath } from '../returnTo';
import { navigate } from '../router';
import type { PageView } from '../router';
import { notFound } from './not-found';

/**
 * The code is single-use, so the exchange runs once per callback URL; a re-render
 * (language switch) reuses the outcome instead of replaying it.
 */
let attempt: { search: string; result: Promise<void> } | null = null;

export async function signInCallback(): Promise<PageView> {
  const cfg = config();
  if (cfg.mode !== 'aws') return notFound();
  const m = t();
  if (attempt?.search !== location.search) {
    const query = new URLSearchParams(location.search);
    attempt = { search: location.search, result: completeSignIn(cfg, query).then(signInWithToken) };
  }
  try {
    await attempt.result;
    // replace: the code must not stay in history; this render is superseded by the home page.
    navigate(takeReturnPath() ?? '/', { replace: true });
    return { title: m.callback.busy, content: h('p', { role: 'status' }, m.callback.busy) };
  } catch (err) {
    // Drop code/state from the address bar; keep the cached outcome addressable by the new URL.
    history.replaceState(null, '', location.pathname);
    attempt.search = location.search;
    return {
      title: m.callback.failedTitle,
      content: h(
        'div',
        { class: 'page page--narrow' },
        h('h1', null, m.callback.failedTitle),
        problemAlert(err),
        h('p', null, h('a', { href: '/aanmelden', class: 'button' }, m.callback.retry)),
      ),
    };
  }
}
