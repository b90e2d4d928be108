/** Small pieces shared by the knowledge pages: labels, badges and the page shell. */
import { h } from '../../dom';
import type { Child } from '../../dom';
import type { PageView } from '../../router';
import { basicPage } from '../../ui/page';
import type { Audience } from './api';
import { kt } from './messages';

export function audienceLabel(audience: string): string {
  const labels: Record<string, string> = kt().audience;
  return labels[audience] ?? audience;
}

export function stateLabel(state: string): string {
  const labels: Record<string, string> = kt().states;
  return labels[state] ?? state;
}

/** The badge says who may read it; the hidden prefix keeps "Iedereen" from being a riddle. */
export function audienceBadge(audience: Audience | string): HTMLElement {
  return h(
    'span',
    { class: `badge badge--audience badge--${audience}` },
    h('span', { class: 'visually-hidden' }, `${kt().audienceLabel} `),
    audienceLabel(audience),
  );
}

export function page(title: string, ...children: (Child | Child[])[]): PageView {
  return basicPage('page--knowledge', title, ...children);
}
