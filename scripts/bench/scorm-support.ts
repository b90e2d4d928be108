/** Shared by the SCORM bench scenarios: HTTP calls as the app makes them, the upload + import flow, figures. */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { LocalStack } from '../local/stack';
import type { Summary } from './measure';

export interface Reply {
  status: number;
  data: any;
}

/** One API call on the stack's app origin; `token` is an app (Bearer) token, other auth via `headers`. */
export async function call(stack: LocalStack, path: string, init: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${stack.appUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  const text = await res.text();
  let data: unknown = text;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, data };
}

/** A seeded user's app token from the dev issuer route, as the bench's other scenarios get theirs. */
export async function devToken(stack: LocalStack, userId: string): Promise<string> {
  const res = await call(stack, '/api/dev/token', { method: 'POST', json: { userId } });
  if (res.status !== 200) throw new Error(`token for ${userId}: ${res.status} ${JSON.stringify(res.data)}`);
  return (res.data as { token: string }).token;
}

/** A published `elearning` module for employees, created through the API by the academy (admin). */
export async function createElearningModule(stack: LocalStack, admin: string, title: string): Promise<string> {
  const res = await call(stack, '/api/modules', {
    method: 'POST',
    token: admin,
    json: { kind: 'elearning', title, description: 'E-learning voor de benchmark van SCORM.', durationMinutes: 30, enrolAudience: 'employees', status: 'published', accreditation: [] },
  });
  if (res.status !== 201) throw new Error(`create module: ${res.status} ${JSON.stringify(res.data)}`);
  return (res.data as { id: string }).id;
}

/**
 * Step 1 of an import as the app does it: `POST /scorm/uploads` for a presigned POST, then the
 * file straight to the uploads bucket (s3rver). `file` may be a file-backed Blob (`openAsBlob`),
 * which fetch streams from disk, so a 200 MB package is never in this process's memory.
 */
export async function uploadPackage(stack: LocalStack, admin: string, moduleId: string, file: Blob, fileName: string) {
  const t0 = performance.now();
  const start = await call(stack, `/api/modules/${moduleId}/scorm/uploads`, { method: 'POST', token: admin, json: { fileName, contentType: 'application/zip', bytes: file.size } });
  if (start.status !== 201) throw new Error(`start upload: ${start.status} ${JSON.stringify(start.data)}`);
  const { uploadId, url, fields } = start.data as { uploadId: string; url: string; fields: Record<string, string> };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, fileName);
  const posted = await fetch(url, { method: 'POST', body: form });
  await posted.arrayBuffer();
  if (posted.status >= 300) throw new Error(`upload to the uploads bucket: ${posted.status}`);
  return { uploadId, key: fields.key!, ms: performance.now() - t0 };
}

export interface ImportRun {
  importId: string;
  version: number;
  /** From the complete-route's request until the import was seen `ready` (polled every 50 ms). */
  ms: number;
  /** Stage durations from the import's own timestamps (ms). */
  stages: Partial<Record<'queued' | 'checking' | 'extracting', number>>;
}

/** Step 2: `POST …/complete` (checks and queues; the local runner imports in this process), then follows the status to `ready`. */
export async function completeImport(stack: LocalStack, admin: string, moduleId: string, uploadId: string, timeoutMs = 15 * 60_000): Promise<ImportRun> {
  const t0 = performance.now();
  const complete = await call(stack, `/api/modules/${moduleId}/scorm/uploads/${uploadId}/complete`, { method: 'POST', token: admin });
  if (complete.status !== 202) throw new Error(`complete upload: ${complete.status} ${JSON.stringify(complete.data)}`);
  const importId = (complete.data as { importId: string }).importId;
  for (;;) {
    const res = await call(stack, `/api/modules/${moduleId}/scorm/imports/${importId}`, { token: admin });
    const data = res.data as { status: string; version?: number; stages?: Array<{ stage: string; at: string }> };
    if (data.status === 'ready') {
      const ms = performance.now() - t0;
      const stages: ImportRun['stages'] = {};
      const list = data.stages ?? [];
      for (let i = 0; i + 1 < list.length; i++) stages[list[i]!.stage as 'queued'] = Date.parse(list[i + 1]!.at) - Date.parse(list[i]!.at);
      return { importId, version: data.version!, ms, stages };
    }
    if (data.status === 'failed' || performance.now() - t0 > timeoutMs) throw new Error(`import: ${JSON.stringify(res.data)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

/** A measure.ts `Summary` from latencies collected by a scenario's own load loop (same percentiles as measure()). */
export function summarize(name: string, latencies: number[], o: { concurrency: number; seconds: number; errors: number }): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    requests: sorted.length,
    concurrency: o.concurrency,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    throughput: sorted.length / o.seconds,
    errors: o.errors,
  };
}

export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

let gc: (() => void) | undefined;

/** A full garbage collection (V8's `gc`, exposed at run time when node was not started with --expose-gc), so a baseline is not left-over garbage. */
export function collectGarbage() {
  if (!gc) {
    gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
  }
  gc();
  gc();
}

/** Samples this process's memory every `everyMs` until stopped: the baseline (at start, after a full GC) and the peaks. */
export function sampleMemory(everyMs = 50) {
  collectGarbage();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers, samples: 0 };
  const take = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
    peak.samples++;
  };
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { baseline: { rss: base.rss, heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers }, peak };
    },
  };
}

/** Small seeded PRNG (mulberry32), so the mix of replays is the same in every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
