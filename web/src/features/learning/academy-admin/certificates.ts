/**
 * /academie/certificaten: every certificate issued (newest first, a page at a time) with
 * revocation (a reason, once; 409 when someone revoked it first), and the PE-online attendance
 * export (register, course id, edition, period → CSV). The API decides who may (the academy).
 * Requests: GET /api/certificates, POST /api/certificates/{code}/revoke,
 * GET /api/academy/accreditation/attendance.csv, and the modules (for the register and course lists).
 */
import type { z } from 'zod';
import type { CertificateListSchema, CertificateSchema } from '../../../../../functions/src/portfolio/certificates/schemas';
import { api } from '../../../api';
import { currentUser } from '../../../auth';
import { h, on, replaceChildren, uid } from '../../../dom';
import type { PageView } from '../../../router';
import { problemAlert } from '../../../ui/alert';
import { formatDate } from '../../../ui/format';
import { field, problemWithErrors, showFieldErrors, clearFieldErrors } from '../../../ui/form';
import { loadFailedPage } from '../../../ui/page';
import { managedModules, type ManagedModule } from '../api';
import { downloadLink, page, section, signInRequiredPage } from '../common';
import { cat } from './certificates-messages';

type Certificate = z.infer<typeof CertificateSchema>;
type CertificateList = z.infer<typeof CertificateListSchema>;

const pageSize = 25;
const listCertificates = (cursor?: string) => api<CertificateList>(`/api/certificates?limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
const revokeCertificate = (code: string, reason: string) => api<Certificate>(`/api/certificates/${encodeURIComponent(code)}/revoke`, { method: 'POST', body: { reason } });

export async function certificatesAdmin(): Promise<PageView> {
  const m = cat();
  if (!currentUser()) return signInRequiredPage();
  let first: CertificateList;
  let modules: ManagedModule[];
  try {
    [first, modules] = await Promise.all([listCertificates(), managedModules()]);
  } catch (err) {
    return loadFailedPage(err);
  }
  return page(m.title, h('p', { class: 'lead' }, m.intro), listSection(first), exportSection(modules));
}

function listSection(first: CertificateList): HTMLElement {
  const m = cat();
  if (first.items.length === 0) return section(m.list, h('p', null, m.none));
  const alerts = h('div', { class: 'certificate-alerts' });
  const status = h('p', { role: 'status', class: 'status' });
  const body = h('tbody', null, first.items.map((c) => row(c, alerts, status)));
  const more = h('button', { type: 'button', class: 'button button--secondary' }, m.more);
  let next = first.next;
  more.hidden = !next;
  on(more, {
    click: () => {
      if (!next) return;
      more.disabled = true;
      void listCertificates(next)
        .then((p) => {
          body.append(...p.items.map((c) => row(c, alerts, status)));
          next = p.next;
          more.hidden = !next;
        })
        .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)))
        .finally(() => (more.disabled = false));
    },
  });
  return section(
    m.list,
    alerts,
    status,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table admin-certificates' },
        h('caption', { class: 'visually-hidden' }, m.caption),
        h('thead', null, h('tr', null, [m.nameCol, m.titleCol, m.dateCol, m.issuedCol, m.codeCol, m.statusCol].map((c) => h('th', { scope: 'col' }, c)))),
        body,
      ),
    ),
    h('p', null, more),
  );
}

function statusOf(c: Certificate): HTMLElement {
  const m = cat();
  if (!c.revokedAt) return h('span', { class: 'state state--published' }, m.valid);
  return h('span', null, h('span', { class: 'state state--archived' }, m.revoked(formatDate(c.revokedAt), c.revokedBy?.name ?? '')), c.revokeReason ? h('span', { class: 'note' }, ` ${m.reasonShown(c.revokeReason)}`) : null);
}

function row(c: Certificate, alerts: HTMLElement, status: HTMLElement): HTMLElement {
  const m = cat();
  const cell = h('td', { class: 'certificate-status' });
  const showStatus = (cert: Certificate) => {
    if (cert.revokedAt) return replaceChildren(cell, statusOf(cert));
    const open = h('button', { type: 'button', class: 'button button--quiet' }, m.revoke, h('span', { class: 'visually-hidden' }, ` – ${m.revokeOf(cert.name, cert.title)}`));
    on(open, { click: () => replaceChildren(cell, revokeForm(cert, alerts, status, showStatus, () => showStatus(cert))) });
    replaceChildren(cell, statusOf(cert), ' ', open);
  };
  showStatus(c);
  return h(
    'tr',
    { 'data-code': c.code },
    h('th', { scope: 'row' }, c.name),
    h('td', null, c.title),
    h('td', null, h('time', { datetime: c.completedAt }, formatDate(c.completedAt))),
    h('td', null, h('time', { datetime: c.issuedAt }, formatDate(c.issuedAt))),
    h('td', null, h('a', { href: `/verify/${c.code}` }, h('code', null, c.code))),
    cell,
  );
}

function revokeForm(c: Certificate, alerts: HTMLElement, status: HTMLElement, done: (c: Certificate) => void, cancel: () => void): HTMLElement {
  const m = cat();
  const reason = h('textarea', { rows: 2, maxlength: 500 });
  const f = field('reason', m.reason, reason, m.reasonHint);
  const submit = h('button', { type: 'submit', class: 'button' }, m.confirm);
  const back = h('button', { type: 'button', class: 'button button--quiet' }, m.cancel);
  const form = h('form', { class: 'revoke-form', novalidate: true, 'aria-label': m.revokeOf(c.name, c.title) }, f.wrapper, h('p', null, submit, ' ', back));
  on(back, { click: cancel });
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors([f]);
      alerts.replaceChildren();
      if (reason.value.trim().length === 0) {
        f.setError(m.required);
        reason.focus();
        return;
      }
      submit.disabled = true;
      void revokeCertificate(c.code, reason.value.trim())
        .then((revoked) => {
          status.textContent = m.revokedDone(c.code);
          done(revoked);
        })
        .catch((err: unknown) => {
          const unclaimed = showFieldErrors([f], (err as { errors?: Array<{ path: string; message: string }> }).errors ?? []);
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        })
        .finally(() => (submit.disabled = false));
    },
  });
  queueMicrotask(() => reason.focus());
  return form;
}

function exportSection(modules: ManagedModule[]): HTMLElement {
  const m = cat();
  const accredited = modules.flatMap((mod) => mod.accreditation.filter((a) => a.accreditationNumber).map((a) => ({ ...a, module: mod.title })));
  const registers = [...new Set(accredited.map((a) => a.register))].sort((a, b) => a.localeCompare(b, 'nl'));
  const registerSelect = h('select', { required: true }, h('option', { value: '' }, m.chooseRegister), registers.map((r) => h('option', { value: r }, r)));
  const courses = h('datalist', { id: uid('courses') });
  const editions = h('datalist', { id: uid('editions') });
  const course = h('input', { type: 'text', list: courses.id, maxlength: 60, autocomplete: 'off', required: true });
  const edition = h('input', { type: 'text', list: editions.id, maxlength: 60, autocomplete: 'off' });
  const from = h('input', { type: 'date' });
  const to = h('input', { type: 'date' });
  const fields = [field('register', m.register, registerSelect), field('course', m.course, course, m.courseHint), field('edition', m.edition, edition, m.editionHint), field('from', m.from, from), field('to', m.to, to)];
  // The lists follow the register chosen: its courses, and the editions of the course typed.
  const fillCourses = () => {
    const forRegister = accredited.filter((a) => a.register === registerSelect.value);
    replaceChildren(courses, [...new Map(forRegister.map((a) => [a.accreditationNumber!, a.module])).entries()].map(([n, title]) => h('option', { value: n }, title)));
    replaceChildren(editions, [...new Set(forRegister.filter((a) => a.accreditationNumber === course.value.trim() && a.edition).map((a) => a.edition!))].map((e) => h('option', { value: e })));
  };
  on(registerSelect, { change: fillCourses });
  on(course, { input: fillCourses });
  const alerts = h('div', { class: 'export-alerts' });
  const result = h('p', { class: 'export-result' });
  const form = h('form', { class: 'attendance-export', novalidate: true }, fields.map((f) => f.wrapper), h('p', null, h('button', { type: 'submit', class: 'button' }, m.download)));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      clearFieldErrors(fields);
      alerts.replaceChildren();
      const missing = [registerSelect.value ? null : fields[0]!, course.value.trim() ? null : fields[1]!].filter((f) => f !== null);
      if (missing.length > 0) {
        for (const f of missing) f.setError(m.required);
        missing[0]!.focusTarget.focus();
        return;
      }
      const q = new URLSearchParams({ register: registerSelect.value, course: course.value.trim() });
      if (edition.value.trim()) q.set('edition', edition.value.trim());
      if (from.value) q.set('from', from.value);
      if (to.value) q.set('to', to.value);
      const name = `presentie-${course.value.trim()}${edition.value.trim() ? `-${edition.value.trim()}` : ''}.csv`.replace(/[^A-Za-z0-9_.-]+/g, '-');
      // A link that fetches with the token; it stays for a second download of the same list.
      const link = downloadLink(`/api/academy/accreditation/attendance.csv?${q.toString()}`, name, m.downloadAgain, alerts, 'text/csv');
      replaceChildren(result, link);
      link.click();
    },
  });
  return section(m.export, h('p', null, m.exportIntro), alerts, form, result);
}
