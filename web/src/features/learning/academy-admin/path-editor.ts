/**
 * /academie/leerpaden/nieuw and /academie/leerpaden/{id}/nieuwe-versie: the path form (title,
 * description, ordered steps with module, required and "opens after", minimum optional steps).
 * Publishes with POST /api/paths or POST /api/paths/{id}/versions; the API's validation errors
 * (cycles, archived or unknown modules) show in the alert and next to their step rows.
 */
import { ProblemError } from '../../../api';
import type { FieldError } from '../../../api';
import { currentUser } from '../../../auth';
import { h, on, replaceChildren, uid } from '../../../dom';
import { navigate } from '../../../router';
import type { PageContext, PageView } from '../../../router';
import { field, problemWithErrors } from '../../../ui/form';
import type { Field } from '../../../ui/form';
import { loadFailedPage } from '../../../ui/page';
import { managedModules, pathView, publishPath } from '../api';
import type { ManagedModule, PathView } from '../api';
import { busy, enc, failedPage, kindLabel, liveStatus, page, signInRequiredPage } from '../common';
import { showErrors } from './common';
import { at } from './messages';

interface StepState {
  id: string;
  moduleId: string;
  required: boolean;
  unlockAfter: string[];
}

export async function pathEditor(ctx: PageContext): Promise<PageView> {
  const m = at().path;
  if (!currentUser()) return signInRequiredPage();
  const pathId = ctx.params.pathId;
  let modules: ManagedModule[];
  let existing: PathView | null = null;
  try {
    modules = await managedModules();
  } catch (err) {
    return loadFailedPage(err);
  }
  if (pathId) {
    try {
      existing = await pathView(pathId, 'latest');
    } catch (err) {
      return failedPage(err, { title: at().module.notFoundTitle, text: at().module.notFound, href: '/academie/beheer', link: at().module.toOverview });
    }
  }
  return page(
    existing ? m.versionTitle(existing.path.title) : m.newTitle,
    existing ? h('p', { class: 'note' }, m.versionNote) : null,
    pathForm(modules, existing),
  );
}

function pathForm(modules: ManagedModule[], existing: PathView | null): HTMLElement {
  const m = at().path;
  const p = existing?.path;
  const byId = new Map(modules.map((mod) => [mod.id, mod]));
  let steps: StepState[] = p ? p.steps.map((s) => ({ id: s.id, moduleId: s.moduleId, required: s.required, unlockAfter: [...s.unlockAfter] })) : [{ id: 's1', moduleId: '', required: true, unlockAfter: [] }];
  let errors: FieldError[] = [];

  const title = field('title', m.title, h('input', { type: 'text', value: p?.title ?? '', maxlength: 200, autocomplete: 'off' }));
  const description = field('description', m.description, h('textarea', { rows: 5, maxlength: 5000 }, p?.description ?? ''), at().module.descriptionHint);
  const minOptional = field('minOptional', m.minOptional, h('input', { type: 'number', min: 0, max: 50, step: 1, value: String(p?.minOptional ?? 0) }), m.minOptionalHint);
  const stepsError = h('p', { class: 'field__error', id: uid('steps-error'), hidden: true });
  const list = h('ol', { class: 'path-editor__steps' });
  const announce = liveStatus();
  const stepsHeading = uid('steps');
  const stepsSet = h('section', { class: 'path-editor', 'aria-labelledby': stepsHeading, tabindex: -1 }, h('h2', { id: stepsHeading }, m.steps), stepsError, list);
  const stepsField: Field = {
    name: 'steps',
    wrapper: stepsSet,
    focusTarget: stepsSet,
    setError(message) {
      stepsError.textContent = message ?? '';
      stepsError.hidden = !message;
    },
  };
  let rowFields: Field[] = [];

  /** Module options: published modules, plus a step's current module whatever its status. */
  const options = (current: string): Array<[string, string]> => {
    const listed = modules.filter((mod) => mod.status === 'published' || mod.id === current).sort((a, b) => a.title.localeCompare(b.title, 'nl'));
    const out: Array<[string, string]> = [['', m.chooseModule]];
    for (const mod of listed) out.push([mod.id, `${mod.title} (${kindLabel(mod.kind)})${mod.status === 'archived' ? m.archived : ''}`]);
    if (current && !byId.has(current)) out.push([current, current]);
    return out;
  };
  const stepLabel = (s: StepState, i: number) => `${m.step(i + 1)}${byId.get(s.moduleId) ? `: ${byId.get(s.moduleId)!.title}` : ''}`;
  const nextId = () => {
    let n = steps.length + 1;
    const ids = new Set(steps.map((s) => s.id));
    while (ids.has(`s${n}`)) n++;
    return `s${n}`;
  };

  const render = (focus?: { index: number; what: 'up' | 'down' | 'module' }) => {
    rowFields = [];
    replaceChildren(
      list,
      steps.map((step, i) => {
        const n = i + 1;
        const select = h('select', null, options(step.moduleId).map(([v, label]) => h('option', { value: v, selected: v === step.moduleId }, label)));
        on(select, {
          change: () => {
            step.moduleId = select.value;
            // Labels of "opens after" elsewhere mention this step's module.
            render({ index: i, what: 'module' });
          },
        });
        const moduleField = field(`steps.${i}.moduleId`, m.module, select);
        const requiredId = uid('required');
        const required = h('input', { type: 'checkbox', id: requiredId, checked: step.required });
        on(required, { change: () => (step.required = required.checked) });
        const others = steps.map((s, j) => ({ s, j })).filter(({ j }) => j !== i);
        const afterError = h('p', { class: 'field__error', id: uid('after-error'), hidden: true });
        const afterSet = h(
          'fieldset',
          { class: 'field field--group', 'data-field': `steps.${i}.unlockAfter` },
          h('legend', { class: 'field__label' }, m.opensAfter),
          afterError,
          others.length === 0
            ? h('p', { class: 'field__hint' }, m.noOthers)
            : others.map(({ s, j }) => {
                const cid = uid('after');
                const box = h('input', { type: 'checkbox', id: cid, value: s.id, checked: step.unlockAfter.includes(s.id) });
                on(box, {
                  change: () => {
                    step.unlockAfter = box.checked ? [...new Set([...step.unlockAfter, s.id])] : step.unlockAfter.filter((x) => x !== s.id);
                  },
                });
                return h('div', { class: 'choice' }, box, h('label', { for: cid }, stepLabel(s, j)));
              }),
        );
        const firstBox = afterSet.querySelector<HTMLInputElement>('input');
        const afterField: Field = {
          name: `steps.${i}.unlockAfter`,
          wrapper: afterSet,
          focusTarget: firstBox ?? afterSet,
          setError(message) {
            afterError.textContent = message ?? '';
            afterError.hidden = !message;
            afterSet.classList.toggle('field--invalid', Boolean(message));
            if (message) afterSet.setAttribute('aria-describedby', afterError.id);
            else afterSet.removeAttribute('aria-describedby');
          },
        };
        rowFields.push(moduleField, afterField);
        const suffix = () => h('span', { class: 'visually-hidden' }, m.stepSuffix(n));
        const up = h('button', { type: 'button', class: 'button button--quiet', disabled: i === 0 }, m.up, suffix());
        const down = h('button', { type: 'button', class: 'button button--quiet', disabled: i === steps.length - 1 }, m.down, suffix());
        const remove = h('button', { type: 'button', class: 'button button--quiet', disabled: steps.length === 1 }, m.remove, suffix());
        const move = (to: number, what: 'up' | 'down') => {
          const [moved] = steps.splice(i, 1);
          steps.splice(to, 0, moved!);
          errors = [];
          render({ index: to, what });
          announce.textContent = m.moved(to + 1);
        };
        on(up, { click: () => move(i - 1, 'up') });
        on(down, { click: () => move(i + 1, 'down') });
        on(remove, {
          click: () => {
            const [gone] = steps.splice(i, 1);
            for (const s of steps) s.unlockAfter = s.unlockAfter.filter((x) => x !== gone!.id);
            errors = [];
            render();
            addButton.focus();
            announce.textContent = m.removed;
          },
        });
        const headingId = uid('step');
        return h(
          'li',
          { class: 'path-editor__step', 'data-step-id': step.id, 'aria-labelledby': headingId },
          h('h3', { id: headingId, class: 'path-editor__title' }, m.step(n)),
          moduleField.wrapper,
          h('div', { class: 'choice' }, required, h('label', { for: requiredId }, m.required)),
          afterSet,
          h('p', { class: 'actions' }, up, down, remove),
        );
      }),
    );
    showErrors([title, description, stepsField, ...rowFields, minOptional], errors);
    if (focus) {
      const row = list.children[focus.index];
      const buttons = row?.querySelectorAll<HTMLButtonElement>('.actions button');
      if (focus.what === 'module') row?.querySelector<HTMLElement>('select')?.focus();
      else {
        const target = buttons?.[focus.what === 'up' ? 0 : 1];
        (target && !target.disabled ? target : buttons?.[focus.what === 'up' ? 1 : 0])?.focus();
      }
    }
  };

  const addButton = h('button', { type: 'button', class: 'button button--secondary' }, m.addStep);
  on(addButton, {
    click: () => {
      steps.push({ id: nextId(), moduleId: '', required: true, unlockAfter: [] });
      errors = [];
      render({ index: steps.length - 1, what: 'module' });
      announce.textContent = m.added(steps.length);
    },
  });
  render();
  stepsSet.append(h('p', null, addButton), announce);

  const alerts = h('div', { class: 'alerts' });
  const el = h(
    'form',
    { class: 'admin-form', novalidate: true },
    title.wrapper,
    description.wrapper,
    stepsSet,
    minOptional.wrapper,
    alerts,
    h('p', null, h('button', { type: 'submit', class: 'button' }, existing ? m.publishVersion : m.publish)),
  );
  on(el, {
    submit: (event) => {
      event.preventDefault();
      const local: FieldError[] = [];
      if (!(title.focusTarget as HTMLInputElement).value.trim()) local.push({ path: 'title', message: at().module.required });
      steps.forEach((s, i) => {
        if (!s.moduleId) local.push({ path: `steps.${i}.moduleId`, message: at().module.required });
      });
      const min = Number((minOptional.focusTarget as HTMLInputElement).value);
      if (!Number.isInteger(min) || min < 0) local.push({ path: 'minOptional', message: at().module.number0 });
      if (local.length > 0) {
        errors = local;
        alerts.replaceChildren();
        render();
        return;
      }
      const body = {
        title: (title.focusTarget as HTMLInputElement).value.trim(),
        description: (description.focusTarget as HTMLTextAreaElement).value,
        minOptional: min,
        steps: steps.map((s) => ({ id: s.id, moduleId: s.moduleId, required: s.required, unlockAfter: s.unlockAfter.filter((x) => steps.some((o) => o.id === x)) })),
      };
      void busy(el, alerts, async () => {
        try {
          const published = await publishPath(existing ? existing.path.id : null, body);
          navigate(`/leerpaden/${enc(published.id)}`);
        } catch (err) {
          errors = err instanceof ProblemError ? err.errors : [];
          render();
          const unclaimed = errors.filter((e) => !/^(title|description|minOptional|steps)(\.|$)/.test(e.path));
          alerts.replaceChildren(problemWithErrors(err, unclaimed));
        }
      });
    },
  });
  return el;
}
