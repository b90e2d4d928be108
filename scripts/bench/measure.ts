/** Small, dependency-free load loop: bounded in count, on loopback only, stops by itself. */
export interface Summary {
  name: string;
  requests: number;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  throughput: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)]!;
}

export async function measure(
  name: string,
  fn: (i: number) => Promise<boolean>,
  opts: { requests: number; concurrency: number; warmup?: number },
): Promise<Summary> {
  for (let i = 0; i < (opts.warmup ?? Math.min(50, opts.requests / 10)); i++) await fn(i);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < opts.requests) {
      const i = next++;
      const t0 = performance.now();
      const ok = await fn(i).catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: opts.requests,
    concurrency: opts.concurrency,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    throughput: opts.requests / elapsed,
    errors,
  };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

export function printTable(rows: Summary[]): void {
  const header = ['scenario', 'n', 'conc', 'p50', 'p95', 'p99', 'req/s', 'errors'];
  const data = rows.map((r) => [r.name, String(r.requests), String(r.concurrency), ms(r.p50), ms(r.p95), ms(r.p99), r.throughput.toFixed(0), String(r.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...data.map((d) => d[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const d of data) console.log(line(d));
}

export function ratio(a: Summary, b: Summary): string {
  return `p50 ${(a.p50 / b.p50).toFixed(2)}×, p95 ${(a.p95 / b.p95).toFixed(2)}×`;
}

export function memory(): string {
  const m = process.memoryUsage();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `rss ${mb(m.rss)}, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}`;
}
