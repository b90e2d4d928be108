/**
 * `/tweestapsverificatie`: the signed-in user links an authenticator app (TOTP) to their Cognito
 * account. In AWS: GetUser (is TOTP on?) → AssociateSoftwareToken (a new secret, shown as a QR
 * code and as text) → VerifySoftwareToken with a code from the app → SetUserMFAPreference (TOTP
 * enabled and preferred). The admin MFA gate (infra/lib/runtime/admin-mfa-gate.cjs) grants
 * academy-admin from the next sign-in on, so the page ends by asking the user to sign in again.
 * Locally there is no Cognito: the page only explains where this is done.
 */
import { currentUser } from '../../auth';
import type { Me } from '../../auth';
import { config } from '../../config';
import type { AwsConfig } from '../../config';
import { h, on, replaceChildren } from '../../dom';
import { t } from '../../i18n';
import { accessToken, startSignIn } from '../../oidc';
import { rememberReturnPath } from '../../returnTo';
import type { PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { field, statusRegion } from '../../ui/form';
import { basicPage, signInRequiredPage } from '../../ui/page';
import { associateSoftwareToken, CognitoError, totpEnabled, verifyAndEnableTotp } from './cognito';
import { act } from './messages';
import { groupSecret, normaliseCode, otpauthUri } from './totp';

export const twoStepPath = '/tweestapsverificatie';
const pageKind = 'page--narrow';

/**
 * An enrolment in progress survives a re-render of this page (language switch) but not a reload:
 * the secret is kept in memory only, never in storage. Keyed by user, so another sign-in in this
 * tab starts afresh.
 */
let pending: { userId: string; secret: string } | null = null;
let doneFor: string | null = null;

export async function twoStepPage(): Promise<PageView> {
  const m = act().twoStep;
  const cfg = config();
  if (cfg.mode !== 'aws') return basicPage(pageKind, m.title, h('p', { class: 'lead' }, m.local));

  const user = currentUser();
  if (!user) return signInRequiredPage();
  const root = h('div', { class: 'two-step' });
  const view = basicPage(pageKind, m.title, h('p', { class: 'lead' }, m.intro), h('p', null, m.adminNote), root);
  if (doneFor === user.id) showDone(root);
  else if (pending?.userId === user.id) await showEnrolment(root, cfg, user, pending.secret);
  else await showStatus(root, cfg, user);
  return view;
}

/** The access token for Cognito, or null after showing "sign in again" (none kept, or expired). */
function tokenOrSignIn(root: HTMLElement, cfg: AwsConfig, alert?: HTMLElement): string | null {
  const token = accessToken();
  if (!token) showSignInAgain(root, cfg, alert);
  return token;
}

function showSignInAgain(root: HTMLElement, cfg: AwsConfig, alert?: HTMLElement): void {
  const m = act().twoStep;
  pending = null;
  replaceChildren(
    root,
    alert,
    h('p', null, m.needsSignIn),
    h(
      'p',
      null,
      on(h('button', { type: 'button', class: 'button' }, m.signInCta), {
        // The Hosted UI session is usually still valid, so this comes straight back with tokens
        // that carry the scope Cognito's self-service calls need.
        click: () => {
          rememberReturnPath(twoStepPath);
          void startSignIn(cfg);
        },
      }),
    ),
  );
}

/** Shows a failed call: a session problem leads to signing in again, anything else stays here. */
function showFailure(root: HTMLElement, cfg: AwsConfig, user: Me, err: unknown, slot: HTMLElement): void {
  if (err instanceof CognitoError && err.failure === 'session') return showSignInAgain(root, cfg, problemAlert(err));
  if (err instanceof CognitoError && err.failure === 'restart') {
    pending = null;
    void showStatus(root, cfg, user, problemAlert(err));
    return;
  }
  replaceChildren(slot, problemAlert(err));
}

async function showStatus(root: HTMLElement, cfg: AwsConfig, user: Me, alert?: HTMLElement): Promise<void> {
  const m = act().twoStep;
  const token = tokenOrSignIn(root, cfg, alert);
  if (!token) return;
  replaceChildren(root, h('p', { role: 'status', class: 'status' }, m.loading));
  const slot = h('div');
  let enabled: boolean;
  try {
    enabled = await totpEnabled(cfg.region, token);
  } catch (err) {
    replaceChildren(root, slot);
    showFailure(root, cfg, user, err, slot);
    return;
  }
  const status = statusRegion();
  const start = on(h('button', { type: 'button', class: enabled ? 'button button--secondary' : 'button' }, enabled ? m.replace : m.start), {
    click: async () => {
      const current = tokenOrSignIn(root, cfg);
      if (!current) return;
      start.disabled = true;
      status.textContent = m.starting;
      try {
        const secret = await associateSoftwareToken(cfg.region, current);
        pending = { userId: user.id, secret };
        await showEnrolment(root, cfg, user, secret, true);
      } catch (err) {
        start.disabled = false;
        status.textContent = '';
        showFailure(root, cfg, user, err, slot);
      }
    },
  });
  replaceChildren(
    root,
    alert,
    slot,
    h('p', { 'data-testid': 'two-step-state' }, enabled ? m.isOn : m.isOff),
    enabled ? h('p', { class: 'field__hint' }, m.replaceHint) : null,
    h('p', null, start),
    status,
  );
}

async function showEnrolment(root: HTMLElement, cfg: AwsConfig, user: Me, secret: string, moveFocus = false): Promise<void> {
  const m = act().twoStep;
  const uri = otpauthUri({ issuer: t().siteName, account: user.email ?? user.name, secret });
  // Only this step needs the QR encoder: a chunk of its own, fetched when a secret is shown.
  const { qrSvg } = await import('./qr');

  const step1 = h('h2', { tabindex: '-1' }, m.step1);
  const input = h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '9', spellcheck: 'false' });
  const code = field('code', m.codeLabel, input, m.codeHint);
  const slot = h('div');
  const status = statusRegion();
  const submit = h('button', { type: 'submit', class: 'button' }, m.verify);
  const cancel = on(h('button', { type: 'button', class: 'button button--quiet' }, m.cancel), {
    click: () => {
      pending = null;
      void showStatus(root, cfg, user);
    },
  });
  const form = on(h('form', { novalidate: true }, code.wrapper, h('div', { class: 'actions' }, submit, cancel), status), {
    submit: async (event) => {
      event.preventDefault();
      replaceChildren(slot);
      const value = normaliseCode(input.value);
      if (!value) {
        code.setError(m.codeInvalid);
        input.focus();
        return;
      }
      code.setError(null);
      const token = tokenOrSignIn(root, cfg);
      if (!token) return;
      submit.disabled = true;
      status.textContent = m.verifying;
      try {
        await verifyAndEnableTotp(cfg.region, token, value, m.deviceName);
        pending = null;
        doneFor = user.id;
        showDone(root, true);
      } catch (err) {
        submit.disabled = false;
        status.textContent = '';
        if (err instanceof CognitoError && err.failure === 'wrong-code') {
          code.setError(err.detail ?? m.codeInvalid);
          input.select();
          input.focus();
          return;
        }
        showFailure(root, cfg, user, err, slot);
      }
    },
  });

  replaceChildren(
    root,
    step1,
    h('p', null, m.step1Text),
    h('p', { class: 'qr' }, qrSvg(uri, m.qrLabel)),
    h('p', null, m.manual),
    h('p', null, h('span', { class: 'visually-hidden' }, `${m.secretLabel}: `), h('code', { 'data-testid': 'totp-secret' }, groupSecret(secret))),
    h('h2', null, m.step2),
    slot,
    form,
  );
  if (moveFocus) step1.focus();
}

function showDone(root: HTMLElement, moveFocus = false): void {
  const m = act().twoStep;
  const heading = h('h2', { tabindex: '-1' }, m.doneTitle);
  replaceChildren(
    root,
    h('div', { class: 'callout' }, heading, h('p', null, m.doneText), h('p', null, m.signInAgain)),
    h('p', null, h('a', { href: '/afmelden', class: 'button' }, m.signOut)),
  );
  if (moveFocus) heading.focus();
}
