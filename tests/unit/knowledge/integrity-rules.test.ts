import { describe, expect, it } from 'vitest';
import { voteChange } from '../../../functions/src/knowledge/domain/votes';
import { attachmentIdsIn } from '../../../functions/src/knowledge/domain/attachment-types';

describe('one vote per reader', () => {
  it('counts a first vote, ignores the same vote again, and moves a changed vote', () => {
    expect(voteChange(undefined, true)).toEqual({ useful: 1, notUseful: 0 });
    expect(voteChange(undefined, false)).toEqual({ useful: 0, notUseful: 1 });
    expect(voteChange(true, true)).toEqual({ useful: 0, notUseful: 0 });
    expect(voteChange(false, false)).toEqual({ useful: 0, notUseful: 0 });
    expect(voteChange(true, false)).toEqual({ useful: -1, notUseful: 1 });
    expect(voteChange(false, true)).toEqual({ useful: 1, notUseful: -1 });
  });

  it('keeps the total number of votes equal to the number of readers who voted', () => {
    // Any sequence of votes by one reader adds exactly one to the total.
    for (const sequence of [[true], [true, true, false], [false, true, false, false], [true, false, true]]) {
      let previous: boolean | undefined;
      let total = 0;
      for (const v of sequence) {
        const c = voteChange(previous, v);
        total += c.useful + c.notUseful;
        previous = v;
      }
      expect(total, JSON.stringify(sequence)).toBe(1);
    }
  });
});

describe('attachments a text shows', () => {
  it('finds this article\'s attachment ids in links and images, once each, in order', () => {
    const md = [
      '![schema](/api/attachments/a-1/0abc123/schema.png)',
      'Zie [de folder](/api/attachments/a-1/0def456/folder.pdf) en nogmaals ![schema](/api/attachments/a-1/0abc123/schema.png).',
      'Van een ander artikel: ![x](/api/attachments/a-2/0zzz999/x.png)',
      'Geen bijlage: /api/attachments/a-1/',
    ].join('\n\n');
    expect(attachmentIdsIn(md, 'a-1')).toEqual(['0abc123', '0def456']);
    expect(attachmentIdsIn(md, 'a-2')).toEqual(['0zzz999']);
    expect(attachmentIdsIn('Niets.', 'a-1')).toEqual([]);
  });

  it('does not read an article id as a pattern', () => {
    expect(attachmentIdsIn('![x](/api/attachments/aX1/0abc/x.png)', 'a.1')).toEqual([]);
  });
});
