import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFunction } from './bundle.js';
import { once } from './cold-init.js';
import { benchFunctions } from './functions.js';
import { median, round } from './stats.js';

/**
 * The wake function's cold path, lever by lever (issue 12): each variant's minified size and its cold init
 * against the same code loaded from node_modules. "Before" variants are bench-only entries in bench/levers/.
 */
const PREWARM_ENV = {
  PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token', SCHEDULE_GROUP_NAME: 'jitsi', SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
  PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:prewarm',
};
const VARIANTS = [
  { name: 'before: pre-warm API inside, default credential chain', entry: 'bench/levers/wake-with-prewarm.ts', envCredentials: false },
  { name: '+ env-only credentials', entry: 'bench/levers/wake-with-prewarm.ts', envCredentials: true },
  { name: '+ pre-warm API in its own function (estimate client at init)', entry: 'bench/levers/wake-eager-cloudwatch.ts', envCredentials: true },
  { name: '+ estimate client created on first use (now)', entry: 'functions/wake/index.ts', envCredentials: true },
] as const;

export async function wakeLevers(outDir: string, runs: number) {
  const wake = benchFunctions().find((f) => f.name === 'wake')!;
  const eventFile = join(outDir, 'wake-levers-event.json');
  await writeFile(eventFile, JSON.stringify(wake.event));
  const env = { ...wake.env, ...PREWARM_ENV };
  const builds = [];
  for (const [i, v] of VARIANTS.entries()) {
    const dir = join(outDir, 'build', `wake-lever-${i}`);
    const bundled = await bundleFunction(v.entry, join(dir, 'bundled'), 'bundled', { envCredentials: v.envCredentials });
    const unbundled = await bundleFunction(v.entry, join(dir, 'unbundled'), 'unbundled');
    builds.push({ variant: v.name, bundled, unbundled, cold: [] as number[], base: [] as number[] });
  }
  // Round-robin: every variant sees the same machine load (a shared machine drifts by 2× within minutes).
  for (let run = 0; run < runs; run += 1) {
    for (const b of builds) {
      b.cold.push((await once(b.bundled.file, eventFile, env)).initMs);
      b.base.push((await once(b.unbundled.file, eventFile, env)).initMs);
    }
  }
  return builds.map((b) => {
    const cold = round(median(b.cold));
    const base = round(median(b.base));
    return { variant: b.variant, bundleBytes: b.bundled.bytes, coldMedianMs: cold, unbundledMedianMs: base, ratio: round(base / cold, 2) };
  });
}
