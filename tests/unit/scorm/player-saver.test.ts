/**
 * The player's commit queue (web/player/saver.ts) against a fake fetch: the session and terminate
 * markers on the commit URL, and what a 409 means (superseded / attempt-finished stop saving and
 * show the server's words; a lost write race is retried).
 */
import { describe, expect, it } from 'vitest';
import { CommitQueue, type SaveState } from '../../../web/player/saver';

(globalThis as { document?: unknown }).document ??= { visibilityState: 'visible' };

function harness(answers: Array<{ status: number; body?: unknown }>) {
  const calls: Array<{ url: string; body: { commitSequence: number } }> = [];
  const states: Array<[SaveState, string | undefined]> = [];
  const queue = new CommitQueue({
    attemptId: 'att1',
    token: 'tok',
    storedSequence: 7,
    onState: (s, d) => states.push([s, d]),
    online: () => true,
    beacon: () => true,
    fetch: (async (url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init.body)) });
      const a = answers.shift() ?? { status: 200, body: { result: true, errorCode: 0 } };
      return new Response(JSON.stringify(a.body ?? {}), { status: a.status, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch,
  });
  return { queue, calls, states };
}

const send = (queue: CommitQueue, scoId: string, session: string, o: { terminate?: boolean } = {}) => {
  const channel = queue.channel(scoId, session);
  channel.processHttpRequest('/ignored', { cmi: { core: { lesson_location: 'x' } } }, false, undefined, () => undefined, { isTerminateCommit: o.terminate === true } as never);
};

describe('player commit queue', () => {
  it('names the session on every commit, marks the terminate commit, and numbers commits above the stored sequence', async () => {
    const { queue, calls } = harness([]);
    send(queue, 'item_1', 's1');
    await queue.settled(1000);
    send(queue, 'item_1', 's1', { terminate: true });
    await queue.settled(1000);
    expect(calls.map((c) => c.url)).toEqual([
      '/api/scorm/runtime/att1/scos/item_1/commit?session=s1',
      '/api/scorm/runtime/att1/scos/item_1/commit?session=s1&terminate=true',
    ]);
    expect(calls.map((c) => c.body.commitSequence)).toEqual([8, 9]);
  });

  it('superseded: shows the server’s detail and sends nothing more', async () => {
    const detail = 'Deze e-learning is intussen in een ander venster of op een ander apparaat geopend.';
    const { queue, calls, states } = harness([{ status: 409, body: { code: 'superseded', detail } }]);
    send(queue, 'item_1', 's1');
    await queue.settled(1000);
    expect(states.at(-1)).toEqual(['stopped', detail]);
    expect(queue.stoppedReason).toBe(detail);
    send(queue, 'item_1', 's1');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(1);
    expect(queue.hasPending).toBe(false);
  });

  it('attempt-finished stops too; a 409 without such a code (a lost race) is retried', async () => {
    const finished = harness([{ status: 409, body: { code: 'attempt-finished', detail: 'Deze poging is afgerond.' } }]);
    send(finished.queue, 'item_1', 's1');
    await finished.queue.settled(1000);
    expect(finished.states.at(-1)).toEqual(['stopped', 'Deze poging is afgerond.']);

    const race = harness([{ status: 409, body: { detail: 'Er kwamen tegelijk andere opslagen binnen' } }]);
    send(race.queue, 'item_1', 's1');
    expect(await race.queue.settled(3000)).toBe(true);
    expect(race.calls).toHaveLength(2);
    expect(race.states.at(-1)).toEqual(['saved', undefined]);
  });

  it('keeps one unsent commit per session: a newer one of the same session replaces it, another session’s is sent after it', async () => {
    const { queue, calls } = harness([]);
    const offline = { on: false };
    (queue as unknown as { online: () => boolean }).online = () => !offline.on;
    offline.on = true;
    send(queue, 'item_1', 'a');
    send(queue, 'item_1', 'a', { terminate: true });
    send(queue, 'item_1', 'b');
    offline.on = false;
    queue.retryNow();
    await queue.settled(1000);
    expect(calls.map((c) => [c.url.split('?')[1], c.body.commitSequence])).toEqual([
      ['session=a&terminate=true', 9],
      ['session=b', 10],
    ]);
  });
});
