/**
 * /uitnodiging/:token: a partner accepts their invitation (local mode: the link the academy was
 * shown). Accepting makes their account (role partner, their organisation); then they sign in.
 * Requests: GET /api/invitations/{token}, POST /api/invitations/{token}/accept (public).
 */
import { h, on, replaceChildren } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { basicPage, loadFailedPage } from '../../ui/page';
import { acceptInvitation, previewInvitation, type InvitationPreview } from './api';
import { ptm } from './messages';

export async function acceptPage(ctx: PageContext): Promise<PageView> {
  const m = ptm().accept;
  const token = ctx.params.token ?? '';
  let invitation: InvitationPreview;
  try {
    invitation = await previewInvitation(token);
  } catch (err) {
    return loadFailedPage(err);
  }
  const result = h('div', { class: 'partner-accept-result' });
  const button = h('button', { type: 'button', class: 'button' }, m.accept);
  on(button, {
    click: () => {
      button.disabled = true;
      void acceptInvitation(token)
        .then(() => {
          button.remove();
          replaceChildren(result, h('p', { role: 'status' }, m.done), h('p', null, h('a', { href: '/aanmelden', class: 'button' }, m.signIn)));
        })
        .catch((err: unknown) => {
          button.disabled = false;
          replaceChildren(result, problemAlert(err));
        });
    },
  });
  return basicPage(
    'page--narrow',
    m.title,
    h('p', { class: 'lead' }, m.intro(invitation.name, invitation.organisationName)),
    h('p', null, m.what),
    h('p', null, m.email(invitation.email)),
    h('p', null, button),
    result,
  );
}
