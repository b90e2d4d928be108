/**
 * One vote per reader per article, pure: how the article's counters move when a reader votes,
 * given the vote they had. Voting the same again changes nothing; changing one's mind moves the
 * vote from one count to the other (readers expect to correct a misclick, not to add a second vote).
 */
export function voteChange(previous: boolean | undefined, next: boolean): { useful: number; notUseful: number } {
  if (previous === next) return { useful: 0, notUseful: 0 };
  const add = next ? { useful: 1, notUseful: 0 } : { useful: 0, notUseful: 1 };
  if (previous === undefined) return add;
  return previous ? { useful: -1, notUseful: 1 } : { useful: 1, notUseful: -1 };
}
