/**
 * The pure rules of networks: searching and filtering the overview, rendering goals, the lead list
 * after a role change, and ids for new networks. No I/O.
 */
import { foldText } from '../../platform/domain/fold';
import { renderMarkdown } from '../../platform/domain/markdown';
import type { NetworkRole } from '../../policy';

export type NetworkKind = 'diagnosis' | 'cross-cutting';
export type NetworkStatus = 'active' | 'archived';

export interface OverviewFilter {
  q?: string;
  kind?: NetworkKind;
  theme?: string;
  openToPartners?: boolean;
  status?: NetworkStatus | 'all';
}

export interface Searchable {
  name: string;
  theme: string;
  description: string;
  kind: NetworkKind;
  openToPartners: boolean;
  status: NetworkStatus;
  /** Names the caller may see (lead experts); searched too, so "who knows about X" finds people. */
  leadNames: string[];
}

/**
 * The networks that match: every word of `q` (folded: case and diacritics ignored) must occur in the
 * name, theme, description or a visible lead's name; the other filters match exactly. Archived
 * networks only when asked for.
 */
export function matchesFilter(n: Searchable, f: OverviewFilter): boolean {
  const status = f.status ?? 'active';
  if (status !== 'all' && n.status !== status) return false;
  if (f.kind && n.kind !== f.kind) return false;
  if (f.theme && foldText(n.theme) !== foldText(f.theme)) return false;
  if (f.openToPartners !== undefined && n.openToPartners !== f.openToPartners) return false;
  const words = foldText(f.q ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText([n.name, n.theme, n.description, ...n.leadNames].join(' '));
  return words.every((w) => haystack.includes(w));
}

/** Goals are short Markdown, rendered and sanitised exactly like articles (one allow-list). */
export function renderGoals(markdown: string): string {
  return markdown.trim() === '' ? '' : renderMarkdown(markdown).html;
}

/** The network's lead ids after someone's role became `role` (or they left: `undefined`). */
export function leadsAfter(leads: readonly string[], userId: string, role: NetworkRole | undefined): string[] {
  const others = leads.filter((l) => l !== userId);
  return role === 'lead' ? [...others, userId] : others;
}

/** Would this change leave the network without a lead expert? (The academy appoints a new one first.) */
export function leavesNoLead(leads: readonly string[], userId: string, role: NetworkRole | undefined): boolean {
  return leads.includes(userId) && leadsAfter(leads, userId, role).length === 0;
}

/** An id for a new network from its name: lower case, no diacritics, words joined by hyphens. */
export function networkIdFrom(name: string): string {
  return foldText(name)
    .replace(/^expertnetwerk\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
