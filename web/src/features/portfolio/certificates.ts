/**
 * /portfolio/certificaten ("Mijn certificaten"): every completed module and path with a button
 * that downloads its certificate (issued on the first download, the same one after), the code once
 * issued (linked to the public verify page) and whether the academy revoked it.
 * One request: GET /api/me/certificates.
 */
import { currentUser } from '../../auth';
import { h } from '../../dom';
import type { PageView } from '../../router';
import { formatDate } from '../../ui/format';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import { myCertificates, pdfLink, type MyCertificate } from './certificate-api';
import { ct } from './certificate-messages';

const pageClass = 'page--learning';

export async function certificatesPage(): Promise<PageView> {
  const m = ct().mine;
  if (!currentUser()) return signInRequiredPage();
  let items: MyCertificate[];
  try {
    items = (await myCertificates()).items;
  } catch (err) {
    return loadFailedPage(err);
  }
  if (items.length === 0) return basicPage(pageClass, m.title, h('p', { class: 'lead' }, m.intro), h('p', null, m.empty));
  const alerts = h('div', { class: 'certificate-alerts' });
  const status = h('p', { role: 'status', class: 'status' });
  return basicPage(
    pageClass,
    m.title,
    h('p', { class: 'lead' }, m.intro),
    alerts,
    status,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table certificates-table' },
        h('caption', { class: 'visually-hidden' }, m.caption),
        h('thead', null, h('tr', null, [m.titleCol, m.kindCol, m.dateCol, m.pointsCol, m.codeCol, m.downloadCol].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, items.map((c) => row(c, alerts, status))),
      ),
    ),
  );
}

function row(c: MyCertificate, alerts: HTMLElement, status: HTMLElement): HTMLElement {
  const m = ct().mine;
  const revoked = c.certificate?.revokedAt;
  const code = h('td', { class: 'certificate-code' }, codeCell(c));
  const download = revoked
    ? h('span', { class: 'state state--returned' }, m.revoked(formatDate(revoked)))
    : pdfLink(c.pdf, `certificaat-${c.kind}-${c.targetId}.pdf`, h('span', null, m.download, h('span', { class: 'visually-hidden' }, ` – ${m.downloadOf(c.title)}`)), alerts, () => {
        status.textContent = m.issued;
        // The first download issues the certificate: show its code without reloading the page.
        if (!c.certificate) void myCertificates().then((d) => {
          const issued = d.items.find((x) => x.kind === c.kind && x.targetId === c.targetId);
          if (issued?.certificate) code.replaceChildren(codeCell(issued));
        });
      });
  return h(
    'tr',
    { 'data-target': `${c.kind}:${c.targetId}` },
    h('th', { scope: 'row' }, c.title),
    h('td', null, m.kinds[c.kind] ?? c.kind),
    h('td', null, h('time', { datetime: c.completedAt }, formatDate(c.completedAt))),
    h('td', null, c.points.length > 0 ? c.points.map((p) => `${m.points(p.points)} ${p.register}${p.accreditationNumber ? ` (${p.accreditationNumber})` : ''}`).join(', ') : '–'),
    code,
    h('td', null, download),
  );
}

function codeCell(c: MyCertificate): Node {
  const m = ct().mine;
  if (!c.certificate) return h('span', { class: 'note' }, m.notIssued);
  return h('a', { href: `/verify/${c.certificate.code}` }, h('code', null, c.certificate.code), h('span', { class: 'visually-hidden' }, ` (${m.check})`));
}
