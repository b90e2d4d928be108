/**
 * Where the player's commits go: one queue per attempt that never loses the newest state.
 *
 * scorm-again hands every commit to {@link CommitQueue.channel} (its `httpService` setting). With
 * `sendFullCommit` each commit carries a SCO's whole CMI, so per SCO only the newest unsent commit
 * matters: a newer one replaces an older one still waiting. Each gets the next number of one
 * sequence per attempt, continuing from what the server says it stored, so the server's
 * conditional write accepts the newest and refuses a late or replayed older one.
 * - Normal commits: `fetch` with `Authorization: Launch <token>` (JSON).
 * - Network failure or 5xx/408/429: the commit stays queued and is retried with back-off, and at
 *   once when the browser reports `online`. The status line says plainly that it is not saved.
 * - While the page is going away (pagehide): `navigator.sendBeacon` to the commit URL with the
 *   token in its query, as `text/plain` (a beacon cannot carry headers).
 * - Every commit names its SCO session (`?session=`, one per scorm-again API object, so the server
 *   counts session time right after reloads and revisits) and the last one of a session says so
 *   (`?terminate=true`). A session's commits are never merged with another session's.
 * - 401/403: the launch expired; 409 `superseded` (another window or device took the attempt over)
 *   or `attempt-finished`: the server's own words are shown and nothing more is sent; other 4xx:
 *   refused with a reason the learner sees (e.g. suspend_data too long). A late or replayed commit
 *   is answered 200 (`applied: false`) by the server, so it needs nothing here.
 * The queue lives in memory only: the content origin's storage is shared by every package played
 * there, so learner data is not parked in localStorage where another package's script could read it.
 */
import type { CommitMetadata, ResultObject } from 'scorm-again';

export type SaveState = 'idle' | 'saving' | 'saved' | 'pending' | 'offline' | 'error' | 'expired' | 'stopped';

export interface CommitQueueOptions {
  attemptId: string;
  token: string;
  /** The highest sequence the server stored for this attempt (from the runtime data). */
  storedSequence: number;
  onState(state: SaveState, detail?: string): void;
  /** Called with the server's answer after a commit was stored. */
  onStored?(scoId: string, answer: unknown): void;
  fetch?: typeof fetch;
  beacon?: (url: string, body: Blob) => boolean;
  online?: () => boolean;
}

interface Item {
  body: string;
  sequence: number;
  /** The SCO session (API object) it belongs to. */
  session: string;
  /** The last commit of its session (Terminate/LMSFinish). */
  terminate: boolean;
}

/** A name for one SCO session (one API object): unique enough within an attempt, short, URL-safe. */
export function newSessionId(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${Date.now().toString(36)}${random}`;
}

const retryDelays = [1000, 2000, 5000, 10_000, 20_000, 30_000];
const keepaliveLimit = 60_000;

export class CommitQueue {
  private sequence: number;
  /** Per SCO the commits not yet stored, oldest first: at most one per session (the newest of it). */
  private readonly pending = new Map<string, Item[]>();
  private readonly inFlight = new Set<string>();
  private readonly refused = new Map<string, string>();
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private saved = false;
  private expired = false;
  /** Set when the server refused the attempt for good (superseded, finished): its words, and nothing more is sent. */
  private stopped: string | undefined;
  private unloading = false;
  private readonly doFetch: typeof fetch;
  private readonly beacon: (url: string, body: Blob) => boolean;
  private readonly online: () => boolean;

  constructor(private readonly opts: CommitQueueOptions) {
    this.sequence = Math.max(0, Math.floor(opts.storedSequence || 0));
    this.doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
    this.beacon = opts.beacon ?? ((url, body) => navigator.sendBeacon(url, body));
    this.online = opts.online ?? (() => navigator.onLine);
  }

  /**
   * The commit endpoint of one SCO, with the session and (for the last commit of a session)
   * `terminate=true`; `withToken` for the beacon, which cannot send headers.
   */
  commitUrl(scoId: string, o: { session?: string; terminate?: boolean; withToken?: boolean } = {}): string {
    const base = `/api/scorm/runtime/${encodeURIComponent(this.opts.attemptId)}/scos/${encodeURIComponent(scoId)}/commit`;
    const query = new URLSearchParams();
    if (o.session) query.set('session', o.session);
    if (o.terminate) query.set('terminate', 'true');
    if (o.withToken) query.set('token', this.opts.token);
    const q = query.toString();
    return q ? `${base}?${q}` : base;
  }

  /**
   * scorm-again's `httpService` for one SCO session (one API object): every commit is queued here
   * and answered at once. A terminate commit is known by scorm-again's metadata (or the
   * `terminateCommitParam` it appended to the URL).
   */
  channel(scoId: string, session: string = newSessionId()) {
    return {
      reportsRequestCompletion: false,
      processHttpRequest: (url: string, params: unknown, immediate: boolean, _log: unknown, processListeners: (name: string, el?: string, value?: unknown) => void, meta?: CommitMetadata): ResultObject => {
        const terminate = meta?.isTerminateCommit === true || /[?&]terminate=true(&|$)/.test(String(url ?? ''));
        this.enqueue(scoId, params, immediate, { session, terminate });
        // Accepted into the queue; whether it reached the server is the status line's business.
        processListeners('CommitSuccess');
        return { result: 'true', errorCode: 0 };
      },
      updateSettings: () => undefined,
    };
  }

  /** Queues one SCO's commit (replacing an older unsent one of the same session) and sends it. */
  enqueue(scoId: string, params: unknown, immediate = false, o: { session?: string; terminate?: boolean } = {}): void {
    if (this.stopped) return;
    const sequence = ++this.sequence;
    const session = o.session ?? 'player';
    const object = params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : { data: params };
    const body = JSON.stringify({ ...object, commitSequence: sequence });
    const list = this.pending.get(scoId) ?? [];
    const last = list[list.length - 1];
    // Full commits: a newer one of the same session holds everything an unsent older one did
    // (a terminate stays a terminate). One being sent right now is left alone.
    const item: Item = { body, sequence, session, terminate: o.terminate === true };
    if (last && last.session === session && !(list.length === 1 && this.inFlight.has(scoId))) {
      item.terminate ||= last.terminate;
      list[list.length - 1] = item;
    } else list.push(item);
    this.pending.set(scoId, list);
    this.refused.delete(scoId);
    if (this.unloading || (immediate && document.visibilityState === 'hidden')) this.sendBeacons();
    else void this.flush(scoId);
    this.report();
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** The page is going away: whatever is still unsent leaves as a beacon (the last chance). */
  pageHide(): void {
    this.unloading = true;
    this.sendBeacons();
  }

  /** The page is shown again (bfcache): normal sending resumes. */
  pageShow(): void {
    this.unloading = false;
  }

  /** Try everything now (the browser came back online, or the learner asked). */
  retryNow(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    for (const scoId of this.pending.keys()) void this.flush(scoId);
    this.report();
  }

  /** Resolves once nothing is queued or in flight (or after `timeoutMs`). */
  async settled(timeoutMs = 10_000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while ((this.pending.size || this.inFlight.size) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    return this.pending.size === 0 && this.inFlight.size === 0;
  }

  private sendBeacons(): void {
    if (this.stopped || this.expired) return;
    for (const [scoId, list] of this.pending) {
      // Oldest first, so the server's sequence rule keeps the newest.
      while (list.length) {
        const item = list[0]!;
        if (!this.beacon(this.commitUrl(scoId, { session: item.session, terminate: item.terminate, withToken: true }), new Blob([item.body], { type: 'text/plain;charset=UTF-8' }))) break;
        list.shift();
      }
      if (!list.length) this.pending.delete(scoId);
    }
  }

  private drop(scoId: string, item: Item): void {
    const list = this.pending.get(scoId);
    if (!list) return;
    const i = list.indexOf(item);
    if (i >= 0) list.splice(i, 1);
    if (!list.length) this.pending.delete(scoId);
  }

  private async flush(scoId: string): Promise<void> {
    if (this.inFlight.has(scoId) || this.expired || this.stopped) return;
    const item = this.pending.get(scoId)?.[0];
    if (!item) return;
    if (!this.online()) {
      this.report();
      return;
    }
    this.inFlight.add(scoId);
    this.report();
    let sendNext = false;
    try {
      const res = await this.doFetch(this.commitUrl(scoId, { session: item.session, terminate: item.terminate }), {
        method: 'POST',
        headers: { authorization: `Launch ${this.opts.token}`, 'content-type': 'application/json' },
        body: item.body,
        keepalive: item.body.length < keepaliveLimit,
        cache: 'no-store',
      });
      if (res.ok) {
        const answer = await res.json().catch(() => ({}));
        this.drop(scoId, item);
        this.failures = 0;
        this.saved = true;
        sendNext = true;
        this.opts.onStored?.(scoId, answer);
      } else if (res.status === 401 || res.status === 403) {
        this.expired = true;
      } else if (res.status === 409) {
        const problem = await problemOf(res);
        if (problem.code === 'superseded' || problem.code === 'attempt-finished') {
          // Another window took the attempt over, or it has finished: saving here is over, and the
          // learner reads why in the server's words.
          this.stopped = problem.text;
          this.pending.clear();
          if (this.retryTimer) clearTimeout(this.retryTimer);
          this.retryTimer = undefined;
        } else {
          // A write that lost a race on the server: the same commit is tried again.
          this.failed();
        }
      } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        this.drop(scoId, item);
        this.refused.set(scoId, (await problemOf(res)).text);
      } else {
        this.failed();
      }
    } catch {
      this.failed();
    } finally {
      this.inFlight.delete(scoId);
    }
    if (sendNext && this.pending.has(scoId)) void this.flush(scoId);
    this.report();
  }

  private failed(): void {
    this.failures++;
    if (this.retryTimer) return;
    const delay = retryDelays[Math.min(this.failures - 1, retryDelays.length - 1)]!;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retryNow();
    }, delay);
  }

  /** Why the server stopped taking this attempt's commits (its own words), if it did. */
  get stoppedReason(): string | undefined {
    return this.stopped;
  }

  private report(): void {
    if (this.stopped) return this.opts.onState('stopped', this.stopped);
    if (this.expired) return this.opts.onState('expired');
    const refused = [...this.refused.values()][0];
    if (refused) return this.opts.onState('error', refused);
    if (this.pending.size > 0) {
      if (!this.online()) return this.opts.onState('offline');
      return this.opts.onState(this.failures > 0 ? 'pending' : 'saving');
    }
    if (this.inFlight.size > 0) return this.opts.onState('saving');
    this.opts.onState(this.saved ? 'saved' : 'idle');
  }
}

/** An RFC 9457 problem's text (`detail`, else `title`) and `code`. */
async function problemOf(res: Response): Promise<{ text: string; code?: string }> {
  try {
    const p = (await res.json()) as { detail?: unknown; title?: unknown; code?: unknown };
    const text = typeof p.detail === 'string' && p.detail ? p.detail : typeof p.title === 'string' ? p.title : '';
    return { text: text || `HTTP ${res.status}`, ...(typeof p.code === 'string' ? { code: p.code } : {}) };
  } catch {
    return { text: `HTTP ${res.status}` };
  }
}
