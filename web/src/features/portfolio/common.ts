/**
 * Pieces the portfolio core's pages share: the page and section shells, one action at a time with
 * its problems shown, authenticated downloads (`ui/download.ts`) and a progress bar.
 */
import { h, uid } from '../../dom';
import type { Child } from '../../dom';
import type { PageView } from '../../router';
import { basicPage } from '../../ui/page';

export { downloadLink } from '../../ui/download';
export { busy } from '../../ui/busy';

export function page(title: string, ...children: (Child | Child[])[]): PageView {
  return basicPage('page--learning', title, ...children);
}

export function section(title: string, ...children: (Child | Child[])[]): HTMLElement {
  const id = uid('section');
  return h('section', { class: 'learning-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}


/** A native <progress> named by a visible label, with the text beside it. */
export function progressBar(label: string, value: number, max: number, valueText: string): HTMLElement {
  const labelId = uid('progress');
  const percent = max > 0 ? Math.max(0, Math.min(100, Math.round((value / max) * 100))) : 100;
  return h(
    'div',
    { class: 'progress' },
    h('span', { class: 'progress__label', id: labelId }, label),
    h('progress', { class: 'progress__bar', max: 100, value: percent, 'aria-labelledby': labelId, 'aria-valuetext': valueText }),
    h('span', { class: 'progress__text' }, valueText),
  );
}

/** The Amsterdam calendar date today, YYYY-MM-DD (the max of a date input). */
export const todayInAmsterdam = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
/** The last day of a cycle whose end is exclusive. */
export const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
