/**
 * The runtime data the player gets from `GET /api/scorm/runtime/{attemptId}` and what it does with
 * it: the table of contents, the order previous/next walk, the control modes, and the CMI a SCO
 * starts with.
 */
import type { Settings } from 'scorm-again';

export type ScormVersion = '1.2' | '2004';

export interface Launchable {
  itemId: string;
  title: string;
  scormType: 'sco' | 'asset';
  href: string;
  isVisible: boolean;
  path: string[];
  masteryScore?: number;
  scaledPassingScore?: number;
  maxTimeAllowed?: string;
  timeLimitAction?: string;
  dataFromLms?: string;
  completionThreshold?: number;
}

export type SequencingSettings = NonNullable<Settings['sequencing']>;
export type Activity = NonNullable<SequencingSettings['activityTree']>;

export interface ScoState {
  cmi?: Record<string, unknown> | null;
  entry?: string;
}

export interface RuntimeData {
  attempt: { attemptId?: string; id?: string; learnerId?: string; learnerName?: string; currentScoId?: string; status?: string; [k: string]: unknown };
  package: { baseUrl: string; launchables: Launchable[]; sequencing?: SequencingSettings | null; defaultScoId?: string; title?: string };
  state: Record<string, ScoState>;
  storedSequence?: number;
  scormVersion?: string;
  title?: string;
}

export const versionOf = (data: RuntimeData): ScormVersion => {
  const v = String(data.scormVersion ?? (data.attempt as { scormVersion?: string }).scormVersion ?? '');
  if (v.startsWith('2004')) return '2004';
  if (v.startsWith('1.2')) return '1.2';
  return data.package.sequencing ? '2004' : '1.2';
};

/** One node of the table of contents: an aggregation (no launchable) or a launchable item. */
export interface TocNode {
  id: string;
  title: string;
  launchable?: Launchable;
  children: TocNode[];
  /** Control modes of this node's children (2004): may the learner choose them / walk them in order. */
  choice: boolean;
  flow: boolean;
  forwardOnly: boolean;
}

/**
 * The tree: from the 2004 activity tree when there is one (it has the aggregations' titles and
 * control modes), else from the launchables' paths. Invisible items are left out of the tree but
 * stay reachable by flow (SCORM: isvisible only hides them from the LMS's navigation UI).
 */
export function tocOf(data: RuntimeData): TocNode {
  const byItem = new Map(data.package.launchables.map((l) => [l.itemId, l]));
  const tree = data.package.sequencing?.activityTree;
  if (tree) {
    const walk = (a: Activity): TocNode => {
      const c = a.sequencingControls ?? {};
      return {
        id: a.id,
        title: a.title ?? a.id,
        launchable: byItem.get(a.id),
        children: (a.children ?? []).map(walk),
        choice: c.choice !== false,
        flow: c.flow === true,
        forwardOnly: c.forwardOnly === true,
      };
    };
    return walk(tree);
  }
  const root: TocNode = { id: '', title: data.title ?? data.package.title ?? '', children: [], choice: true, flow: true, forwardOnly: false };
  const groups = new Map<string, TocNode>();
  for (const l of data.package.launchables) {
    let parent = root;
    for (const id of l.path) {
      let g = groups.get(id);
      if (!g) {
        g = { id, title: id, children: [], choice: true, flow: true, forwardOnly: false };
        groups.set(id, g);
        parent.children.push(g);
      }
      parent = g;
    }
    parent.children.push({ id: l.itemId, title: l.title, launchable: l, children: [], choice: true, flow: true, forwardOnly: false });
  }
  return root;
}

/** Launchable leaves in document order (what continue/previous walk), each with its parent. */
export function leavesOf(root: TocNode): Array<{ node: TocNode; parent: TocNode; visible: boolean }> {
  const out: Array<{ node: TocNode; parent: TocNode; visible: boolean }> = [];
  const walk = (n: TocNode) => {
    for (const c of n.children) {
      if (c.launchable) out.push({ node: c, parent: n, visible: c.launchable.isVisible !== false });
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** Every ancestor of a node (root first). */
export function ancestorsOf(root: TocNode, id: string): TocNode[] {
  const walk = (n: TocNode, trail: TocNode[]): TocNode[] | null => {
    for (const c of n.children) {
      if (c.id === id) return [...trail, n];
      const found = walk(c, [...trail, n]);
      if (found) return found;
    }
    return null;
  };
  return walk(root, []) ?? [];
}

/** Choice is allowed when every ancestor's control mode allows choosing among its children. */
export const choiceAllowed = (root: TocNode, id: string): boolean => ancestorsOf(root, id).every((a) => a.choice);

/** Flow (previous/next) between two leaves: every ancestor of both allows flow; previous also needs !forwardOnly. */
export function flowAllowed(root: TocNode, fromId: string, toId: string, direction: 'next' | 'previous'): boolean {
  const chain = [...ancestorsOf(root, fromId), ...ancestorsOf(root, toId)];
  return chain.every((a) => a.flow && (direction === 'next' || !a.forwardOnly));
}
