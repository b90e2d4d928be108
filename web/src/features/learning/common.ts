/**
 * Pieces shared by the learning pages (learners, trainers, the academy): module kinds, session
 * times (Europe/Amsterdam), the progress bar, the calendar download and page shells. Form fields,
 * failure pages and dates are the shared UI's (`web/src/ui`).
 */
import { ProblemError } from '../../api';
import { h, uid } from '../../dom';
import type { Child } from '../../dom';
import { lang } from '../../i18n';
import type { PageView } from '../../router';
import { currentUser } from '../../auth';
import { downloadLink } from '../../ui/download';

export { downloadLink };
export { busy } from '../../ui/busy';
import { basicPage, loadFailedPage, signInRequiredPage } from '../../ui/page';
import { networks } from '../knowledge/api';
import type { Accreditation, ModuleKind } from './api';
import { lt } from './messages';

export { duration, kindBadge, kindLabel } from './labels';

export const enc = encodeURIComponent;

/** Display order of the kinds (filters, badges): the order of the learning model. */
export const kindOrder: readonly ModuleKind[] = ['elearning', 'classroom', 'online-session', 'event', 'intervision', 'reading', 'assignment', 'external'];
/** Kinds completed by attending a session; only these have sessions to enrol in. */
export const sessionKinds: readonly string[] = ['classroom', 'online-session', 'event', 'intervision'];

export function isKind(value: string): value is ModuleKind {
  return (kindOrder as readonly string[]).includes(value);
}

export function sessionStatusLabel(status: string): string {
  const labels: Record<string, string> = lt().sessionStatus;
  return labels[status] ?? status;
}

export function accreditationText(items: ReadonlyArray<Pick<Accreditation, 'register' | 'points'>>): string {
  return items.map((a) => `${lt().points(a.points)} ${a.register}`).join(', ');
}

const zone = 'Europe/Amsterdam';
const locale = () => (lang() === 'en' ? 'en-GB' : 'nl-NL');

function valid(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function dayKey(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "dinsdag 10 maart 2026, 13:00–16:00" (Amsterdam time), or both full when it spans days. */
export function formatSessionTime(start: string, end?: string): string {
  const from = valid(start);
  if (!from) return start;
  const dayFormat = new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
  const timeFormat = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const to = valid(end);
  if (!to) return `${dayFormat.format(from)}, ${timeFormat.format(from)}`;
  if (dayKey(from) === dayKey(to)) return `${dayFormat.format(from)}, ${timeFormat.format(from)}–${timeFormat.format(to)}`;
  return `${dayFormat.format(from)}, ${timeFormat.format(from)} – ${dayFormat.format(to)}, ${timeFormat.format(to)}`;
}

export function sessionTime(start: string, end?: string): HTMLElement {
  return h('time', { datetime: start }, formatSessionTime(start, end));
}

export function page(title: string, ...children: (Child | Child[])[]): PageView {
  return basicPage('page--learning', title, ...children);
}

export function section(title: string, ...children: (Child | Child[])[]): HTMLElement {
  const id = uid('section');
  return h('section', { class: 'learning-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** 404 → a page with its own title and a way back; anything else as every feature does it. */
export function failedPage(err: unknown, notFound: { title: string; text: string; href: string; link: string }): PageView {
  // Hidden answers like missing; signing in is the one thing that could make it appear.
  if (err instanceof ProblemError && err.status === 404 && !currentUser()) return signInRequiredPage();
  if (err instanceof ProblemError && err.status === 404) {
    return page(notFound.title, h('p', null, notFound.text), h('p', null, h('a', { href: notFound.href, class: 'button' }, notFound.link)));
  }
  return loadFailedPage(err);
}

export { signInRequiredPage };

/** A native <progress> named by a visible label, with the percentage as text beside it. */
export function progressBar(percent: number, label = lt().paths.progress): HTMLElement {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const labelId = uid('progress');
  return h(
    'div',
    { class: 'progress' },
    h('span', { class: 'progress__label', id: labelId }, label),
    h('progress', { class: 'progress__bar', max: 100, value, 'aria-labelledby': labelId, 'aria-valuetext': lt().paths.percent(value) }),
    h('span', { class: 'progress__text' }, lt().paths.percent(value)),
  );
}

let networksCache: Promise<Map<string, string>> | null = null;
/** Network names for ids in module data; one request per visit, retried after a failure. */
export function networkNames(): Promise<Map<string, string>> {
  networksCache ??= networks()
    .then((list) => new Map(list.map((n) => [n.id, n.name])))
    .catch(() => {
      networksCache = null;
      return new Map<string, string>();
    });
  return networksCache;
}


/**
 * "Agenda-uitnodiging (.ics)": the invite needs the bearer token, so a plain link cannot fetch
 * it. The first click fetches it with the token and turns the link into a Blob download link
 * (same name, `download` attribute), then follows it; later clicks download straight away.
 */
export function icsLink(sessionId: string, filename: string, alerts: HTMLElement): HTMLAnchorElement {
  const link = downloadLink(`/api/sessions/${enc(sessionId)}/invite.ics`, filename, lt().module.ics, alerts, 'text/calendar');
  link.classList.add('ics-link');
  return link;
}


/**
 * Plain Markdown text (path descriptions have no rendered HTML) as paragraphs with **strong** and
 * *em*: built from text nodes, never parsed as HTML. Anything else stays as typed.
 */
export function markdownParagraphs(text: string, attrs: Record<string, string | null> = {}): HTMLElement[] {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => h('p', attrs, inlineMarkdown(p)));
}

export function inlineMarkdown(text: string): Array<Node | string> {
  const out: Array<Node | string> = [];
  const pattern = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push(match[1] !== undefined ? h('strong', null, match[1]) : h('em', null, match[2] ?? match[3] ?? ''));
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Status text in a polite live region: what just happened ("Je bent ingeschreven…"). */
export function liveStatus(): HTMLElement {
  return h('p', { role: 'status', class: 'status' });
}
