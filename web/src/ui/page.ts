/** Page shells every feature uses: sign-in required, and a failed load shown as a page. */
import { ProblemError } from '../api';
import { h } from '../dom';
import type { Child } from '../dom';
import { t } from '../i18n';
import type { PageView } from '../router';
import { signInHref } from '../returnTo';
import { problemAlert } from './alert';
import { ut } from './messages';

/** These shells have always used the knowledge pages' width and spacing (styles.css); kept so they look the same. */
const shellKind = 'page--knowledge';

/** A page: one h1 with the title, then the content; `kind` is the feature's page class. */
export function basicPage(kind: string, title: string, ...children: (Child | Child[])[]): PageView {
  return { title, content: h('div', { class: `page ${kind}` }, h('h1', null, title), ...children) };
}

export function signInRequiredPage(message = ut().signInRequired.page): PageView {
  const m = ut().signInRequired;
  return basicPage(shellKind, m.title, h('p', null, message), h('p', null, h('a', { href: signInHref(), class: 'button' }, m.cta)));
}

/** A failed load as a page: 401 → sign in, 403 → no access, anything else → the problem. */
export function loadFailedPage(err: unknown, fallbackTitle = t().errors.generic): PageView {
  if (err instanceof ProblemError && err.status === 401) return signInRequiredPage();
  if (err instanceof ProblemError && err.status === 403) return basicPage(shellKind, ut().noAccessTitle, problemAlert(err));
  return basicPage(shellKind, fallbackTitle, problemAlert(err));
}
