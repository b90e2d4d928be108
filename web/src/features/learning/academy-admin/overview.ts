/**
 * /academie/beheer: every module (drafts, published, archived) and the published learning paths,
 * with links to edit, plan and publish. /academie/evaluaties/{module|path}/{id}: the evaluation
 * results (the evaluation page's results view). The API decides who may see them (academy-admin,
 * author; trainers for evaluations); a 403 becomes "no access".
 */
import { ProblemError } from '../../../api';
import { currentAbilities, currentUser } from '../../../auth';
import { h } from '../../../dom';
import type { PageContext, PageView } from '../../../router';
import { formatDate } from '../../../ui/format';
import { loadFailedPage } from '../../../ui/page';
import { privacyAdminLinks } from '../../privacy/api';
import { partnerAdminLinks } from '../../partners/api';
import { evaluationSummary, managedModules, moduleView, paths as fetchPaths, pathView } from '../api';
import type { ManagedModule, PathSummary } from '../api';
import { enc, failedPage, kindLabel, page, section, signInRequiredPage } from '../common';
import { resultsSection } from '../evaluation';
import { at } from './messages';

export async function academyOverview(): Promise<PageView> {
  const m = at().overview;
  if (!currentUser()) return signInRequiredPage();
  let modules: ManagedModule[];
  let paths: PathSummary[];
  try {
    [modules, paths] = await Promise.all([managedModules(), fetchPaths()]);
  } catch (err) {
    return loadFailedPage(err);
  }
  const status = at().status;
  return page(
    m.title,
    h('p', { class: 'lead' }, m.intro),
    // The academy's other pages (reports, …), each offered as /api/me's abilities allow; the API decides in any case.
    h('nav', { class: 'admin-links', 'aria-label': m.linksLabel }, h('ul', null, currentAbilities()?.learning.reports ? h('li', null, h('a', { href: '/academie/rapportage' }, m.reportsLink)) : null, currentAbilities()?.learning.reports ? h('li', null, h('a', { href: '/academie/netwerken-activiteit' }, m.networkActivityLink)) : null, currentAbilities()?.learning.certificates ? h('li', null, h('a', { href: '/academie/certificaten' }, m.certificatesLink)) : null, currentAbilities()?.learning.audit ? privacyAdminLinks() : null, currentAbilities()?.learning.partners ? partnerAdminLinks() : null, currentAbilities()?.learning.mandatory ? h('li', null, h('a', { href: '/academie/verplicht' }, m.mandatoryLink)) : null, currentAbilities()?.learning.registers ? h('li', null, h('a', { href: '/academie/registers' }, m.registersLink)) : null)),
    section(
      m.modules,
      h('p', null, h('a', { href: '/academie/modules/nieuw', class: 'button' }, m.newModule)),
      modules.length === 0
        ? h('p', null, m.none)
        : h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'table admin-modules' },
              h('caption', { class: 'visually-hidden' }, m.modules),
              h(
                'thead',
                null,
                h('tr', null, [m.titleCol, m.kindCol, m.statusCol, m.updatedCol, m.actionsCol].map((c) => h('th', { scope: 'col' }, c))),
              ),
              h(
                'tbody',
                null,
                modules.map((mod) =>
                  h(
                    'tr',
                    { 'data-module-id': mod.id },
                    h('th', { scope: 'row' }, h('a', { href: `/academie/modules/${enc(mod.id)}` }, mod.title)),
                    h('td', null, kindLabel(mod.kind)),
                    h('td', null, h('span', { class: `state state--${mod.status}` }, status[mod.status] ?? mod.status)),
                    h('td', null, h('time', { datetime: mod.updatedAt }, formatDate(mod.updatedAt))),
                    h(
                      'td',
                      null,
                      h('a', { href: `/academie/evaluaties/module/${enc(mod.id)}` }, m.evaluations, h('span', { class: 'visually-hidden' }, m.of(mod.title))),
                      mod.kind === 'elearning' ? [' · ', h('a', { href: `/academie/modules/${enc(mod.id)}/rapport` }, m.report, h('span', { class: 'visually-hidden' }, m.of(mod.title)))] : null,
                    ),
                  ),
                ),
              ),
            ),
          ),
    ),
    section(
      m.paths,
      h('p', null, h('a', { href: '/academie/leerpaden/nieuw', class: 'button' }, m.newPath)),
      paths.length === 0
        ? h('p', null, m.noPaths)
        : h(
            'ul',
            { class: 'admin-paths' },
            paths.map((p) =>
              h(
                'li',
                { 'data-path-id': p.id },
                h('a', { href: `/leerpaden/${enc(p.id)}` }, p.title),
                h('span', { class: 'result__meta' }, ` (${m.version(p.version)}, ${m.steps(p.stepCount)}) `),
                h(
                  'span',
                  { class: 'actions' },
                  h('a', { href: `/academie/leerpaden/${enc(p.id)}/nieuwe-versie` }, m.newVersion, h('span', { class: 'visually-hidden' }, m.of(p.title))),
                  h('a', { href: `/academie/evaluaties/path/${enc(p.id)}` }, m.evaluations, h('span', { class: 'visually-hidden' }, m.of(p.title))),
                ),
              ),
            ),
          ),
    ),
  );
}

export async function academyEvaluations(ctx: PageContext): Promise<PageView> {
  const m = at();
  const notFound = { title: m.module.notFoundTitle, text: m.module.notFound, href: '/academie/beheer', link: m.evaluations.back };
  const type = ctx.params.targetType ?? '';
  const id = ctx.params.targetId ?? '';
  if (!currentUser()) return signInRequiredPage();
  if (type !== 'module' && type !== 'path') return failedPage(new ProblemError({ title: notFound.title, status: 404 }), notFound);
  let title: string;
  try {
    title = type === 'module' ? (await moduleView(id)).module.title : (await pathView(id)).path.title;
  } catch (err) {
    return failedPage(err, notFound);
  }
  let results: HTMLElement | null;
  try {
    // Fetched here first so a 403 shows as "no access" rather than an empty page.
    await evaluationSummary(type, id);
    results = await resultsSection(type, id);
  } catch (err) {
    return loadFailedPage(err);
  }
  return page(m.evaluations.title(title), results, h('p', null, h('a', { href: '/academie/beheer' }, m.evaluations.back)));
}
