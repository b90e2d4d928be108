/**
 * /mijn-gegevens: the signed-in person downloads all their personal data as one JSON file
 * (GET /api/me/personal-data), with what it contains in plain words. Anyone signed in, partners too.
 */
import { currentUser } from '../../auth';
import { h, on } from '../../dom';
import type { PageView } from '../../router';
import { problemAlert } from '../../ui/alert';
import { basicPage, signInRequiredPage } from '../../ui/page';
import { fetchMyData } from './api';
import { pm } from './messages';

export function myDataPage(): PageView {
  const m = pm().myData;
  if (!currentUser()) return signInRequiredPage();
  const alerts = h('div', { class: 'privacy-alerts' });
  const status = h('p', { role: 'status', class: 'status' });
  const button = h('button', { type: 'button', class: 'button' }, m.download);
  const again = h('p', { class: 'privacy-download' });
  on(button, {
    click: () => {
      button.disabled = true;
      alerts.replaceChildren();
      status.textContent = '';
      void fetchMyData()
        .then(({ blob, fileName }) => {
          // A link to the file just fetched: clicked now, and kept for a second save.
          const link = h('a', { href: URL.createObjectURL(blob), download: fileName }, m.downloadAgain);
          again.replaceChildren(link);
          link.click();
          status.textContent = m.ready;
        })
        .catch((err: unknown) => alerts.replaceChildren(problemAlert(err)))
        .finally(() => (button.disabled = false));
    },
  });
  return basicPage(
    'page--learning',
    m.title,
    h('p', { class: 'lead' }, m.intro),
    h('section', { class: 'learning-section', 'aria-labelledby': 'my-data-included' }, h('h2', { id: 'my-data-included' }, m.included), h('ul', null, m.items.map((i) => h('li', null, i)))),
    h('p', null, m.audit),
    h('p', null, m.erasure),
    alerts,
    h('p', null, button),
    status,
    again,
  );
}
