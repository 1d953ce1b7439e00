import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { bundleFunction, type BuiltBundle } from './bundle.js';
import { once } from './cold-init.js';
import { benchFunctions } from './functions.js';
import { median, round } from './stats.js';

/**
 * The wake function's cold path, lever by lever (issue 12): what each variant loads at cold start and its cold
 * init against the same code loaded from node_modules. "Before" variants are bench-only entries in
 * bench/levers/. For the split build, each lazy chunk's own import time (after the first call, as a later
 * request that needs it would pay it) is measured too.
 */
const PREWARM_ENV = {
  PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token', SCHEDULE_GROUP_NAME: 'jitsi', SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
  PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:prewarm',
};
const VARIANTS = [
  { name: 'before: pre-warm API inside, default credential chain', entry: 'bench/levers/wake-with-prewarm.ts', envCredentials: false },
  { name: '+ env-only credentials', entry: 'bench/levers/wake-with-prewarm.ts', envCredentials: true },
  { name: '+ pre-warm API in its own function', entry: 'bench/levers/wake-eager-clients.ts', envCredentials: true },
  { name: '+ SSM, Lambda, CloudWatch as lazy chunks (now)', entry: 'functions/wake/index.ts', envCredentials: true },
] as const;

export interface LeverResult {
  variant: string;
  bundleBytes: number;
  totalBytes: number;
  coldMedianMs: number;
  unbundledMedianMs: number;
  ratio: number;
  /** Median import time of each lazy chunk entry, by chunk name (split build only). */
  lazyChunkMs: Record<string, number>;
}

export async function wakeLevers(outDir: string, runs: number): Promise<LeverResult[]> {
  const wake = benchFunctions().find((f) => f.name === 'wake')!;
  const eventFile = join(outDir, 'wake-levers-event.json');
  await writeFile(eventFile, JSON.stringify(wake.event));
  const env = { ...wake.env, ...PREWARM_ENV };
  const builds: Array<{ variant: string; bundled: BuiltBundle; unbundled: BuiltBundle; cold: number[]; base: number[]; lazy: Record<string, number[]> }> = [];
  for (const [i, v] of VARIANTS.entries()) {
    const dir = join(outDir, 'build', `wake-lever-${i}`);
    const bundled = await bundleFunction(v.entry, join(dir, 'bundled'), 'bundled', { envCredentials: v.envCredentials });
    const unbundled = await bundleFunction(v.entry, join(dir, 'unbundled'), 'unbundled');
    builds.push({ variant: v.name, bundled, unbundled, cold: [], base: [], lazy: {} });
  }
  // Round-robin: every variant sees the same machine load (a shared machine drifts by 2× within minutes).
  for (let run = 0; run < runs; run += 1) {
    for (const b of builds) {
      // The chunks our own lazy imports load (their shared chunks come with them); not the SDK's own
      // browser-only ones (bowser, event streams), which no Node path loads.
      const lazyEntries = b.bundled.lazyChunks.filter((c) => c.module && !c.module.includes('node_modules')).map((c) => c.file);
      const sample = await once(b.bundled.file, eventFile, { ...env, BENCH_THEN_IMPORT: lazyEntries.join(',') });
      b.cold.push(sample.initMs);
      for (const [file, ms] of Object.entries(sample.thenImportMs)) (b.lazy[chunkName(file)] ??= []).push(ms);
      b.base.push((await once(b.unbundled.file, eventFile, env)).initMs);
    }
  }
  return builds.map((b) => {
    const cold = round(median(b.cold));
    const base = round(median(b.base));
    const lazyChunkMs = Object.fromEntries(Object.entries(b.lazy).map(([name, ms]) => [name, round(median(ms))]));
    return { variant: b.variant, bundleBytes: b.bundled.bytes, totalBytes: b.bundled.totalBytes, coldMedianMs: cold, unbundledMedianMs: base, ratio: round(base / cold, 2), lazyChunkMs };
  });
}

/** `chunks/ssm-hold-store-HYJWKZCL.mjs` → `ssm-hold-store`. */
function chunkName(file: string): string {
  return basename(file).replace(/-[A-Z0-9]+\.mjs$/, '');
}
