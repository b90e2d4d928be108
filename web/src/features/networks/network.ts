/**
 * /netwerken/:id: a network's page. Description and goals (sanitised HTML from the API, through
 * ui/trusted-html.ts), lead experts and members as the API lets the reader see them, the join/leave
 * button, the network's articles (knowledge's search, filtered by network) and modules (the
 * catalogue, filtered by network), its events and questions (./events.ts, ./questions.ts), and for
 * lead experts and the academy: editing the page, roles, removing members, archiving. What the
 * reader may do comes with the page (`can`); the API checks every request again.
 */
import { h, on, replaceChildren, uid } from '../../dom';
import { refresh, type PageContext, type PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, statusRegion } from '../../ui/form';
import { basicPage, loadFailedPage } from '../../ui/page';
import { renderTrustedArticleHtml } from '../../ui/trusted-html';
import { searchArticles } from '../knowledge/api';
import { catalogue } from '../learning/api';
import { archiveNetwork, editPage, join, leave, networkPage, removeMember, setRole, type NetworkMember, type NetworkPage, type NetworkRole } from './api';
import { eventsSection } from './events';
import { questionsSection } from './questions';
import { activitySection } from './activity';
import { nm } from './messages';

/** What the last action did, shown in the status region of the page as it is rendered again. */
let flash = '';

/** Says what happened and renders the page again with the API's new state. */
async function after(status: HTMLElement, message: string): Promise<void> {
  status.textContent = message;
  flash = message;
  await refresh();
}

export async function networkPageView(ctx: PageContext): Promise<PageView> {
  const id = ctx.params.id!;
  let n: NetworkPage;
  try {
    n = await networkPage(id);
  } catch (err) {
    return loadFailedPage(err);
  }
  const m = nm().page;
  const status = statusRegion();
  status.textContent = flash;
  flash = '';
  const [articles, modules, events, questions, activity] = await Promise.all([articlesSection(n), modulesSection(n), eventsSection(n.id).catch(() => null), questionsSection(n.id).catch(() => null), activitySection(n.id).catch(() => null)]);
  return basicPage(
    'page--knowledge page--network',
    n.name,
    h('p', { class: 'network-back' }, h('a', { href: '/netwerken' }, m.back)),
    h(
      'p',
      { class: 'network-card__badges' },
      h('span', { class: 'badge' }, nm().kinds[n.kind] ?? n.kind),
      n.openToPartners ? h('span', { class: 'badge badge--partners' }, nm().card.open) : null,
      h('span', { class: 'network-card__members' }, nm().card.members(n.memberCount)),
      n.myRole ? h('span', { class: 'role-badge role-badge--small' }, `${nm().card.yourRole}: ${nm().networkRoles[n.myRole]}`) : null,
    ),
    n.status === 'archived' ? h('p', { class: 'notice network-archived' }, m.archivedNotice) : null,
    h('p', { class: 'lead' }, n.description),
    membershipButton(n, status),
    status,
    goalsSection(n),
    peopleSection(n),
    articles,
    modules,
    events,
    questions,
    activity,
    n.can.editPage || n.can.manageMembers || n.can.archive ? leadTools(n, status) : null,
  );
}

function membershipButton(n: NetworkPage, status: HTMLElement): HTMLElement | null {
  const m = nm().page;
  if (!n.can.join && !n.can.leave) return null;
  const joining = n.can.join;
  const button = h('button', { type: 'button', class: joining ? 'button' : 'button button--secondary' }, joining ? m.join : m.leave);
  const alerts = h('div', { class: 'alerts' });
  on(button, {
    click: () => {
      button.disabled = true;
      alerts.replaceChildren();
      void (joining ? join(n.id) : leave(n.id))
        .then(() => after(status, joining ? m.joined : m.left))
        .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)))
        .finally(() => (button.disabled = false));
    },
  });
  return h('div', { class: 'network-membership' }, h('p', null, button), alerts);
}

function section(title: string, ...children: (Node | null)[]): HTMLElement {
  const id = uid('netwerk-sectie');
  return h('section', { class: 'learning-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

function goalsSection(n: NetworkPage): HTMLElement {
  const m = nm().page;
  if (!n.goalsHtml) return section(m.goals, h('p', null, m.noGoals));
  const body = h('div', { class: 'article-body network-goals' });
  renderTrustedArticleHtml(body, n.goalsHtml);
  return section(m.goals, body);
}

function person(p: { name: string; role?: NetworkRole }): HTMLElement {
  return h('li', null, p.name, p.role && p.role !== 'member' ? [' ', h('span', { class: 'role-badge role-badge--small' }, nm().networkRoles[p.role])] : null);
}

function peopleSection(n: NetworkPage): HTMLElement {
  const m = nm().page;
  const leads = n.leadExperts.length > 0 ? h('ul', { class: 'people-list network-leads' }, n.leadExperts.map((l) => person(l))) : h('p', null, m.signInForNames);
  const others = n.members.filter((x) => x.role !== 'lead');
  // Employees get every member; partners only the lead experts, anonymous visitors nobody.
  const showsMembers = n.members.length > 0 && n.members.length === n.memberCount;
  return h(
    'div',
    { class: 'network-people' },
    section(m.leads, leads),
    section(m.members, showsMembers ? h('ul', { class: 'people-list network-members' }, others.map((x) => person(x))) : h('p', null, m.membersHidden)),
  );
}

async function articlesSection(n: NetworkPage): Promise<HTMLElement> {
  const m = nm().page;
  try {
    const found = await searchArticles(`/api/articles?${new URLSearchParams({ q: '', network: n.id, limit: '5' })}`);
    return section(
      m.articles,
      found.results.length === 0 ? h('p', null, m.noArticles) : h('ul', { class: 'network-links' }, found.results.map((a) => h('li', null, h('a', { href: `/kennis/${encodeURIComponent(a.slug)}` }, a.title)))),
      found.total > found.results.length ? h('p', null, h('a', { href: `/kennis?netwerk=${encodeURIComponent(n.id)}` }, m.allArticles)) : null,
    );
  } catch (err) {
    return section(m.articles, problemAlert(err));
  }
}

async function modulesSection(n: NetworkPage): Promise<HTMLElement> {
  const m = nm().page;
  try {
    const found = await catalogue(`/api/modules?${new URLSearchParams({ network: n.id, limit: '6' })}`);
    return section(
      m.modules,
      found.modules.length === 0 ? h('p', null, m.noModules) : h('ul', { class: 'network-links' }, found.modules.map((x) => h('li', null, h('a', { href: `/aanbod/${encodeURIComponent(x.id)}` }, x.title)))),
      found.total > found.modules.length ? h('p', null, h('a', { href: `/aanbod?netwerk=${encodeURIComponent(n.id)}` }, m.allModules)) : null,
    );
  } catch (err) {
    return section(m.modules, problemAlert(err));
  }
}

// ---- lead experts and the academy ------------------------------------------------------------------

function leadTools(n: NetworkPage, status: HTMLElement): HTMLElement {
  const m = nm().lead;
  return section(
    m.tools,
    n.can.editPage ? editForm(n, status) : null,
    n.can.manageMembers ? memberTable(n, status) : null,
    n.can.manageMembers ? appointForm(n, status) : null,
    n.can.archive ? archiveButton(n, status) : null,
  );
}

function editForm(n: NetworkPage, status: HTMLElement): HTMLElement {
  const m = nm().lead;
  const description = h('textarea', { rows: 4, maxlength: 2000 }, n.description);
  const goals = h('textarea', { rows: 10, maxlength: 5000 }, n.goals);
  const fields = [field('description', m.description, description), field('goals', m.goals, goals, m.goalsHint)];
  const alerts = h('div', { class: 'alerts' });
  const submit = h('button', { type: 'submit', class: 'button' }, m.save);
  const headingId = uid('netwerk-bewerken');
  const form = h('form', { class: 'network-edit', novalidate: true, 'aria-labelledby': headingId }, h('h3', { id: headingId }, m.editTitle), ...fields.map((f) => f.wrapper), alerts, h('p', null, submit));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      submit.disabled = true;
      void editPage(n.id, { description: description.value, goals: goals.value, expectedRev: n.rev })
        .then(() => after(status, m.saved))
        .catch((err: unknown) => alerts.replaceChildren(problemWithErrors(err, showFieldErrors(fields, (err as { errors?: Array<{ path: string; message: string }> }).errors ?? []))))
        .finally(() => (submit.disabled = false));
    },
  });
  return form;
}

// The network roles in the order the messages list them (lead expert, network author, member).
const roleOptions = (selected: NetworkRole) => Object.entries(nm().networkRoles).map(([r, label]) => h('option', { value: r, selected: r === selected }, label));

function memberTable(n: NetworkPage, status: HTMLElement): HTMLElement {
  const m = nm().lead;
  const alerts = h('div', { class: 'alerts' });
  const row = (x: NetworkMember) => {
    const select = h('select', { 'aria-label': m.role(x.name) }, roleOptions(x.role));
    const change = h('button', { type: 'button', class: 'button button--secondary' }, m.setRole);
    const remove = h('button', { type: 'button', class: 'button button--secondary', 'aria-label': m.remove(x.name) }, m.removeLabel);
    const act = (work: () => Promise<unknown>, done: string) => {
      alerts.replaceChildren();
      void work()
        .then(() => after(status, done))
        .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)));
    };
    on(change, { click: () => act(() => setRole(n.id, x.userId, select.value as NetworkRole), m.roleChanged(x.name)) });
    on(remove, { click: () => act(() => removeMember(n.id, x.userId), m.removed(x.name)) });
    return h('tr', { 'data-user': x.userId }, h('th', { scope: 'row' }, x.name), h('td', null, select, ' ', change), h('td', null, remove));
  };
  return h(
    'div',
    { class: 'network-member-admin' },
    alerts,
    h('div', { class: 'table-scroll' }, h('table', { class: 'table' }, h('caption', null, nm().page.members), h('tbody', null, n.members.map(row)))),
  );
}

function appointForm(n: NetworkPage, status: HTMLElement): HTMLElement {
  const m = nm().lead;
  const user = h('input', { type: 'text', autocomplete: 'off', maxlength: 100 });
  const role = h('select', null, roleOptions('lead'));
  const fields = [field('userId', m.appointUser, user, m.appointHint), field('role', m.appointRole, role)];
  const alerts = h('div', { class: 'alerts' });
  const headingId = uid('benoemen');
  const form = h('form', { class: 'network-appoint', novalidate: true, 'aria-labelledby': headingId }, h('h3', { id: headingId }, m.appointTitle), ...fields.map((f) => f.wrapper), alerts, h('p', null, h('button', { type: 'submit', class: 'button' }, m.appoint)));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      void setRole(n.id, user.value.trim(), role.value as NetworkRole)
        .then(() => after(status, m.appointed))
        .catch((err: unknown) => alerts.replaceChildren(problemWithErrors(err)));
    },
  });
  return form;
}

function archiveButton(n: NetworkPage, status: HTMLElement): HTMLElement {
  const m = nm().lead;
  const alerts = h('div', { class: 'alerts' });
  const button = h('button', { type: 'button', class: 'button button--secondary' }, m.archive);
  on(button, {
    click: () => {
      if (!window.confirm(m.archiveConfirm)) return;
      void archiveNetwork(n.id)
        .then(() => after(status, m.archived))
        .catch((err: unknown) => replaceChildren(alerts, problemAlert(err)));
    },
  });
  return h('div', { class: 'network-archive' }, h('p', null, button), alerts);
}
