/**
 * Line diff between two versions of an article's Markdown, for the review screen.
 */
import { diffLines } from 'diff';

export type DiffKind = 'added' | 'removed' | 'unchanged';

export interface DiffHunk {
  kind: DiffKind;
  lines: string[];
}

/**
 * Bounds the Myers search so a pathological pair (two large, unrelated texts) cannot pin the
 * function; past it the diff degrades to "everything removed, everything added", still correct.
 */
const MAX_EDIT_LENGTH = 1000;

export function diffVersions(oldText: string, newText: string): DiffHunk[] {
  const a = normalise(oldText);
  const b = normalise(newText);
  const changes = diffLines(a, b, { maxEditLength: MAX_EDIT_LENGTH });
  const hunks: DiffHunk[] = [];
  if (changes === undefined) {
    push(hunks, 'removed', splitLines(a));
    push(hunks, 'added', splitLines(b));
    return hunks;
  }
  for (const change of changes) {
    push(hunks, change.added ? 'added' : change.removed ? 'removed' : 'unchanged', splitLines(change.value));
  }
  return hunks;
}

/**
 * Line endings and a missing final newline are editor artefacts, not edits: without this a
 * version saved from Windows, or one without a trailing newline, shows its last line (or every
 * line) as changed.
 */
function normalise(text: string): string {
  const unix = text.replace(/\r\n?/g, '\n');
  return unix === '' || unix.endsWith('\n') ? unix : `${unix}\n`;
}

function splitLines(value: string): string[] {
  if (value === '') return [];
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Merges adjacent hunks of the same kind and drops empty ones. */
function push(hunks: DiffHunk[], kind: DiffKind, lines: string[]): void {
  if (lines.length === 0) return;
  const last = hunks[hunks.length - 1];
  if (last?.kind === kind) last.lines.push(...lines);
  else hunks.push({ kind, lines });
}
