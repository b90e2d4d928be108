import { readFileSync } from 'node:fs';
import { buildApp } from './lib/app';
const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8'));
const t0 = Date.now();
const { app } = buildApp({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] }, webDistPath: '/tmp/infra-scratch/web', outdir: '/tmp/infra-scratch/out', env: {} });
const t1 = Date.now();
try {
  const asm = app.synth();
  console.log('synth ok', asm.directory);
} catch (e) { console.log(String((e as Error).message).slice(0, 20000)); }
console.log('construct ms', t1 - t0, 'synth ms', Date.now() - t1);
