/**
 * SCORM in the academy's module management (functions/docs/scorm.md):
 * - `scormSection(moduleId)` on the edit page of an e-learning module: upload a zip straight to the
 *   uploads bucket (presigned POST, with a progress bar), then follow the import live
 *   (queued → checking → extracting → ready, or the API's own reason in the UI language), and the
 *   package's versions;
 * - `/academie/modules/{id}/rapport`: the module report (figures, attempts per week as an inline
 *   SVG built with DOM calls, the questions, a CSV download). Every figure is self-reported.
 */
import { ProblemError } from '../../../api';
import { currentUser } from '../../../auth';
import { h, on, replaceChildren, uid } from '../../../dom';
import type { PageContext, PageView } from '../../../router';
import { problemAlert } from '../../../ui/alert';
import { field } from '../../../ui/form';
import { formatDate } from '../../../ui/format';
import { formatBytes, sendToStorageWithProgress } from '../../../ui/upload';
import { completeScormUpload, scormImport, scormPackage, scormReport, scormReportCsvUrl, startScormUpload } from '../api';
import type { ScormImport, ScormPackage, ScormReport } from '../api';
import { busy, downloadLink, enc, failedPage, liveStatus, page, section, signInRequiredPage } from '../common';
import { lang } from '../../../i18n';
import { at } from './messages';

const maxZipBytes = 1024 * 1024 * 1024;
const stageOrder = ['queued', 'checking', 'extracting', 'ready'] as const;
const zipTypes = ['application/zip', 'application/x-zip-compressed'];

// ---------------------------------------------------------------------------------------------
// Upload and versions
// ---------------------------------------------------------------------------------------------

export function scormSection(moduleId: string): HTMLElement {
  const m = at().scorm;
  const input = h('input', { type: 'file', accept: '.zip,application/zip,application/x-zip-compressed' });
  const file = field('package', m.file, input, m.fileHint);
  const alerts = h('div', { class: 'alerts' });
  const status = liveStatus();
  status.classList.add('scorm-status');

  // The upload's progress bar: a native <progress> named by its label, with the numbers as text.
  const progressLabelId = uid('scorm-progress');
  const bar = h('progress', { class: 'progress__bar', max: 100, value: 0, 'aria-labelledby': progressLabelId, 'aria-valuetext': '0%' });
  const barText = h('span', { class: 'progress__text' });
  const progress = h('div', { class: 'progress scorm-progress', hidden: true }, h('span', { class: 'progress__label', id: progressLabelId }, m.progress), bar, barText);
  const setProgress = (sent: number, total: number) => {
    const percent = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
    bar.value = percent;
    const text = m.progressText(formatBytes(sent), formatBytes(total), percent);
    bar.setAttribute('aria-valuetext', text);
    barText.textContent = text;
  };

  // The import's stages as an ordered list; the current one has aria-current="step".
  const stageItems = stageOrder.map((s) => h('li', { class: 'scorm-stages__item', 'data-stage': s }, m.stages[s]!));
  const stages = h('ol', { class: 'scorm-stages', 'aria-label': m.stagesLabel, hidden: true }, stageItems);
  const showStage = (imp: Pick<ScormImport, 'status' | 'stages'>) => {
    stages.hidden = false;
    const reached = new Set(imp.stages.map((s) => s.stage));
    const current = imp.status === 'failed' ? imp.stages[imp.stages.length - 1]?.stage : imp.status;
    stageItems.forEach((li, i) => {
      const s = stageOrder[i]!;
      const done = reached.has(s) && s !== current ? true : imp.status === 'ready' && s === 'ready';
      li.className = `scorm-stages__item${done ? ' scorm-stages__item--done' : ''}${s === current ? ' scorm-stages__item--current' : ''}${imp.status === 'failed' && s === current ? ' scorm-stages__item--failed' : ''}`;
      if (s === current) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
  };

  const versions = h('div', { class: 'scorm-versions' });
  const renderVersions = (pkg: ScormPackage) => {
    if (pkg.versions.length === 0) {
      replaceChildren(versions, h('p', null, m.noVersions));
      return;
    }
    replaceChildren(
      versions,
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'table scorm-versions__table' },
          h('caption', { class: 'visually-hidden' }, m.versions),
          h('thead', null, h('tr', null, [m.versionCol, m.scormCol, m.titleCol, m.scosCol, m.importedCol].map((c) => h('th', { scope: 'col' }, c)))),
          h(
            'tbody',
            null,
            pkg.versions.map((v) =>
              h(
                'tr',
                { 'data-version': v.version },
                h('th', { scope: 'row' }, String(v.version), v.version === pkg.latestVersion ? h('span', { class: 'badge scorm-latest' }, m.latest) : null),
                h('td', null, v.scormVersion, v.edition ? m.edition(v.edition) : ''),
                h('td', null, v.title),
                h('td', null, String(v.scoCount)),
                h('td', null, h('time', { datetime: v.importedAt }, formatDate(v.importedAt)), ' ', m.by(v.importedBy.name)),
              ),
            ),
          ),
        ),
      ),
      h('p', { class: 'note' }, m.versionsNote),
    );
  };
  const loadVersions = async () => {
    try {
      renderVersions(await scormPackage(moduleId));
    } catch (err) {
      replaceChildren(versions, problemAlert(err));
    }
  };
  void loadVersions();

  /** Follows an import until it is ready or failed (or the section left the page). */
  const follow = async (imp: ScormImport): Promise<ScormImport> => {
    const started = Date.now();
    let delay = 500;
    let last = '';
    for (;;) {
      showStage(imp);
      if (imp.status !== last) {
        last = imp.status;
        if (imp.status !== 'ready' && imp.status !== 'failed') status.textContent = m.stageNow(m.stages[imp.status]!);
      }
      if (imp.status === 'ready' || imp.status === 'failed' || !el.isConnected) return imp;
      if (Date.now() - started > 20 * 60_000) {
        status.textContent = m.stalled;
        return imp;
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(2000, delay + 250);
      imp = await scormImport(moduleId, imp.importId);
    }
  };

  const submit = h('button', { type: 'submit', class: 'button' }, m.upload);
  const form = h('form', { class: 'admin-form scorm-upload', novalidate: true }, file.wrapper, h('p', null, submit));
  on(form, {
    submit: (event) => {
      event.preventDefault();
      const chosen = input.files?.[0];
      const problem = !chosen ? m.chooseFile : !/\.zip$/i.test(chosen.name) ? m.notZip : chosen.size > maxZipBytes ? m.tooLarge : null;
      file.setError(problem);
      if (problem || !chosen) {
        input.focus();
        return;
      }
      alerts.replaceChildren();
      stages.hidden = true;
      progress.hidden = false;
      setProgress(0, chosen.size);
      status.textContent = m.uploading(chosen.name);
      void busy(form, alerts, async () => {
        input.disabled = true;
        try {
          const contentType = zipTypes.includes(chosen.type) ? chosen.type : 'application/zip';
          const ticket = await startScormUpload(moduleId, { fileName: chosen.name, contentType: contentType as 'application/zip', bytes: chosen.size });
          await sendToStorageWithProgress(ticket, chosen, setProgress);
          const queued = await completeScormUpload(moduleId, ticket.uploadId);
          const done = await follow(queued);
          if (done.status === 'ready') {
            status.textContent = m.ready(done.version ?? 0);
            input.value = '';
            await loadVersions();
          } else if (done.status === 'failed') {
            status.textContent = '';
            alerts.replaceChildren(problemAlert(new ProblemError({ title: m.failedTitle, detail: done.error?.message, status: 422 })));
          }
        } catch (err) {
          status.textContent = '';
          throw err;
        } finally {
          input.disabled = false;
        }
      });
    },
  });

  const el = section(
    m.title,
    h('p', null, m.intro),
    form,
    progress,
    stages,
    status,
    alerts,
    h('h3', null, m.versions),
    versions,
    h('p', null, h('a', { href: `/academie/modules/${enc(moduleId)}/rapport` }, m.report)),
  );
  el.classList.add('scorm-section');
  return el;
}

// ---------------------------------------------------------------------------------------------
// The report page
// ---------------------------------------------------------------------------------------------

export async function scormReportPage(ctx: PageContext): Promise<PageView> {
  const m = at().report;
  if (!currentUser()) return signInRequiredPage();
  const id = ctx.params.id!;
  let r: ScormReport;
  try {
    r = await scormReport(id);
  } catch (err) {
    return failedPage(err, { title: at().module.notFoundTitle, text: at().module.notFound, href: '/academie/beheer', link: at().module.toOverview });
  }
  const alerts = h('div', { class: 'alerts' });
  const csv = downloadLink(scormReportCsvUrl(id), `scorm-rapport-${id}.csv`, m.csv, alerts, 'text/csv');
  csv.classList.add('button', 'button--secondary');
  return page(
    m.title(r.title),
    h('p', { class: 'actions' }, h('a', { href: `/academie/modules/${enc(id)}` }, m.back)),
    h('p', { class: 'note scorm-self-reported' }, m.selfReported),
    r.learners.started === 0 ? h('p', null, m.noAttempts) : null,
    figures(r),
    section(m.overTime, chart(r.attemptsOverTime)),
    section(m.interactions, interactionTable(r)),
    h('p', null, csv),
    alerts,
  );
}

function figures(r: ScormReport): HTMLElement {
  const m = at().report;
  const item = (label: string, value: string, hint?: string) =>
    h('div', { class: 'report-figure' }, h('dt', null, label), h('dd', null, h('span', { class: 'report-figure__value' }, value), hint ? h('span', { class: 'report-figure__hint' }, hint) : null));
  const or = (v: number | null, f: (n: number) => string) => (v === null ? m.none : f(v));
  const list = h(
    'dl',
    { class: 'report-figures' },
    item(m.started, String(r.learners.started)),
    item(m.completed, String(r.learners.completed)),
    item(m.passed, String(r.learners.passed)),
    item(m.failed, String(r.learners.failed)),
    item(m.inProgress, String(r.learners.inProgress)),
    item(m.passRate, or(r.passRate, (p) => m.percent(p * 100)), m.passRateHint),
    item(m.averageScore, or(r.averageScore, m.percent), m.finishedHint),
    item(m.averageTime, or(r.averageTimeSeconds, m.minutes), m.finishedHint),
    item(m.attempts, String(r.attempts.total)),
  );
  const versions = r.attempts.byVersion.length > 1 ? h('p', null, m.versionsLine(r.attempts.byVersion.map((v) => m.versionItem(v.version, v.count)).join(', '))) : null;
  return section(m.figures, list, versions);
}

const svgNs = 'http://www.w3.org/2000/svg';
/** An SVG element with attributes, built with DOM calls (never markup). */
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<Node | string>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** Attempts started and finished per week: grouped bars, with the same numbers as a table. */
function chart(weeks: ScormReport['attemptsOverTime']): HTMLElement {
  const m = at().report;
  if (weeks.length === 0) return h('p', null, m.noAttempts);
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.started, w.finished)));
  const slot = 24;
  const height = 140;
  const pad = { top: 12, bottom: 22, left: 30 };
  const width = pad.left + weeks.length * slot + 8;
  const y = (n: number) => pad.top + height - (n / max) * height;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const total = (k: 'started' | 'finished') => weeks.reduce((s, w) => s + w[k], 0);
  const shortDate = new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 8));
  const root = svg(
    'svg',
    { class: 'report-chart__svg', viewBox: `0 0 ${width} ${pad.top + height + pad.bottom}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, width, height: pad.top + height + pad.bottom },
    svg('title', { id: titleId }, m.chartTitle),
    svg('desc', { id: descId }, m.chartDesc(weeks.length, total('started'), total('finished'))),
    svg('line', { class: 'report-chart__axis', x1: pad.left, x2: width, y1: y(0), y2: y(0) }),
    svg('text', { class: 'report-chart__tick', x: pad.left - 4, y: y(max) + 4, 'text-anchor': 'end' }, String(max)),
    svg('text', { class: 'report-chart__tick', x: pad.left - 4, y: y(0), 'text-anchor': 'end' }, '0'),
  );
  weeks.forEach((w, i) => {
    const x = pad.left + i * slot + 3;
    const bar = (n: number, dx: number, cls: string, label: string) =>
      svg('rect', { class: cls, x: x + dx, y: y(n), width: 8, height: Math.max(0, y(0) - y(n)) }, svg('title', {}, `${label}: ${n}`));
    root.append(bar(w.started, 0, 'report-chart__started', `${w.weekStart} — ${m.legendStarted}`), bar(w.finished, 9, 'report-chart__finished', `${w.weekStart} — ${m.legendFinished}`));
    if (i % labelEvery === 0) root.append(svg('text', { class: 'report-chart__tick', x: x + 8, y: y(0) + 15, 'text-anchor': 'middle' }, shortDate.format(new Date(`${w.weekStart}T00:00:00Z`))));
  });
  const legend = h(
    'p',
    { class: 'report-chart__legend', 'aria-hidden': 'true' },
    h('span', { class: 'report-chart__key report-chart__key--started' }),
    m.legendStarted,
    ' ',
    h('span', { class: 'report-chart__key report-chart__key--finished' }),
    m.legendFinished,
  );
  const table = h(
    'details',
    { class: 'report-chart__table' },
    h('summary', null, m.asTable),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'table' },
        h('caption', { class: 'visually-hidden' }, m.chartTitle),
        h('thead', null, h('tr', null, [m.weekCol, m.legendStarted, m.legendFinished].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, weeks.map((w) => h('tr', null, h('th', { scope: 'row' }, h('time', { datetime: w.weekStart }, formatDate(w.weekStart))), h('td', null, String(w.started)), h('td', null, String(w.finished))))),
      ),
    ),
  );
  return h('div', { class: 'report-chart' }, h('div', { class: 'report-chart__scroll' }, root), legend, table);
}

function interactionTable(r: ScormReport): HTMLElement {
  const m = at().report;
  if (r.interactions.length === 0) return h('p', null, m.noInteractions);
  const severalScos = new Set(r.interactions.map((i) => i.scoId)).size > 1;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'table report-interactions' },
      h('caption', { class: 'visually-hidden' }, m.interactions),
      h('thead', null, h('tr', null, [m.questionCol, m.responsesCol, m.correctCol, m.wrongAnswersCol].map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        null,
        r.interactions.map((q) =>
          h(
            'tr',
            { 'data-interaction': q.id },
            h('th', { scope: 'row' }, h('span', { class: 'report-interactions__id' }, q.id), q.description ? h('span', { class: 'report-interactions__description' }, q.description) : null, severalScos ? h('span', { class: 'report-interactions__sco' }, m.sco(q.scoId)) : null),
            h('td', null, String(q.responses)),
            h('td', null, q.shareCorrect === null ? m.none : `${m.percent(q.shareCorrect * 100)} (${q.correct}/${q.correct + q.wrong})`),
            h('td', null, q.wrongAnswers.length === 0 ? m.none : h('ul', { class: 'report-interactions__wrong' }, q.wrongAnswers.map((w) => h('li', null, h('q', null, w.response || m.empty), ' ', m.times(w.count))))),
          ),
        ),
      ),
    ),
  );
}
