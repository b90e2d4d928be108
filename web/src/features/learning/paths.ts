/**
 * /leerpaden: the published learning paths; /leerpaden/{id}: one path, its steps in order (kind,
 * required or optional, lock state) and, for an enrolled reader, progress, the next step and a
 * notice when a newer version of the path exists.
 */
import { currentUser } from '../../auth';
import { h, on, replaceChildren, uid } from '../../dom';
import { signInHref } from '../../returnTo';
import type { PageContext, PageView } from '../../router';
import { formatDate } from '../../ui/format';
import { loadFailedPage } from '../../ui/page';
import { enrolInPath, migratePath, paths as fetchPaths, pathView } from './api';
import type { MyPath, NextStep, PathStepView, PathSummary, PathView, StepStatus } from './api';
import { busy, duration, enc, failedPage, kindBadge, kindLabel, liveStatus, markdownParagraphs, page, progressBar, section } from './common';
import { lt } from './messages';

export async function pathList(): Promise<PageView> {
  const m = lt().paths;
  let paths: PathSummary[];
  try {
    paths = await fetchPaths();
  } catch (err) {
    return loadFailedPage(err);
  }
  return page(
    m.title,
    h('p', { class: 'lead' }, m.intro),
    paths.length === 0
      ? h('p', null, m.none)
      : h(
          'ul',
          { class: 'path-list' },
          paths.map((p) => {
            const titleId = uid('path');
            return h(
              'li',
              { class: 'path-card' },
              h(
                'article',
                { 'aria-labelledby': titleId },
                h('h2', { class: 'path-card__title', id: titleId }, h('a', { href: `/leerpaden/${enc(p.id)}` }, p.title)),
                markdownParagraphs(p.description),
                h(
                  'p',
                  { class: 'result__meta' },
                  h('span', null, m.steps(p.stepCount)),
                  p.kinds.length > 0 ? h('span', { class: 'path-card__kinds' }, h('span', { class: 'visually-hidden' }, `${m.kinds} `), [...new Set(p.kinds)].map((k) => kindLabel(k)).join(', ')) : null,
                ),
              ),
            );
          }),
        ),
  );
}

export async function pathPage(ctx: PageContext): Promise<PageView> {
  const m = lt().paths;
  const id = ctx.params.pathId ?? '';
  let view: PathView;
  try {
    view = await pathView(id);
  } catch (err) {
    return failedPage(err, { title: m.notFoundTitle, text: m.notFound, href: '/leerpaden', link: m.toPaths });
  }

  const status = liveStatus();
  const alerts = h('div', { class: 'alerts' });
  const mine = h('div', { class: 'path-mine' });
  const steps = h('div', { class: 'path-steps' });

  /** Re-renders the personal parts (progress, enrol/migrate, step states) from a fresh `my`. */
  const render = (next: PathView) => {
    view = next;
    replaceChildren(mine, myPart(view, enrol, migrate));
    replaceChildren(steps, stepList(view));
  };

  const reload = async (message: string) => {
    const fresh = await pathView(id);
    render(fresh);
    status.textContent = message;
    mine.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
  };

  const enrol = (button: HTMLButtonElement) =>
    void busy(button, alerts, async () => {
      await enrolInPath(id);
      await reload(m.enrolledNow);
    });
  const migrate = (button: HTMLButtonElement) =>
    void busy(button, alerts, async () => {
      const my = await migratePath(id);
      await reload(m.migratedNow(my?.enrolledVersion ?? view.path.version));
    });

  render(view);
  return page(
    view.path.title,
    h('div', { class: 'lead' }, markdownParagraphs(view.path.description)),
    h('p', { class: 'path-version' }, m.version(view.my?.enrolledVersion ?? view.path.version)),
    alerts,
    mine,
    status,
    steps,
  );
}

function myPart(view: PathView, enrol: (b: HTMLButtonElement) => void, migrate: (b: HTMLButtonElement) => void): HTMLElement {
  const m = lt().paths;
  const my = view.my;
  if (!currentUser()) return h('p', null, h('a', { href: signInHref(), class: 'button' }, m.signInToEnrol));
  if (!my) {
    const button = h('button', { type: 'button', class: 'button' }, m.enrol);
    on(button, { click: () => enrol(button) });
    return h('p', { class: 'actions' }, button);
  }
  const next = nextStepOf(view);
  const progressId = uid('progress-section');
  return h(
    'section',
    { class: 'path-progress', 'aria-labelledby': progressId, tabindex: -1 },
    h('h2', { id: progressId }, m.progress),
    progressBar(my.progress.percent),
    my.progress.complete
      ? h(
          'div',
          { class: 'done-notice' },
          h('p', { class: 'done-notice__title' }, (my.progress.completedAt ?? my.completedAt) ? m.completeOn(formatDate(my.progress.completedAt ?? my.completedAt)) : m.complete),
          h('p', null, h('a', { href: `/evaluatie/path/${enc(view.path.id)}` }, m.evaluate)),
        )
      : next
        ? h('p', { class: 'path-next' }, `${m.next} `, h('a', { href: `/aanbod/${enc(next.moduleId)}` }, next.title), next.kind ? [' ', kindBadge(next.kind)] : null)
        : null,
    my.latestVersion > my.enrolledVersion ? migrateNotice(my, migrate) : null,
  );
}

function migrateNotice(my: MyPath, migrate: (b: HTMLButtonElement) => void): HTMLElement {
  const m = lt().paths;
  const button = h('button', { type: 'button', class: 'button button--secondary' }, m.migrate(my.latestVersion));
  on(button, { click: () => migrate(button) });
  return h('div', { class: 'note path-migrate' }, h('p', null, m.newVersion(my.enrolledVersion, my.latestVersion)), h('p', null, m.newVersionHint), h('p', null, button));
}

/** The next step as an object: the API's progress names only its step id. */
export function nextStepOf(view: PathView): NextStep | null {
  const raw = view.my?.progress.nextStep;
  if (!raw) return null;
  const step = view.path.steps.find((s) => s.id === raw);
  return step ? { stepId: step.id, moduleId: step.moduleId, title: step.module.title, kind: step.module.kind } : null;
}

function stepList(view: PathView): HTMLElement {
  const m = lt().paths;
  const states = new Map((view.my?.progress.steps ?? []).map((s) => [s.stepId, s.status]));
  const titles = new Map(view.path.steps.map((s) => [s.id, s.module.title]));
  const hasOptional = view.path.steps.some((s) => !s.required);
  return section(
    m.stepsTitle,
    hasOptional && view.path.minOptional > 0 ? h('p', null, m.minOptional(view.path.minOptional)) : null,
    h(
      'ol',
      { class: 'step-list' },
      view.path.steps.map((step, i) => stepItem(step, i + 1, view.my ? (states.get(step.id) ?? 'locked') : null, titles)),
    ),
  );
}

function stepItem(step: PathStepView, n: number, state: StepStatus | null, titles: Map<string, string>): HTMLElement {
  const m = lt().paths;
  const titleId = uid('step');
  const waitingFor = step.unlockAfter.map((id) => titles.get(id) ?? id);
  // Without enrolment there is no progress: say what a step waits for, not that it is locked.
  const locked = state === 'locked' || (state === null && step.unlockAfter.length > 0);
  return h(
    'li',
    { class: `step step--${state ?? 'preview'}`, 'data-step-id': step.id },
    h(
      'article',
      { 'aria-labelledby': titleId },
      h('p', { class: 'step__number' }, m.step(n)),
      h('h3', { class: 'step__title', id: titleId }, h('a', { href: `/aanbod/${enc(step.moduleId)}` }, step.module.title)),
      h(
        'p',
        { class: 'result__meta' },
        step.module.kind ? kindBadge(step.module.kind) : null,
        h('span', { class: `badge ${step.required ? 'badge--required' : 'badge--optional'}` }, step.required ? m.required : m.optional),
        step.module.durationMinutes ? h('span', null, duration(step.module.durationMinutes)) : null,
        state ? h('span', { class: `state state--step-${state}` }, h('span', { class: 'visually-hidden' }, `${m.statusLabel} `), m.status[state]) : null,
      ),
      locked && waitingFor.length > 0 ? h('p', { class: 'step__lock' }, `${m.opensAfter} ${waitingFor.join(', ')}`) : null,
    ),
  );
}
