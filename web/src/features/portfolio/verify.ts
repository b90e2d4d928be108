/**
 * /verify/:code: the public check of a certificate (no sign-in). Shows whether it is valid or was
 * revoked, with only name, title and date, or that no certificate has this code; and a form to
 * check another code. One request: GET /api/certificates/{code}.
 */
import { ProblemError } from '../../api';
import { h, on } from '../../dom';
import type { PageContext, PageView } from '../../router';
import { navigate } from '../../router';
import { formatDate } from '../../ui/format';
import { field } from '../../ui/form';
import { basicPage, loadFailedPage } from '../../ui/page';
import { verifyCertificate, type Verification } from './certificate-api';
import { ct } from './certificate-messages';

const pageClass = 'page--learning';

export async function verifyPage(ctx: PageContext): Promise<PageView> {
  const m = ct().verify;
  const code = ctx.params.code ?? '';
  let result: Verification | null;
  try {
    result = await verifyCertificate(code);
  } catch (err) {
    if (err instanceof ProblemError && (err.status === 404 || err.status === 400)) result = null;
    else return loadFailedPage(err);
  }
  return basicPage(pageClass, m.title, h('p', { class: 'lead' }, m.intro), outcome(result, code), anotherCode());
}

function outcome(v: Verification | null, code: string): HTMLElement {
  const m = ct().verify;
  if (!v) {
    return h('section', { class: 'verification verification--not-found', 'data-status': 'not-found', 'aria-labelledby': 'verification-title' }, h('h2', { id: 'verification-title' }, m.notFound), h('p', null, m.notFoundText), h('p', null, m.code, ': ', h('code', null, code)));
  }
  const revoked = v.status === 'revoked';
  return h(
    'section',
    { class: `verification verification--${v.status}`, 'data-status': v.status, 'aria-labelledby': 'verification-title' },
    h('h2', { id: 'verification-title' }, revoked ? m.revoked : m.valid),
    h('p', null, revoked ? m.revokedText(formatDate(v.revokedAt)) : m.validText),
    h(
      'dl',
      { class: 'verification__facts' },
      h('dt', null, m.name),
      h('dd', null, v.name),
      h('dt', null, m.course),
      h('dd', null, v.title),
      h('dt', null, m.date),
      h('dd', null, h('time', { datetime: v.completedAt }, formatDate(v.completedAt))),
      h('dt', null, m.code),
      h('dd', null, h('code', null, v.code)),
    ),
  );
}

function anotherCode(): HTMLElement {
  const m = ct().verify;
  const input = h('input', { type: 'text', autocomplete: 'off', spellcheck: false, maxlength: 40, required: true });
  const f = field('code', m.codeLabel, input, m.codeHint);
  const form = h('form', { class: 'verification__form', novalidate: true }, f.wrapper, h('p', null, h('button', { type: 'submit', class: 'button' }, m.submit)));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (value) navigate(`/verify/${encodeURIComponent(value)}`);
      else input.focus();
    },
  });
  return h('section', { 'aria-labelledby': 'verify-another' }, h('h2', { id: 'verify-another' }, m.another), form);
}
