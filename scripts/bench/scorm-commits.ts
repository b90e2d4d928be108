/**
 * SCORM commits under load: N learners (default 200) each launch an attempt at a real package
 * (Rustici's golf SCORM 1.2 sample, imported through the upload routes) and commit as the player
 * does (scorm-again 3.4.3, `dataCommitFormat: 'json'`, `includeCommitSequence`, full commits):
 *   (a) paced — every learner every 10 s (autocommit), start times spread over the interval;
 *   (b) full speed — every learner back-to-back, one commit after the other.
 * Mixed in (seeded, same mix every run): replays of an older commit racing a new one, duplicates
 * (a retried commit), two commits in flight out of order, and late replays arriving alone.
 * Afterwards every learner's stored state is read through the runtime API and compared with what
 * the learner had acknowledged: lost and regressed commits are counted (both must be 0).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '../local/stack';
import { measure, memory, printTable, ratio, type Summary } from './measure';
import { call, completeImport, createElearningModule, mb, prng, sampleMemory, sleep, summarize, uploadPackage } from './scorm-support';

const fixture = resolve(import.meta.dirname, '../../../shared/fixtures/scorm/golf-scorm12-basic-runtime.zip');

/** Pages of the golf course, in reading order (the learner's lesson_location as it progresses). */
const pages = [
  'Playing/Playing.html', 'Playing/Par.html', 'Playing/Scoring.html', 'Playing/OtherScoring.html', 'Playing/RulesOfGolf.html',
  'Etiquette/Course.html', 'Etiquette/Distracting.html', 'Etiquette/Play.html', 'Handicapping/Overview.html', 'Handicapping/CalculatingHandicap.html',
  'Handicapping/CalculatingScore.html', 'Handicapping/Example.html', 'HavingFun/HowToHaveFun.html', 'HavingFun/MakeFriends.html', 'assessmenttemplate.html',
];

interface Payload {
  location: string;
  suspend: string;
}

interface Learner {
  id: string;
  attemptId: string;
  launch: string;
  /** Highest sequence sent. */
  seq: number;
  /** Highest sequence answered 200. */
  acked: number;
  /** Sequences answered `applied: true`. */
  applied: number[];
  /** Recent payloads by sequence (for replays and the final comparison). */
  sent: Map<number, Payload>;
}

const hms = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** The payload of commit `n`: where the learner is, and suspend_data as authoring tools write it (a compressed-looking blob, 1.2–2.8 KB, new each commit). */
function payloadOf(l: Learner, n: number, rnd: () => number): Payload {
  const blob = randomBytes(900 + Math.floor(rnd() * 1200)).toString('base64');
  return { location: `${pages[Math.floor(n / 2) % pages.length]}#${n}`, suspend: `v=3|l=${l.id}|n=${n}|d=${blob}` };
}

/** A SCORM 1.2 commit as scorm-again 3.4.3 renders it (json, full commit, includeCommitSequence), quiz interactions growing with progress. */
function commitBody(p: Payload, n: number, sessionSeconds: number) {
  const answered = Math.min(10, Math.floor(n / 3));
  const interactions = Object.fromEntries(
    Array.from({ length: answered }, (_, i) => [
      String(i),
      { id: `Question${i + 1}_1`, time: '', type: 'choice', weighting: '', student_response: String.fromCharCode(97 + ((i + n) % 4)), result: (i + n) % 3 ? 'correct' : 'wrong', latency: '00:00:07', objectives: {}, correct_responses: { '0': { pattern: 'b' } } },
    ]),
  );
  const cmi = {
    suspend_data: p.suspend,
    launch_data: '',
    comments: '',
    comments_from_lms: '',
    core: {
      student_id: 'ignored',
      student_name: 'ignored',
      lesson_location: p.location,
      credit: 'credit',
      lesson_status: 'incomplete',
      entry: '',
      lesson_mode: 'normal',
      exit: 'suspend',
      session_time: hms(sessionSeconds),
      score: { raw: answered ? String(answered * 10) : '', min: '0', max: '100' },
    },
    objectives: {},
    student_data: { mastery_score: '80', max_time_allowed: '', time_limit_action: '' },
    student_preference: { audio: '', language: '', speed: '', text: '' },
    interactions,
  };
  return JSON.stringify({ cmi, commitSequence: n });
}

interface Tally {
  fresh: number[];
  replays: number[];
  errors: number;
  statuses: Map<number, number>;
  regressed: number;
  staleNotApplied: number;
  staleSent: number;
}

const newTally = (): Tally => ({ fresh: [], replays: [], errors: 0, statuses: new Map(), regressed: 0, staleNotApplied: 0, staleSent: 0 });

function makeSender(stack: LocalStack, tally: Tally) {
  /** Sends commit `n` with `payload`; checks the answer against what the learner had acknowledged when it left. */
  return async (l: Learner, n: number, p: Payload, session: number, kind: 'fresh' | 'replay') => {
    const ackedBefore = l.acked;
    const stale = n <= ackedBefore;
    if (stale) tally.staleSent++;
    const body = commitBody(p, n, session);
    const t0 = performance.now();
    let status = 0;
    let data: { storedSequence?: number; applied?: boolean } | undefined;
    try {
      const res = await fetch(`${stack.appUrl}/api/scorm/runtime/${l.attemptId}/scos/item_1/commit`, { method: 'POST', headers: { authorization: `Launch ${l.launch}`, 'content-type': 'application/json' }, body });
      status = res.status;
      data = (await res.json().catch(() => undefined)) as typeof data;
    } catch {
      status = -1;
    }
    (kind === 'fresh' ? tally.fresh : tally.replays).push(performance.now() - t0);
    if (status !== 200 || typeof data?.storedSequence !== 'number') {
      tally.errors++;
      tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
      return;
    }
    // Regressed, as seen live: the server says it holds something older than a commit already acknowledged,
    // or it applied a commit older than one already acknowledged (an older state written over a newer one).
    if (data.storedSequence < ackedBefore || (stale && data.applied)) tally.regressed++;
    if (stale && !data.applied) tally.staleNotApplied++;
    l.acked = Math.max(l.acked, n);
    if (data.applied) l.applied.push(n);
  };
}

/** One learner's step: a new commit, sometimes with a replay, a duplicate, an out-of-order pair or a late replay. */
async function step(l: Learner, send: ReturnType<typeof makeSender>, rnd: () => number, session: number) {
  const n = ++l.seq;
  const p = payloadOf(l, n, rnd);
  l.sent.set(n, p);
  const older = () => Math.max(1, n - 1 - Math.floor(rnd() * 3));
  const r = rnd();
  if (r < 0.08 && n > 1) {
    // A replay of an older commit (a retry queue flushing late) racing the new one.
    const k = older();
    await Promise.all([send(l, n, p, session, 'fresh'), send(l, k, l.sent.get(k)!, session - 10 * (n - k), 'replay')]);
  } else if (r < 0.14) {
    // The same commit twice (retried after a lost answer).
    await Promise.all([send(l, n, p, session, 'fresh'), send(l, n, p, session, 'replay')]);
  } else if (r < 0.2) {
    // Two commits in flight, the newer one sent first (fetch + beacon on page hide).
    const m = ++l.seq;
    const q = payloadOf(l, m, rnd);
    l.sent.set(m, q);
    await Promise.all([send(l, m, q, session + 1, 'fresh'), send(l, n, p, session, 'fresh')]);
  } else {
    await send(l, n, p, session, 'fresh');
    if (r > 0.95 && n > 1) {
      // A late replay arriving on its own, after the newer commit was acknowledged.
      const k = older();
      await send(l, k, l.sent.get(k)!, session - 10 * (n - k), 'replay');
    }
  }
  for (const s of l.sent.keys()) if (s < l.seq - 8) l.sent.delete(s);
}

/** Reads every learner's stored state through the runtime API and compares it with what was acknowledged. */
async function verify(stack: LocalStack, learners: Learner[]) {
  let lost = 0;
  let regressed = 0;
  let storedUnacknowledged = 0;
  let unreadable = 0;
  const examples: string[] = [];
  for (let i = 0; i < learners.length; i += 20) {
    await Promise.all(
      learners.slice(i, i + 20).map(async (l) => {
        const rt = await call(stack, `/api/scorm/runtime/${l.attemptId}`, { headers: { authorization: `Launch ${l.launch}` } });
        const data = rt.data as { storedSequence?: number; state?: { item_1?: { cmi?: { suspend_data?: string; core?: { lesson_location?: string } } } } };
        if (rt.status !== 200 || typeof data.storedSequence !== 'number') {
          unreadable++;
          return;
        }
        const stored = data.storedSequence;
        // Lost: commits acknowledged as applied whose data is not what is stored now.
        const notStored = l.applied.filter((s) => s > stored).length;
        lost += notStored;
        const cmi = data.state?.item_1?.cmi;
        const expected = l.sent.get(stored);
        const sameContent = expected !== undefined && cmi?.core?.lesson_location === expected.location && cmi?.suspend_data === expected.suspend;
        if (stored === l.acked && stored > 0 && !sameContent) lost++;
        // Regressed: the stored state is older than a commit the learner saw acknowledged.
        if (stored < l.acked) regressed++;
        if (stored > l.acked) storedUnacknowledged++;
        if ((notStored || stored < l.acked || (stored === l.acked && stored > 0 && !sameContent)) && examples.length < 3) examples.push(`${l.id}: acknowledged ${l.acked}, stored ${stored}, content ${sameContent ? 'same' : 'different'}`);
      }),
    );
  }
  return { lost, regressed, storedUnacknowledged, unreadable, examples };
}

/** How the latencies spread: the share of commits answered within each bound. */
function spread(latencies: number[]) {
  const bounds = [50, 250, 1000, 2500, 5000];
  const parts = bounds.map((b) => `≤${b >= 1000 ? `${b / 1000} s` : `${b} ms`} ${((100 * latencies.filter((x) => x <= b).length) / Math.max(1, latencies.length)).toFixed(0)}%`);
  return `${parts.join(', ')}, max ${(Math.max(...latencies) / 1000).toFixed(1)} s`;
}

function report(label: string, tally: Tally, check: Awaited<ReturnType<typeof verify>>) {
  const statuses = [...tally.statuses].map(([s, n]) => `${s === -1 ? 'network' : s}×${n}`).join(', ');
  const lost = check.lost;
  const regressed = check.regressed + tally.regressed;
  const verdict = lost === 0 && regressed === 0 && check.unreadable === 0 ? 'OK' : 'FAIL';
  console.log(
    `${label}: lost commits ${lost}, regressed commits ${regressed} (live ${tally.regressed}, final ${check.regressed}) — must both be 0: ${verdict}` +
      `\n  ${tally.staleSent} stale commits sent (replays, duplicates, out of order), ${tally.staleNotApplied} answered applied: false; ` +
      `errors ${tally.errors}${statuses ? ` (${statuses})` : ''}; unreadable states ${check.unreadable}; stored but never acknowledged ${check.storedUnacknowledged}` +
      (check.examples.length ? `\n  e.g. ${check.examples.join('; ')}` : ''),
  );
  return verdict === 'OK';
}

/** `n` requests in flight at once (404 route, no store) and again, so the client's pool holds `n` open keep-alive connections. */
async function openConnections(stack: LocalStack, n: number) {
  for (let round = 0; round < 2; round++) {
    await Promise.all(
      Array.from({ length: n }, async () => {
        const res = await fetch(`${stack.appUrl}/api/unknown`).catch(() => undefined);
        await res?.arrayBuffer();
      }),
    );
  }
}

export async function benchScormCommits(stack: LocalStack, admin: string) {
  const learnerCount = Number(process.env.BENCH_SCORM_LEARNERS ?? 200);
  const pacedSeconds = Number(process.env.BENCH_SCORM_PACED_SECONDS ?? 60);
  const intervalSeconds = Number(process.env.BENCH_SCORM_INTERVAL_SECONDS ?? 10);
  const burstCommits = Number(process.env.BENCH_SCORM_BURST_COMMITS ?? 25);
  const rnd = prng(20240610);

  // Setup: the golf SCORM 1.2 package through the real upload routes and import job, on a published module.
  const moduleId = await createElearningModule(stack, admin, 'Golf (SCORM 1.2) — benchmark commits');
  const zip = readFileSync(fixture);
  const up = await uploadPackage(stack, admin, moduleId, new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'golf-scorm12-basic-runtime.zip');
  const imported = await completeImport(stack, admin, moduleId, up.uploadId);
  console.log(`package: golf-scorm12-basic-runtime.zip (${(zip.length / 1024).toFixed(0)} KB) imported as version ${imported.version} in ${imported.ms.toFixed(0)} ms; module ${moduleId}`);

  // Learners: dev tokens minted for made-up employees (no seeded users needed), each launches an attempt.
  const run = Math.random().toString(36).slice(2, 7);
  const tokens = await Promise.all(Array.from({ length: learnerCount }, (_, i) => stack.issuer.mint({ id: `u-scorm-bench-${run}-${i}`, name: `Deelnemer ${i}`, roles: ['employee'] })));
  const learners: Learner[] = [];
  const launchLatencies: number[] = [];
  let launchErrors = 0;
  const launchStart = performance.now();
  for (let i = 0; i < learnerCount; i += 20) {
    await Promise.all(
      tokens.slice(i, i + 20).map(async (token, j) => {
        const t0 = performance.now();
        const res = await call(stack, `/api/modules/${moduleId}/scorm/launch`, { method: 'POST', token });
        launchLatencies.push(performance.now() - t0);
        if (res.status !== 201) {
          launchErrors++;
          return;
        }
        const { attemptId, launchUrl } = res.data as { attemptId: string; launchUrl: string };
        const launch = new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('launch')!;
        learners.push({ id: `u-scorm-bench-${run}-${i + j}`, attemptId, launch, seq: 0, acked: 0, applied: [], sent: new Map() });
      }),
    );
  }
  const launches = summarize('POST /api/modules/{id}/scorm/launch (new attempt, 20 at a time)', launchLatencies, { concurrency: 20, seconds: (performance.now() - launchStart) / 1000, errors: launchErrors });
  if (learners.length === 0) throw new Error('no learner could launch');

  // The raw datastore call of a commit: a conditional PutItem of the same size as the stored SCO row.
  const sample = commitBody(payloadOf(learners[0]!, 30, rnd), 30, 300);
  const rawSeq = new Array<number>(learnerCount).fill(0);
  const rawPut = async (i: number) => {
    const k = i % learnerCount;
    const sequence = ++rawSeq[k]!;
    await stack.store.doc.send(
      new PutCommand({
        TableName: stack.store.tableName,
        Item: { PK: `BENCH#SCORM#${run}#${k}`, SK: 'ATTEMPT#x#SCO#item_1', type: 'bench', sequence, updatedAt: new Date().toISOString(), stateJson: sample },
        ConditionExpression: 'attribute_not_exists(PK) OR #seq < :seq',
        ExpressionAttributeNames: { '#seq': 'sequence' },
        ExpressionAttributeValues: { ':seq': sequence },
      }),
    );
    return true;
  };
  const send = (t: Tally) => makeSender(stack, t);
  await measure('warm-up', rawPut, { requests: 1000, concurrency: 16, warmup: 0 });
  // A few commits to warm the route (their own learner state continues from there).
  const warm = newTally();
  for (const l of learners.slice(0, 20)) await step(l, send(warm), rnd, 10);

  // (a) Paced: every learner every `intervalSeconds`, start times spread evenly over the first interval.
  const rawPaced = await measure(`raw conditional PutItem, ${(sample.length / 1024).toFixed(1)} KB (conc 4)`, rawPut, { requests: 1000, concurrency: 4 });
  const paced = newTally();
  const pacedMem = sampleMemory(50);
  const pacedStart = performance.now();
  await Promise.all(
    learners.map(async (l, i) => {
      const offset = (i / learners.length) * intervalSeconds * 1000;
      for (let k = 0; offset + k * intervalSeconds * 1000 < pacedSeconds * 1000; k++) {
        await sleep(pacedStart + offset + k * intervalSeconds * 1000 - performance.now());
        await step(l, send(paced), rnd, (k + 1) * intervalSeconds);
      }
    }),
  );
  const pacedElapsed = (performance.now() - pacedStart) / 1000;
  const pacedMemory = pacedMem.stop();
  const pacedCheck = await verify(stack, learners);

  // (b) Full speed: every learner commits back to back, `burstCommits` times.
  const rawBurstBefore = await measure(`raw conditional PutItem, ${(sample.length / 1024).toFixed(1)} KB (conc ${learners.length}, before)`, rawPut, { requests: learners.length * burstCommits, concurrency: learners.length });
  // Open the client's connections first: 200+ connections opened in the same instant on loopback wait
  // seconds for the server to take them (TCP retransmits), which would measure this machine's accept
  // path, not commits (behind API Gateway/CloudFront the browser never connects to the function).
  await openConnections(stack, learners.length * 2);
  const burst = newTally();
  const burstMem = sampleMemory(50);
  const burstStart = performance.now();
  await Promise.all(
    learners.map(async (l) => {
      const base = pacedSeconds + 10;
      for (let k = 0; k < burstCommits; k++) await step(l, send(burst), rnd, base + k);
    }),
  );
  const burstElapsed = (performance.now() - burstStart) / 1000;
  const burstMemory = burstMem.stop();
  const rawBurstAfter = await measure(`raw conditional PutItem, ${(sample.length / 1024).toFixed(1)} KB (conc ${learners.length}, after)`, rawPut, { requests: learners.length * burstCommits, concurrency: learners.length });
  const burstCheck = await verify(stack, learners);

  const n = learners.length;
  const pacedFresh = summarize(`commit, paced: ${n} learners every ${intervalSeconds} s for ${pacedSeconds} s`, paced.fresh, { concurrency: n, seconds: pacedElapsed, errors: paced.errors });
  const pacedReplay = summarize('  replays/duplicates in that run (not applied)', paced.replays, { concurrency: n, seconds: pacedElapsed, errors: 0 });
  const burstFresh = summarize(`commit, full speed: ${n} learners × ${burstCommits}+ back to back`, burst.fresh, { concurrency: n, seconds: burstElapsed, errors: burst.errors });
  const burstReplay = summarize('  replays/duplicates in that run (not applied)', burst.replays, { concurrency: n, seconds: burstElapsed, errors: 0 });
  const rawBurst: Summary = { ...rawBurstBefore, name: 'raw (mean of before/after)', p50: (rawBurstBefore.p50 + rawBurstAfter.p50) / 2, p95: (rawBurstBefore.p95 + rawBurstAfter.p95) / 2, throughput: (rawBurstBefore.throughput + rawBurstAfter.throughput) / 2 };

  console.log('');
  printTable([launches, rawPaced, pacedFresh, pacedReplay, rawBurstBefore, burstFresh, burstReplay, rawBurstAfter]);
  console.log('');
  console.log(`commit size: ${(sample.length / 1024).toFixed(1)} KB JSON (suspend_data 1.2–2.8 KB, up to 10 interactions); req/s = commits answered per second of the phase`);
  console.log(`paced: ${paced.fresh.length + paced.replays.length} commits in ${pacedElapsed.toFixed(1)} s = ${((paced.fresh.length + paced.replays.length) / pacedElapsed).toFixed(1)} commits/s (offered ≈ ${(n / intervalSeconds).toFixed(0)}/s + replays); peak RSS ${mb(pacedMemory.peak.rss)} (from ${mb(pacedMemory.baseline.rss)})`);
  console.log(`full speed: ${burst.fresh.length + burst.replays.length} commits in ${burstElapsed.toFixed(1)} s = ${((burst.fresh.length + burst.replays.length) / burstElapsed).toFixed(0)} commits/s (raw PutItem: ${rawBurst.throughput.toFixed(0)}/s); peak RSS ${mb(burstMemory.peak.rss)} (from ${mb(burstMemory.baseline.rss)})`);
  console.log(`latency spread, paced: ${spread(paced.fresh)}`);
  console.log(`latency spread, full speed: ${spread(burst.fresh)}`);
  console.log(`ratio paced commit to raw conditional PutItem (conc 4): ${ratio(pacedFresh, rawPaced)}`);
  console.log(`ratio full-speed commit to raw conditional PutItem (conc ${n}): ${ratio(burstFresh, rawBurst)}; throughput ${(burstFresh.throughput / rawBurst.throughput).toFixed(2)}× of raw`);
  console.log('');
  console.log('lost = acknowledged-as-applied commits not in the stored state (or stored content ≠ the acknowledged commit);');
  console.log('regressed = stored state older than an acknowledged commit (live: an answer or an applied stale commit; final: the stored sequence)');
  const okPaced = report(`paced (${n} learners)`, paced, pacedCheck);
  const okBurst = report(`full speed (${n} learners, after paced)`, burst, burstCheck);
  console.log(`SCORM commits: ${okPaced && okBurst ? 'no commit lost or regressed' : 'COMMITS LOST OR REGRESSED — see above'}`);
  console.log(`memory after commits: ${memory()}`);
  return okPaced && okBurst;
}
