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
 * - 401/403: the launch expired; 409: the server already has newer state (dropped); other 4xx:
 *   refused with a reason the learner sees (e.g. suspend_data too long).
 * The queue lives in memory only: the content origin's storage is shared by every package played
 * there, so learner data is not parked in localStorage where another package's script could read it.
 */
import type { CommitMetadata, ResultObject } from 'scorm-again';

export type SaveState = 'idle' | 'saving' | 'saved' | 'pending' | 'offline' | 'error' | 'expired';

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
}

const retryDelays = [1000, 2000, 5000, 10_000, 20_000, 30_000];
const keepaliveLimit = 60_000;

export class CommitQueue {
  private sequence: number;
  private readonly pending = new Map<string, Item>();
  private readonly inFlight = new Set<string>();
  private readonly refused = new Map<string, string>();
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private saved = false;
  private expired = false;
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

  /** The commit endpoint of one SCO; `withToken` for the beacon, which cannot send headers. */
  commitUrl(scoId: string, withToken = false): string {
    const base = `/api/scorm/runtime/${encodeURIComponent(this.opts.attemptId)}/scos/${encodeURIComponent(scoId)}/commit`;
    return withToken ? `${base}?token=${encodeURIComponent(this.opts.token)}` : base;
  }

  /** scorm-again's `httpService` for one SCO: every commit is queued here and answered at once. */
  channel(scoId: string) {
    return {
      reportsRequestCompletion: false,
      processHttpRequest: (_url: string, params: unknown, immediate: boolean, _log: unknown, processListeners: (name: string, el?: string, value?: unknown) => void, _meta?: CommitMetadata): ResultObject => {
        this.enqueue(scoId, params, immediate);
        // Accepted into the queue; whether it reached the server is the status line's business.
        processListeners('CommitSuccess');
        return { result: 'true', errorCode: 0 };
      },
      updateSettings: () => undefined,
    };
  }

  /** Queues one SCO's commit (replacing an older unsent one) and sends it. */
  enqueue(scoId: string, params: unknown, immediate = false): void {
    const sequence = ++this.sequence;
    const object = params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : { data: params };
    const body = JSON.stringify({ ...object, commitSequence: sequence });
    this.pending.set(scoId, { body, sequence });
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
    for (const [scoId, item] of this.pending) {
      if (this.beacon(this.commitUrl(scoId, true), new Blob([item.body], { type: 'text/plain;charset=UTF-8' }))) this.pending.delete(scoId);
    }
  }

  private async flush(scoId: string): Promise<void> {
    if (this.inFlight.has(scoId) || this.expired) return;
    const item = this.pending.get(scoId);
    if (!item) return;
    if (!this.online()) {
      this.report();
      return;
    }
    this.inFlight.add(scoId);
    this.report();
    let sendNext = false;
    try {
      const res = await this.doFetch(this.commitUrl(scoId), {
        method: 'POST',
        headers: { authorization: `Launch ${this.opts.token}`, 'content-type': 'application/json' },
        body: item.body,
        keepalive: item.body.length < keepaliveLimit,
        cache: 'no-store',
      });
      if (res.ok) {
        const answer = await res.json().catch(() => ({}));
        if (this.pending.get(scoId) === item) this.pending.delete(scoId);
        this.failures = 0;
        this.saved = true;
        sendNext = true;
        this.opts.onStored?.(scoId, answer);
      } else if (res.status === 401 || res.status === 403) {
        this.expired = true;
      } else if (res.status === 409) {
        // The server holds a newer commit than this one: nothing to save.
        if (this.pending.get(scoId) === item) this.pending.delete(scoId);
        sendNext = true;
      } else if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        if (this.pending.get(scoId) === item) this.pending.delete(scoId);
        this.refused.set(scoId, await problemText(res));
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

  private report(): void {
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

async function problemText(res: Response): Promise<string> {
  try {
    const p = (await res.json()) as { detail?: unknown; title?: unknown };
    const text = typeof p.detail === 'string' && p.detail ? p.detail : typeof p.title === 'string' ? p.title : '';
    return text || `HTTP ${res.status}`;
  } catch {
    return `HTTP ${res.status}`;
  }
}
