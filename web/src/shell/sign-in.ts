import { currentUser, devSignIn, fetchDevUsers } from '../auth';
import type { DevUser } from '../auth';
import { problemAlert } from '../ui/alert';
import { config } from '../config';
import { h, on, replaceChildren, uid } from '../dom';
import { roleLabel, t } from '../i18n';
import { startSignIn } from '../oidc';
import { primaryRole, sortRoles } from './roles';
import { rememberReturnPath, safeReturnPath } from '../returnTo';
import { navigate } from '../router';
import type { PageContext, PageView } from '../router';

export async function signIn(ctx?: PageContext): Promise<PageView> {
  const cfg = config();
  // `?terug=/kennis/x`: pages that need a session link here and get the reader back afterwards.
  const back = safeReturnPath(ctx?.query.get('terug'));
  if (cfg.mode === 'local') return localSignIn(back);
  return hostedSignIn(() => {
    rememberReturnPath(back);
    return startSignIn(cfg);
  });
}

function hostedSignIn(start: () => Promise<void>): PageView {
  const m = t();
  const user = currentUser();
  const body = user
    ? [h('p', null, m.signIn.alreadySignedIn(user.name)), h('p', null, h('a', { href: '/', class: 'button' }, m.common.toHome))]
    : [
        h('p', { role: 'status' }, m.signIn.redirecting),
        // Fallback if the automatic redirect is blocked or slow.
        h('p', null, on(h('button', { type: 'button', class: 'button' }, m.signIn.continue), { click: () => void start() })),
      ];
  if (!user) void start();
  return { title: m.signIn.title, content: h('div', { class: 'page page--narrow' }, h('h1', null, m.signIn.title), body) };
}

/** Local demo: one button per demo user, grouped under the user's most specific role. */
async function localSignIn(back: string | null): Promise<PageView> {
  const m = t();
  const user = currentUser();
  const alerts = h('div', { class: 'alerts' });
  const status = h('p', { role: 'status', class: 'status' });
  const page = h(
    'div',
    { class: 'page' },
    h('h1', null, m.signIn.title),
    h('p', { class: 'lead' }, m.signIn.localIntro),
    user ? h('p', null, m.signIn.localSwitch(user.name)) : null,
    alerts,
    status,
  );

  let users: DevUser[];
  try {
    users = await fetchDevUsers();
  } catch (err) {
    alerts.append(problemAlert(err));
    return { title: m.signIn.title, content: page };
  }
  if (users.length === 0) status.textContent = m.signIn.noUsers;

  let busy = false;
  const choose = async (chosen: DevUser, button: HTMLButtonElement) => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    replaceChildren(alerts);
    status.textContent = m.signIn.signingIn;
    try {
      await devSignIn(chosen.id);
      navigate(back ?? '/');
    } catch (err) {
      status.textContent = '';
      alerts.append(problemAlert(err));
      // The clicked card may be far below the alert; bring the message into view.
      alerts.scrollIntoView({ block: 'nearest' });
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  };

  const groups = new Map<string, DevUser[]>();
  for (const u of users) {
    const role = primaryRole(u.roles) ?? '';
    groups.set(role, [...(groups.get(role) ?? []), u]);
  }
  for (const role of sortRoles([...groups.keys()])) {
    const headingId = uid('role-group');
    page.append(
      h(
        'section',
        { class: 'user-group', 'aria-labelledby': headingId },
        h('h2', { id: headingId }, roleLabel(role, true)),
        h('ul', { class: 'user-list' }, (groups.get(role) ?? []).map((u) => userChoice(u, choose))),
      ),
    );
  }
  return { title: m.signIn.title, content: page };
}

function userChoice(user: DevUser, choose: (u: DevUser, b: HTMLButtonElement) => Promise<void>): HTMLElement {
  const roles = sortRoles(user.roles).map((r) => roleLabel(r)).join(', ');
  const details = [user.title, user.organisationName ?? user.organisationId].filter(Boolean).join(' · ');
  const detailsId = uid('user-details');
  // The button holds exactly name and roles (its accessible name); details sit outside it as a
  // description, and CSS stretches the button's hit area over the whole card.
  const button = h(
    'button',
    { type: 'button', class: 'user-choice__button', 'aria-label': t().signIn.userLabel(user.name, roles), 'aria-describedby': details ? detailsId : null, 'data-user-id': user.id },
    h('span', { class: 'user-choice__name' }, user.name),
    // Keeps the words apart in the text content that label-in-name checks compare against.
    ' ',
    h('span', { class: 'user-choice__roles' }, roles),
  );
  on(button, { click: () => void choose(user, button) });
  return h('li', { class: 'user-choice' }, button, details ? h('p', { class: 'user-choice__details', id: detailsId }, details) : null);
}
