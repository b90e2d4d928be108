/**
 * Names of the learning formats and durations: the learning feature's one piece other features
 * show too (the knowledge article lists training on its topic). Small on purpose, so that page
 * does not load the learning pages' texts; `messages.ts` includes these texts for the learning pages.
 */
import { h } from '../../dom';
import { lang } from '../../i18n';

const nl = {
  kinds: {
    elearning: 'E-learning',
    classroom: 'Klassikale training',
    'online-session': 'Webinar / online sessie',
    event: 'Evenement',
    intervision: 'Intervisie',
    reading: 'Lezen',
    assignment: 'Opdracht',
    external: 'Externe scholing',
  },
  kindLabel: 'Vorm:',
  duration: (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return `${rest} min`;
    return rest === 0 ? `${hours} uur` : `${hours} uur ${rest} min`;
  },
};

export type LabelMessages = typeof nl;

const en: LabelMessages = {
  kinds: {
    elearning: 'E-learning',
    classroom: 'Classroom training',
    'online-session': 'Webinar / online session',
    event: 'Event',
    intervision: 'Peer consultation',
    reading: 'Reading',
    assignment: 'Assignment',
    external: 'External training',
  },
  kindLabel: 'Format:',
  duration: (minutes: number) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return `${rest} min`;
    const unit = hours === 1 ? 'hour' : 'hours';
    return rest === 0 ? `${hours} ${unit}` : `${hours} ${unit} ${rest} min`;
  },
};

export const __labelCatalogues = { nl, en };

function labels(): LabelMessages {
  return lang() === 'en' ? en : nl;
}

export function kindLabel(kind: string): string {
  const names: Record<string, string> = labels().kinds;
  return names[kind] ?? kind;
}

/** The kind as a badge; the hidden prefix says what the word is ("Vorm: Lezen"). */
export function kindBadge(kind: string): HTMLElement {
  return h('span', { class: `badge badge--kind badge--kind-${kind}` }, h('span', { class: 'visually-hidden' }, `${labels().kindLabel} `), kindLabel(kind));
}

export function duration(minutes: number | undefined): string {
  return typeof minutes === 'number' && minutes > 0 ? labels().duration(Math.round(minutes)) : '';
}
