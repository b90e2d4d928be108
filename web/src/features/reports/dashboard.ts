/**
 * /academie/rapportage: the academy dashboard (functions/docs/reports.md). A period (months, at
 * most 24) and filters (module, path, network) in the URL (?from=&to=&module=&path=&network=),
 * applied on "Toon" only (no change of context on select, WCAG 3.2.2); then per chart a
 * hand-made SVG (./charts.ts), its table and a CSV of that table. Compliance per department comes
 * from the mandatory-training endpoint. The API decides who may see it; a 403 becomes "no access".
 */
import { ProblemError } from '../../api';
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import type { Child } from '../../dom';
import { lang } from '../../i18n';
import type { PageContext, PageView } from '../../router';
import { updateUrl } from '../../router';
import { problemAlert } from '../../ui/alert';
import { downloadLink } from '../../ui/download';
import { field, statusRegion } from '../../ui/form';
import { formatDate } from '../../ui/format';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import { academyReports, departmentCompliance, reportCsvUrl } from './api';
import type { AcademyReports, DepartmentCompliance, ReportQuery, ReportTable } from './api';
import { barChart, columnChart, lineChart } from './charts';
import { rt } from './messages';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The longest bar chart of modules; the table lists them all. */
const topModules = 15;

export function queryFromUrl(query: URLSearchParams): ReportQuery {
  const month = (key: string) => (monthPattern.test(query.get(key) ?? '') ? query.get(key)! : undefined);
  const id = (key: string) => (/^[A-Za-z0-9_-]{1,80}$/.test(query.get(key) ?? '') ? query.get(key)! : undefined);
  return { from: month('from'), to: month('to'), moduleId: id('module'), pathId: id('path'), networkId: id('network') };
}

function urlOf(q: ReportQuery): string {
  const p = new URLSearchParams();
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.moduleId) p.set('module', q.moduleId);
  if (q.pathId) p.set('path', q.pathId);
  if (q.networkId) p.set('network', q.networkId);
  const s = p.toString();
  return `/academie/rapportage${s ? `?${s}` : ''}`;
}

const locale = () => (lang() === 'en' ? 'en-GB' : 'nl-NL');
const number = (n: number) => n.toLocaleString(locale(), { maximumFractionDigits: 2 });
const monthLabel = (month: string) => new Intl.DateTimeFormat(locale(), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const monthLong = (month: string) => new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const average = (n: number | null) => (n === null ? '–' : number(n));

export async function reportsPage(ctx: PageContext): Promise<PageView> {
  const m = rt();
  if (!currentUser()) return signInRequiredPage();
  const query = queryFromUrl(ctx.query);
  let first: AcademyReports;
  try {
    first = await academyReports(query);
  } catch (err) {
    return loadFailedPage(err);
  }

  const status = statusRegion();
  const alerts = h('div', { class: 'alerts' });
  const results = h('div', { class: 'reports-results' });
  const compliance = h('div', { class: 'reports-compliance' });

  const from = h('input', { type: 'month', value: first.from, min: '2000-01', max: '2100-12', pattern: '\\d{4}-\\d{2}', placeholder: 'jjjj-mm' });
  const to = h('input', { type: 'month', value: first.to, min: '2000-01', max: '2100-12', pattern: '\\d{4}-\\d{2}', placeholder: 'jjjj-mm' });
  const fromField = field('from', m.from, from, m.monthHint);
  const toField = field('to', m.to, to, m.monthHint);
  const moduleSelect = h('select', null);
  const pathSelect = h('select', null);
  const networkSelect = h('select', null);
  const fill = (select: HTMLSelectElement, options: Array<{ id: string; label: string }>, selected: string | undefined) => {
    // The selection stays offered even when the period has no activity for it.
    const list = selected && !options.some((o) => o.id === selected) ? [...options, { id: selected, label: selected }] : options;
    replaceChildren(select, h('option', { value: '' }, m.all), list.map((o) => h('option', { value: o.id, selected: o.id === selected }, o.label)));
  };
  const fillFilters = (d: AcademyReports) => {
    fill(moduleSelect, d.options.modules.map((x) => ({ id: x.id, label: x.title })), d.filter.moduleId);
    fill(pathSelect, d.options.paths.map((x) => ({ id: x.id, label: x.title })), d.filter.pathId);
    fill(networkSelect, d.options.networks.map((x) => ({ id: x.id, label: x.name })), d.filter.networkId);
  };
  const form = h(
    'form',
    { class: 'reports-filters', novalidate: true, 'aria-label': m.filters },
    h('div', { class: 'reports-filters__row' }, fromField.wrapper, toField.wrapper),
    h('div', { class: 'reports-filters__row' }, field('module', m.module, moduleSelect).wrapper, field('path', m.path, pathSelect).wrapper, field('network', m.network, networkSelect).wrapper),
    h('p', null, h('button', { type: 'submit', class: 'button' }, m.show)),
  );

  const render = (d: AcademyReports, q: ReportQuery) => {
    fillFilters(d);
    from.value = d.from;
    to.value = d.to;
    replaceChildren(results, h('p', null, m.period(monthLong(d.from), monthLong(d.to))), ...sections(d, q, alerts));
  };

  on(form, {
    submit: (event) => {
      event.preventDefault();
      fromField.setError(null);
      toField.setError(null);
      const q: ReportQuery = { from: from.value || undefined, to: to.value || undefined, moduleId: moduleSelect.value || undefined, pathId: pathSelect.value || undefined, networkId: networkSelect.value || undefined };
      for (const [f, input] of [[fromField, from], [toField, to]] as const) {
        if (input.value && !monthPattern.test(input.value)) {
          f.setError(m.monthHint);
          input.focus();
          return;
        }
      }
      alerts.replaceChildren();
      status.textContent = m.loading;
      results.setAttribute('aria-busy', 'true');
      void academyReports(q)
        .then((d) => {
          render(d, q);
          updateUrl(urlOf(q));
          status.textContent = m.loaded(monthLong(d.from), monthLong(d.to));
        })
        .catch((err: unknown) => {
          status.textContent = '';
          const fieldErrors = err instanceof ProblemError ? err.errors : [];
          for (const e of fieldErrors) (e.path === 'to' ? toField : fromField).setError(e.message);
          alerts.replaceChildren(problemAlert(err));
        })
        .finally(() => results.removeAttribute('aria-busy'));
    },
  });

  render(first, query);
  void loadCompliance(compliance);

  return basicPage(
    'page--learning page--reports',
    m.title,
    h('p', { class: 'lead' }, m.intro),
    h('p', null, h('a', { href: '/academie/beheer' }, m.back)),
    form,
    status,
    alerts,
    results,
    compliance,
  );
}

// ---- sections: a chart, its table, its CSV ------------------------------------------------------

function chartSection(title: string, chart: Element | null, table: HTMLElement, csv: HTMLElement | null): HTMLElement {
  const id = uid('section');
  return h(
    'section',
    { class: 'learning-section reports-section', 'aria-labelledby': id },
    h('h2', { id }, title),
    chart ? h('div', { class: 'reports-chart' }, chart) : null,
    table,
    csv ? h('p', { class: 'reports-csv' }, csv) : null,
  );
}

function table(caption: string, head: string[], rows: Child[][], rowHeader = true): HTMLElement {
  // Focusable, so a keyboard can scroll a table wider than the page (named by its caption).
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'group', 'aria-label': `${rt().table}: ${caption}` },
    h(
      'table',
      { class: 'table reports-table' },
      h('caption', null, `${rt().table}: ${caption}`),
      h('thead', null, h('tr', null, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c, i) => (i === 0 && rowHeader ? h('th', { scope: 'row' }, c) : h('td', { class: typeof c === 'number' || (typeof c === 'string' && /^[\d.,–-]+$/.test(c)) ? 'num' : null }, c)))))),
    ),
  );
}

function sections(d: AcademyReports, q: ReportQuery, alerts: HTMLElement): HTMLElement[] {
  const m = rt();
  const c = m.cols;
  const csv = (tableName: ReportTable, what: string) => downloadLink(reportCsvUrl(tableName, q), `academie-${tableName}-${d.from}-${d.to}.csv`, m.csv(what), alerts, { accept: 'text/csv', class: 'reports-download' });
  const sum = (f: 'moduleEnrolments' | 'moduleCompletions' | 'evaluations') => d.months.reduce((s, x) => s + x[f], 0);
  const labels = d.months.map((x) => monthLabel(x.month));
  const out: HTMLElement[] = [];

  out.push(
    chartSection(
      m.activity.title,
      lineChart({
        title: m.activity.title,
        desc: m.activity.desc(d.months.length, sum('moduleEnrolments'), sum('moduleCompletions')),
        labels,
        format: number,
        series: (['moduleEnrolments', 'moduleCompletions', 'pathEnrolments', 'pathCompletions'] as const).map((key) => ({ key, name: m.legend[key], values: d.months.map((x) => x[key]) })),
      }),
      h('div', null, legend(), table(m.activity.title, [c.month, c.moduleEnrolments, c.moduleCompletions, c.pathEnrolments, c.pathCompletions, c.evaluations, c.average, c.points], d.months.map((x) => [monthLong(x.month), number(x.moduleEnrolments), number(x.moduleCompletions), number(x.pathEnrolments), number(x.pathCompletions), number(x.evaluations), average(x.averageScore), number(x.pointsTotal)]))),
      csv('months', m.activity.what),
    ),
  );

  out.push(
    chartSection(
      m.scores.title,
      columnChart({ title: m.scores.title, desc: m.scores.desc(sum('evaluations')), bars: d.months.map((x) => ({ label: monthLabel(x.month), value: x.averageScore })), max: 5, format: number }),
      table(m.scores.title, [c.month, c.evaluations, c.average], d.months.map((x) => [monthLong(x.month), number(x.evaluations), average(x.averageScore)])),
      null, // the same numbers are in the month table's CSV
    ),
  );

  const totalPoints = d.registers.reduce((s, r) => s + r.points, 0);
  out.push(
    chartSection(
      m.points.title,
      d.registers.length > 0 ? barChart({ title: m.points.title, desc: m.points.desc(d.registers.length, number(totalPoints)), bars: d.registers.map((r) => ({ label: r.register, value: r.points })), format: number }) : null,
      d.registers.length > 0 ? table(m.points.title, [c.register, c.points], d.registers.map((r) => [r.register, number(r.points)])) : h('p', null, m.noData),
      csv('registers', m.points.what),
    ),
  );

  const networkName = (id: string | null) => (id === null ? m.noNetwork : (d.options.networks.find((n) => n.id === id)?.name ?? id));
  out.push(
    chartSection(
      m.modules.title,
      d.modules.length > 0 ? barChart({ title: m.modules.title, desc: m.modules.desc(d.modules.length, Math.min(topModules, d.modules.length)), bars: d.modules.slice(0, topModules).map((x) => ({ label: x.title, value: x.completions })), format: number }) : null,
      d.modules.length > 0 ? table(m.modules.title, [c.module, c.network, c.enrolments, c.completions, c.evaluations, c.average, c.points], d.modules.map((x) => [x.title, networkName(x.networkId), number(x.enrolments), number(x.completions), number(x.evaluations), average(x.averageScore), number(x.pointsTotal)])) : h('p', null, m.noData),
      csv('modules', m.modules.what),
    ),
  );

  out.push(
    chartSection(
      m.paths.title,
      d.paths.length > 0 ? barChart({ title: m.paths.title, desc: m.paths.desc(d.paths.length), bars: d.paths.map((x) => ({ label: x.title, value: x.completions })), format: number }) : null,
      d.paths.length > 0 ? table(m.paths.title, [c.path, c.enrolments, c.completions, c.evaluations, c.average], d.paths.map((x) => [x.title, number(x.enrolments), number(x.completions), number(x.evaluations), average(x.averageScore)])) : h('p', null, m.noData),
      csv('paths', m.paths.what),
    ),
  );

  out.push(
    chartSection(
      m.networks.title,
      d.networks.length > 0 ? barChart({ title: m.networks.title, desc: m.networks.desc(d.networks.length), bars: d.networks.map((x) => ({ label: x.name ?? m.noNetwork, value: x.completions })), format: number }) : null,
      d.networks.length > 0 ? table(m.networks.title, [c.network, c.modules, c.enrolments, c.completions, c.evaluations, c.average, c.points], d.networks.map((x) => [x.name ?? m.noNetwork, number(x.modules), number(x.enrolments), number(x.completions), number(x.evaluations), average(x.averageScore), number(x.pointsTotal)])) : h('p', null, m.noData),
      csv('networks', m.networks.what),
    ),
  );
  return out;
}

/** The line chart's key, as text beside it (hidden from screen readers: the table says the same). */
function legend(): HTMLElement {
  const m = rt();
  return h(
    'p',
    { class: 'reports-legend', 'aria-hidden': 'true' },
    (['moduleEnrolments', 'moduleCompletions', 'pathEnrolments', 'pathCompletions'] as const).map((key) => h('span', { class: 'reports-legend__item' }, h('span', { class: `reports-legend__key reports-legend__key--${key}` }), m.legend[key])),
  );
}

// ---- compliance per department (the mandatory-training endpoint) -------------------------------

async function loadCompliance(container: HTMLElement) {
  const m = rt();
  let data: DepartmentCompliance;
  try {
    data = await departmentCompliance();
  } catch (err) {
    replaceChildren(container, chartSection(m.compliance.title, null, problemAlert(err), null));
    return;
  }
  const c = m.cols;
  const share = (x: DepartmentCompliance['departments'][number]) => (x.members > 0 ? Math.round((100 * x.compliant) / x.members) : 0);
  if (data.departments.length === 0 || data.requirements === 0) {
    replaceChildren(container, chartSection(m.compliance.title, null, h('p', null, m.compliance.none), null));
    return;
  }
  const head = [c.department, c.members, c.compliant, c.dueSoon, c.due, c.overdue, c.percent];
  const rows = data.departments.map((x) => [x.department, x.members, x.compliant, x.dueSoon, x.due, x.overdue, share(x)]);
  const csvText = localCsv(head, rows);
  // Made here from the table's own rows: a blob URL, so no inline data and no second request.
  const link = h('a', { href: URL.createObjectURL(new Blob([csvText], { type: 'text/csv;charset=utf-8' })), download: 'academie-naleving-afdelingen.csv', class: 'reports-download' }, m.csv(m.compliance.what));
  replaceChildren(
    container,
    chartSection(
      m.compliance.title,
      barChart({ title: m.compliance.title, desc: m.compliance.desc(data.departments.length), bars: data.departments.map((x) => ({ label: x.department, value: share(x) })), max: 100, format: (n) => `${number(n)}%` }),
      h('div', null, h('p', null, m.compliance.asOf(formatDate(data.asOf))), table(m.compliance.title, head, rows.map((r) => r.map((v) => (typeof v === 'number' ? number(v) : v))))),
      link,
    ),
  );
}

/** CSV as the API writes it (BOM, the reader's separator, no formulas), for a table made in the page. */
export function localCsv(head: string[], rows: Array<Array<string | number>>): string {
  const sep = lang() === 'nl' ? ';' : ',';
  const cell = (v: string | number) => {
    if (typeof v === 'number') return lang() === 'nl' ? String(v).replace('.', ',') : String(v);
    let s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    if (s.includes(sep) || /["\r\n]/.test(s) || /^\s|\s$/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
    return s;
  };
  return `\uFEFF${[head, ...rows].map((r) => r.map(cell).join(sep)).join('\r\n')}\r\n`;
}

// ---- downloads that need the bearer token -------------------------------------------------------

