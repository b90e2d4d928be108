/**
 * /academie/partners: the academy's partner organisations with their status (list, register one);
 * /academie/partners/:id: one organisation (edit, suspend/revoke/re-activate with a reason, its
 * users, invitations: locally the invitation link is shown). Requests: /api/partners/…. The API
 * decides who may (the academy).
 */
import { currentUser } from '../../auth';
import { h, on, replaceChildren } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { navigate } from '../../router';
import { formatDate } from '../../ui/format';
import { clearFieldErrors, field, problemWithErrors, showFieldErrors, splitList, type Field } from '../../ui/form';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import {
  changeStatus,
  createOrganisation,
  getOrganisation,
  invite,
  listOrganisations,
  listUsers,
  removeUser,
  updateOrganisation,
  type OrganisationInput,
  type OrganisationView,
  type PartnerUsers,
  type StatusChange,
} from './api';
import { ptm } from './messages';

const kinds = ['huisartsenpraktijk', 'wijkverpleging', 'sociaal-wijkteam', 'beschermd-wonen', 'politie', 'school', 'gemeente', 'overig'] as const;

const statusBadge = (status: string) => h('span', { class: `badge partner-status partner-status--${status}` }, ptm().status[status] ?? status);
const fieldErrorsOf = (err: unknown) => (err as { errors?: Array<{ path: string; message: string }> }).errors ?? [];

export async function partnersPage(): Promise<PageView> {
  const m = ptm().list;
  if (!currentUser()) return signInRequiredPage();
  let orgs: Awaited<ReturnType<typeof listOrganisations>>['organisations'];
  try {
    ({ organisations: orgs } = await listOrganisations());
  } catch (err) {
    return loadFailedPage(err);
  }
  return basicPage(
    'page--learning',
    m.title,
    h('p', { class: 'lead' }, m.intro),
    h('section', { class: 'learning-section', 'aria-labelledby': 'partner-list' }, h('h2', { id: 'partner-list' }, m.caption), organisationTable(orgs)),
    h(
      'section',
      { class: 'learning-section', 'aria-labelledby': 'partner-create' },
      h('h2', { id: 'partner-create' }, m.create),
      organisationForm(undefined, ptm().form.register, async (input) => {
        const created = await createOrganisation(input);
        navigate(`/academie/partners/${encodeURIComponent(created.id)}`);
      }),
    ),
  );
}

function organisationTable(orgs: Array<OrganisationView & { users: number }>): HTMLElement {
  const m = ptm().list;
  if (orgs.length === 0) return h('p', null, m.none);
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table partner-list' },
      h('caption', { class: 'visually-hidden' }, m.caption),
      h('thead', null, h('tr', null, [m.nameCol, m.kindCol, m.statusCol, m.usersCol, m.contactCol].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        orgs.map((o) =>
          h(
            'tr',
            { 'data-organisation': o.id },
            h('th', { scope: 'row' }, h('a', { href: `/academie/partners/${encodeURIComponent(o.id)}` }, o.name)),
            h('td', null, ptm().kinds[o.kind] ?? o.kind),
            h('td', null, statusBadge(o.status)),
            h('td', null, String(o.users)),
            h('td', null, o.contact.name),
          ),
        ),
      ),
    ),
  );
}

/** Register or edit an organisation; field errors from the API land on their fields. */
function organisationForm(current: OrganisationView | undefined, submitLabel: string, save: (input: OrganisationInput) => Promise<void>): HTMLElement {
  const m = ptm().form;
  const name = h('input', { type: 'text', required: true, maxlength: 120, value: current?.name ?? '', autocomplete: 'organization' });
  const kind = h('select', { required: true }, h('option', { value: '' }, m.chooseKind), kinds.map((k) => h('option', { value: k, selected: current?.kind === k }, ptm().kinds[k] ?? k)));
  const contactName = h('input', { type: 'text', required: true, maxlength: 120, value: current?.contact.name ?? '', autocomplete: 'off' });
  const contactEmail = h('input', { type: 'email', required: true, maxlength: 200, value: current?.contact.email ?? '', autocomplete: 'off' });
  const contactPhone = h('input', { type: 'tel', maxlength: 30, value: current?.contact.phone ?? '', autocomplete: 'off' });
  const networks = h('input', { type: 'text', value: (current?.networkIds ?? []).join(', '), autocomplete: 'off' });
  const modules = h('input', { type: 'text', value: (current?.moduleIds ?? []).join(', '), autocomplete: 'off' });
  const fields: Field[] = [
    field('name', m.name, name),
    field('kind', m.kind, kind),
    field('contact.name', m.contactName, contactName),
    field('contact.email', m.contactEmail, contactEmail),
    field('contact.phone', m.contactPhone, contactPhone),
    field('networkIds', m.networks, networks, m.networksHint),
    field('moduleIds', m.modules, modules, m.modulesHint),
  ];
  const alerts = h('div', { class: 'partner-alerts' });
  const status = h('p', { role: 'status', class: 'status' });
  const submit = h('button', { type: 'submit', class: 'button' }, submitLabel);
  const form = h('form', { class: 'partner-form', novalidate: true }, fields.map((f) => f.wrapper), alerts, h('p', null, submit), status);
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      status.textContent = '';
      const missing = [[name, 0], [kind, 1], [contactName, 2], [contactEmail, 3]].filter(([el]) => !(el as HTMLInputElement).value.trim()).map(([, i]) => fields[i as number]!);
      for (const f of missing) f.setError(m.required);
      if (missing.length > 0) {
        missing[0]!.focusTarget.focus();
        return;
      }
      submit.disabled = true;
      const phone = contactPhone.value.trim();
      // Field errors on list items (networkIds.0) belong to the list's field.
      void save({
        name: name.value.trim(),
        kind: kind.value as OrganisationInput['kind'],
        contact: { name: contactName.value.trim(), email: contactEmail.value.trim(), ...(phone ? { phone } : {}) },
        networkIds: splitList(networks.value),
        moduleIds: splitList(modules.value),
      })
        .then(() => (status.textContent = m.saved))
        .catch((err: unknown) => {
          const errors = fieldErrorsOf(err).map((e) => ({ ...e, path: e.path.replace(/\.\d+$/, '') }));
          const unclaimed = showFieldErrors(fields, errors);
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        })
        .finally(() => (submit.disabled = false));
    },
  });
  return form;
}

export async function partnerPage(ctx: PageContext): Promise<PageView> {
  if (!currentUser()) return signInRequiredPage();
  const id = ctx.params.id ?? '';
  let org: OrganisationView;
  let people: PartnerUsers;
  try {
    [org, people] = await Promise.all([getOrganisation(id), listUsers(id)]);
  } catch (err) {
    return loadFailedPage(err);
  }
  const m = ptm().detail;
  let current = org;
  const statusBox = h('div', { class: 'partner-status-box' });
  const usersBox = h('div', { class: 'partner-users' });
  const showStatus = (): void => replaceChildren(statusBox, statusSection(current, (next) => ((current = next), showStatus())));
  const showUsers = (list: PartnerUsers): void => replaceChildren(usersBox, usersSection(current.id, list, async (): Promise<void> => showUsers(await listUsers(current.id))));
  showStatus();
  showUsers(people);
  return basicPage(
    'page--learning',
    org.name,
    h('p', null, h('a', { href: '/academie/partners' }, m.back)),
    h('section', { class: 'learning-section', 'aria-labelledby': 'partner-access' }, h('h2', { id: 'partner-access' }, m.status), statusBox),
    h('section', { class: 'learning-section', 'aria-labelledby': 'partner-users' }, h('h2', { id: 'partner-users' }, m.users), usersBox),
    h(
      'section',
      { class: 'learning-section', 'aria-labelledby': 'partner-edit' },
      h('h2', { id: 'partner-edit' }, m.edit),
      organisationForm(org, ptm().form.save, async (input) => {
        current = await updateOrganisation(current.id, { ...input, rev: current.rev });
        showStatus();
      }),
    ),
  );
}

function statusSection(org: OrganisationView, changed: (next: OrganisationView) => void): HTMLElement {
  const m = ptm().detail;
  const reason = h('textarea', { rows: 2, maxlength: 500 });
  const reasonField = field('reason', m.reason, reason, m.reasonHint);
  const alerts = h('div', { class: 'partner-alerts' });
  const status = h('p', { role: 'status', class: 'status' });
  const changes: StatusChange[] = org.status === 'active' ? ['suspend', 'revoke'] : org.status === 'suspended' ? ['reactivate', 'revoke'] : ['reactivate'];
  const buttons = changes.map((change) =>
    on(h('button', { type: 'button', class: change === 'reactivate' ? 'button' : 'button button--secondary', 'data-change': change }, m[change]), {
      click: () => {
        reasonField.setError(null);
        alerts.replaceChildren();
        if (reason.value.trim().length < 3) {
          reasonField.setError(ptm().form.required);
          reason.focus();
          return;
        }
        for (const b of buttons) b.disabled = true;
        void changeStatus(org.id, change, reason.value.trim())
          .then((next) => {
            changed(next);
            // The section is drawn anew; announce the result there.
            document.querySelector('.partner-status-box [role="status"]')!.textContent = m.changed(ptm().status[next.status] ?? next.status);
          })
          .catch((err: unknown) => {
            alerts.replaceChildren(problemWithErrors(err, showFieldErrors([reasonField], fieldErrorsOf(err))));
            for (const b of buttons) b.disabled = false;
          });
      },
    }),
  );
  return h(
    'div',
    null,
    h('p', null, statusBadge(org.status), ' ', m.current(ptm().status[org.status] ?? org.status, formatDate(org.statusChangedAt), org.statusChangedBy.name)),
    org.statusReason ? h('p', { class: 'note' }, `${m.reason}: ${org.statusReason}`) : null,
    reasonField.wrapper,
    h('p', { class: 'partner-actions' }, buttons),
    alerts,
    status,
  );
}

function usersSection(orgId: string, people: PartnerUsers, reload: () => Promise<void>): HTMLElement {
  const m = ptm().detail;
  const status = h('p', { role: 'status', class: 'status' });
  const alerts = h('div', { class: 'partner-alerts' });
  const table =
    people.users.length === 0
      ? h('p', null, m.noUsers)
      : h(
          'div',
          { class: 'table-scroll' },
          h(
            'table',
            { class: 'table partner-user-list' },
            h('caption', { class: 'visually-hidden' }, m.usersCaption),
            h('thead', null, h('tr', null, [m.userNameCol, m.emailCol, m.sinceCol].map((c) => h('th', { scope: 'col' }, c)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, m.actionsCol)))),
            h(
              'tbody',
              null,
              people.users.map((u) =>
                h(
                  'tr',
                  { 'data-user': u.userId },
                  h('th', { scope: 'row' }, u.name),
                  h('td', null, u.email),
                  h('td', null, formatDate(u.joinedAt)),
                  h(
                    'td',
                    null,
                    u.status === 'removed'
                      ? h('span', { class: 'badge partner-status partner-status--revoked' }, m.removed)
                      : on(h('button', { type: 'button', class: 'button button--secondary' }, m.remove(u.name)), {
                          click: () => {
                            alerts.replaceChildren();
                            void removeUser(orgId, u.userId)
                              .then(async () => {
                                await reload();
                                document.querySelector('.partner-users [role="status"]')!.textContent = m.removedDone(u.name);
                              })
                              .catch((err: unknown) => alerts.replaceChildren(problemWithErrors(err)));
                          },
                        }),
                  ),
                ),
              ),
            ),
          ),
        );
  const invitations =
    people.invitations.length === 0
      ? null
      : h('div', null, h('h3', null, m.invitations), h('ul', { class: 'partner-invitations' }, people.invitations.map((i) => h('li', null, `${i.name} (${i.email}), ${m.expires(formatDate(i.expiresAt))}`))));
  return h('div', null, table, invitations, inviteForm(orgId, reload), alerts, status);
}

function inviteForm(orgId: string, reload: () => Promise<void>): HTMLElement {
  const m = ptm().detail;
  const name = h('input', { type: 'text', required: true, maxlength: 120, autocomplete: 'off' });
  const email = h('input', { type: 'email', required: true, maxlength: 200, autocomplete: 'off' });
  const fields = [field('name', m.inviteName, name), field('email', m.inviteEmail, email)];
  const result = h('div', { class: 'partner-invite-result' });
  const alerts = h('div', { class: 'partner-alerts' });
  const submit = h('button', { type: 'submit', class: 'button' }, m.send);
  const form = h('form', { class: 'partner-invite', novalidate: true, 'aria-labelledby': 'partner-invite' }, h('h3', { id: 'partner-invite' }, m.invite), fields.map((f) => f.wrapper), alerts, h('p', null, submit));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      const missing = fields.filter((f) => !(f.focusTarget as HTMLInputElement).value.trim());
      for (const f of missing) f.setError(ptm().form.required);
      if (missing.length > 0) {
        missing[0]!.focusTarget.focus();
        return;
      }
      submit.disabled = true;
      void invite(orgId, name.value.trim(), email.value.trim())
        .then(async (created) => {
          await reload();
          // The section was drawn anew: show the link in the new one.
          const target = document.querySelector('.partner-users .partner-invite-result') ?? result;
          replaceChildren(
            target,
            created.link
              ? h('div', { class: 'callout', role: 'status' }, h('p', null, h('strong', null, m.linkTitle)), h('p', null, h('a', { href: created.link, class: 'partner-invite-link' }, created.link)), h('p', { class: 'note' }, m.linkHint))
              : h('p', { role: 'status' }, m.cognitoSent(created.user?.email ?? email.value.trim())),
          );
        })
        .catch((err: unknown) => alerts.replaceChildren(problemWithErrors(err, showFieldErrors(fields, fieldErrorsOf(err)))))
        .finally(() => (submit.disabled = false));
    },
  });
  return h('div', null, form, result);
}
