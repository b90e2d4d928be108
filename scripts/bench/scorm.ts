import type { LocalStack } from '../local/stack';
import { benchScormCommits } from './scorm-commits';
import { benchScormImport } from './scorm-import';
import { devToken } from './scorm-support';

/**
 * SCORM figures (issue 10): commits of 200 concurrent learners, paced (every 10 s) and at full
 * speed, with lost and regressed commits counted; import wall time and peak RSS of generated
 * 20 MB and 200 MB packages. Knobs (env): BENCH_SCORM_LEARNERS (200), BENCH_SCORM_PACED_SECONDS
 * (60), BENCH_SCORM_INTERVAL_SECONDS (10), BENCH_SCORM_BURST_COMMITS (25), BENCH_SCORM_IMPORT_MB
 * ("20,200"). Returns false when a commit was lost or regressed (the bench prints it; no thresholds).
 */
export async function benchScorm(stack: LocalStack): Promise<boolean> {
  console.log('\n## SCORM\n');
  const admin = await devToken(stack, 'u-sanne-de-vries');
  console.log('### Commits\n');
  const ok = await benchScormCommits(stack, admin);
  console.log('\n### Import\n');
  await benchScormImport(stack, admin);
  return ok;
}
