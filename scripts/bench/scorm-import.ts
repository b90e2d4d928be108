/**
 * SCORM import of large packages: a generated SCORM 1.2 package (valid manifest, a few hundred
 * files of incompressible content, shaped like a video-heavy course) is written to disk with yazl
 * as a stream, uploaded through the upload routes (streamed from disk), and imported by the real
 * job (locally in this process, as the local runner does). Reported per size: wall time, stage
 * times, and this process's RSS — baseline before and peak during the import, sampled every 50 ms.
 * The same file mix at 20 MB and 200 MB: with a streaming import the peak does not grow with size.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import yazl from 'yazl';
import type { LocalStack } from '../local/stack';
import { memory } from './measure';
import { completeImport, createElearningModule, mb, sampleMemory, uploadPackage, type ImportRun } from './scorm-support';

const MB = 1024 * 1024;

interface PlannedFile {
  name: string;
  bytes: number;
  kind: 'binary' | 'text';
}

/** Incompressible bytes (media) or base64 text (scripts, pages), generated as they are read. */
function randomStream(bytes: number, kind: PlannedFile['kind']): Readable {
  return Readable.from(
    (function* () {
      for (let left = bytes; left > 0; ) {
        const n = Math.min(left, 64 * 1024);
        yield kind === 'binary' ? randomBytes(n) : Buffer.from(randomBytes(Math.ceil((n * 3) / 4)).toString('base64').slice(0, n));
        left -= n;
      }
    })(),
  );
}

/**
 * The file mix: one 10 MB intro video (a multipart upload in the import) and chapters of ~5 MB
 * (a 2.5 MB video, two 1 MB images, ten 50 KB pages/scripts), as many chapters as the size needs.
 */
function planFiles(targetBytes: number): PlannedFile[] {
  const files: PlannedFile[] = [{ name: 'media/intro.mp4', bytes: 10 * MB, kind: 'binary' }];
  const chapters = Math.max(1, Math.round((targetBytes - 10 * MB) / (5 * MB)));
  for (let c = 1; c <= chapters; c++) {
    const dir = `hoofdstuk-${String(c).padStart(3, '0')}`;
    files.push({ name: `${dir}/video.mp4`, bytes: 2.5 * MB, kind: 'binary' });
    files.push({ name: `${dir}/afbeelding-1.jpg`, bytes: MB, kind: 'binary' });
    files.push({ name: `${dir}/afbeelding-2.jpg`, bytes: MB, kind: 'binary' });
    for (let p = 1; p <= 10; p++) files.push({ name: `${dir}/${p % 2 ? `pagina-${p}.html` : `script-${p}.js`}`, bytes: 50 * 1024, kind: 'text' });
  }
  return files;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function manifestOf(title: string, files: string[]) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="bench-${Date.now()}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${escapeXml(title)}</title>
      <item identifier="item_1" identifierref="sco_1"><title>${escapeXml(title)}</title><adlcp:masteryscore>80</adlcp:masteryscore></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco_1" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${escapeXml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

const indexHtml = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Benchmarkcursus</title></head>
<body><h1>Benchmarkcursus</h1><video src="media/intro.mp4" controls></video>
<script>var api = window.parent && window.parent.API; if (api) { api.LMSInitialize(''); }</script></body></html>
`;

/** Writes the package to `path` as a stream (yazl, entries produced lazily): never whole in memory. Media stored, text deflated, as authoring tools do. */
async function writePackage(path: string, targetBytes: number, title: string) {
  const files = planFiles(targetBytes);
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  zip.addBuffer(Buffer.from(manifestOf(title, ['index.html', ...files.map((f) => f.name)])), 'imsmanifest.xml', { mtime });
  zip.addBuffer(Buffer.from(indexHtml), 'index.html', { mtime });
  for (const f of files) zip.addReadStreamLazy(f.name, { size: f.bytes, compress: f.kind === 'text', mtime }, (cb) => cb(null, randomStream(f.bytes, f.kind)));
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return { bytes: statSync(path).size, files: files.length + 2, unpacked: files.reduce((a, f) => a + f.bytes, 0) };
}

interface ImportFigures {
  label: string;
  zipBytes: number;
  unpacked: number;
  files: number;
  generateMs: number;
  uploadMs: number;
  rawReadMs: number;
  run: ImportRun;
  baselineRss: number;
  peakRss: number;
  peakArrayBuffers: number;
  baselineArrayBuffers: number;
}

/** The raw datastore call for the same bytes: the uploaded zip read once from s3rver, streamed and discarded. */
async function rawRead(stack: LocalStack, key: string) {
  const t0 = performance.now();
  const res = await stack.store.s3.send(new GetObjectCommand({ Bucket: stack.store.buckets.uploads, Key: key }));
  for await (const _chunk of res.Body as Readable) {
    // discard
  }
  return performance.now() - t0;
}

export async function benchScormImport(stack: LocalStack, admin: string) {
  const sizes = (process.env.BENCH_SCORM_IMPORT_MB ?? '20,200').split(',').map(Number).filter((n) => n > 0);
  const moduleId = await createElearningModule(stack, admin, 'Grote e-learning — benchmark import');
  const dir = mkdtempSync(join(tmpdir(), 'academy-bench-scorm-'));
  const figures: ImportFigures[] = [];
  try {
    for (const size of sizes) {
      const path = join(dir, `bench-${size}mb.zip`);
      const g0 = performance.now();
      const written = await writePackage(path, size * MB, `Benchmarkcursus ${size} MB`);
      const generateMs = performance.now() - g0;
      const up = await uploadPackage(stack, admin, moduleId, await openAsBlob(path, { type: 'application/zip' }), `bench-${size}mb.zip`);
      const rawReadMs = await rawRead(stack, up.key);
      rmSync(path, { force: true });
      await new Promise((r) => setTimeout(r, 200));
      const sampler = sampleMemory(50);
      const run = await completeImport(stack, admin, moduleId, up.uploadId);
      const mem = sampler.stop();
      figures.push({
        label: `${size} MB`,
        zipBytes: written.bytes,
        unpacked: written.unpacked,
        files: written.files,
        generateMs,
        uploadMs: up.ms,
        rawReadMs,
        run,
        baselineRss: mem.baseline.rss,
        peakRss: mem.peak.rss,
        baselineArrayBuffers: mem.baseline.arrayBuffers,
        peakArrayBuffers: mem.peak.arrayBuffers,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
  const header = ['package', 'zip', 'files', 'generate', 'upload', 'raw GetObject', 'import wall', 'checking', 'extracting', 'MB/s', 'RSS before', 'RSS peak', 'Δ RSS', 'buffers peak'];
  const rows = figures.map((f) => [
    `generated ${f.label} (v${f.run.version})`,
    mb(f.zipBytes),
    String(f.files),
    s(f.generateMs),
    s(f.uploadMs),
    s(f.rawReadMs),
    s(f.run.ms),
    s(f.run.stages.checking),
    s(f.run.stages.extracting),
    (f.unpacked / MB / (f.run.ms / 1000)).toFixed(1),
    mb(f.baselineRss),
    mb(f.peakRss),
    mb(f.peakRss - f.baselineRss),
    mb(f.peakArrayBuffers),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('');
  console.log('import wall = complete-route request until the status read `ready` (polled every 50 ms); RSS of this process (the local runner imports in it), sampled every 50 ms');
  for (const f of figures) console.log(`ratio import wall to raw GetObject of the same zip (${f.label}): ${(f.run.ms / f.rawReadMs).toFixed(2)}×`);
  if (figures.length >= 2) {
    const [small, large] = [figures[0]!, figures[figures.length - 1]!];
    console.log(
      `ratio ${large.label} to ${small.label}: package ${(large.zipBytes / small.zipBytes).toFixed(1)}×, import wall ${(large.run.ms / small.run.ms).toFixed(1)}×, ` +
        `peak RSS ${(large.peakRss / small.peakRss).toFixed(2)}×, Δ RSS ${mb(large.peakRss - large.baselineRss)} vs ${mb(small.peakRss - small.baselineRss)}, ` +
        `peak buffers ${(large.peakArrayBuffers / small.peakArrayBuffers).toFixed(2)}×`,
    );
  }
  console.log(`memory after imports: ${memory()}`);
}
