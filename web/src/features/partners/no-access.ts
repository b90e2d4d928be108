/**
 * /geen-toegang: what a partner sees once their organisation's access has ended (suspended,
 * revoked, or they were removed from it). The shell comes here on any such refusal (web/src/api.ts,
 * main.ts); the page asks the API again, so the message is the API's own, in the reader's
 * language, and a re-activated partner finds their way back.
 */
import { ProblemError } from '../../api';
import { h, on } from '../../dom';
import type { PageView } from '../../router';
import { navigate } from '../../router';
import { problemAlert } from '../../ui/alert';
import { basicPage } from '../../ui/page';
import { myProfile } from './api';
import { ptm } from './messages';

export async function noAccessPage(): Promise<PageView> {
  const m = ptm().noAccess;
  try {
    await myProfile();
  } catch (err) {
    if (err instanceof ProblemError && err.status === 403) {
      const retry = on(h('button', { type: 'button', class: 'button button--secondary' }, m.retry), { click: () => navigate('/geen-toegang', { replace: true }) });
      return basicPage('page--narrow', m.title, h('p', { class: 'lead' }, m.lead), problemAlert(err), h('p', null, m.back), h('p', { class: 'partner-actions' }, retry, ' ', h('a', { href: '/afmelden', class: 'button' }, m.signOut)));
    }
    return basicPage('page--narrow', m.title, problemAlert(err));
  }
  // Access is back (or it was never gone).
  return basicPage('page--narrow', m.title, h('p', { role: 'status' }, m.restored), h('p', null, h('a', { href: '/', class: 'button' }, m.home)));
}
