import './quiet.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFunction } from './bundle.js';
import { coldInit } from './cold-init.js';
import { benchFunctions } from './functions.js';
import { warmLatency } from './warm.js';
import { wakeBurstCalls } from './wake-calls.js';
import { clickToMeeting } from './local-flow.js';
import { idleShutdownCalls, watcherCalls } from './watch-calls.js';
import { round } from './stats.js';
import { wakeLevers } from './wake-levers.js';
import { simulatedWakeTimeline } from './wake-timeline.js';
import { FUNCTION_SPECS } from '../infra/constructs/function-catalog.js';

/**
 * `npm run bench`: sizes, cold init, warm latency, AWS calls and local flow times, printed as one table and
 * written to bench/results/bench.json. It reports against the README's budgets; it never fails on noise.
 */
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 20);
const OUT = 'bench/results';
// Budgets: bundle bytes per function from infra/constructs/function-catalog.ts (the bundle test checks the
// same numbers); the wake function, the one a person waits on, also ≥ 3× faster cold init than node_modules.
const BUDGET = { wakeRatio: 3, coldInitMs: 150 };

const rows: Array<[string, string, string]> = [];
const row = (metric: string, value: string, budget = '') => { rows.push([metric, value, budget]); process.stderr.write(`  ${metric}: ${value}\n`); };
const result: Record<string, unknown> = { node: process.version, date: new Date().toISOString(), coldRuns: RUNS, functions: {} };

await mkdir(OUT, { recursive: true });
for (const fn of benchFunctions()) {
  const eventFile = join(OUT, `${fn.name}-event.json`);
  await writeFile(eventFile, JSON.stringify(fn.event));
  const bundled = await bundleFunction(fn.entry, join(OUT, 'build', fn.name, 'bundled'), 'bundled');
  const unbundled = await bundleFunction(fn.entry, join(OUT, 'build', fn.name, 'unbundled'), 'unbundled');
  const coldBundled = await coldInit(bundled.file, eventFile, fn.env, RUNS);
  const coldUnbundled = await coldInit(unbundled.file, eventFile, fn.env, RUNS);
  (result.functions as Record<string, unknown>)[fn.name] = { bundleBytes: bundled.bytes, totalBytes: bundled.totalBytes, lazyChunks: bundled.lazyChunks, coldBundled, coldUnbundled, ratio: round(coldUnbundled.medianMs / coldBundled.medianMs, 2) };
  const spec = FUNCTION_SPECS[fn.name];
  const coldBudget = spec.coldStartBudgetBytes ?? spec.bundleBudgetBytes;
  const lazy = bundled.lazyChunks.length ? ` at cold start (+ ${round((bundled.totalBytes - bundled.bytes) / 1024)} KB in ${bundled.lazyChunks.length} lazy chunks)` : '';
  const within = (bytes: number, budget: number) => `${bytes <= budget ? 'within' : 'OVER'} ${budget / 1024} KB`;
  row(`${fn.name}: bundle size`, `${round(bundled.bytes / 1024)} KB${lazy}`, `cold start ${within(bundled.bytes, coldBudget)}; all files ${within(bundled.totalBytes, spec.bundleBudgetBytes)}`);
  row(`${fn.name}: cold init bundled (median / max)`, `${coldBundled.medianMs} / ${coldBundled.maxMs} ms`, `${coldBundled.medianMs <= BUDGET.coldInitMs ? 'within' : 'OVER'} ${BUDGET.coldInitMs} ms`);
  const ratio = round(coldUnbundled.medianMs / coldBundled.medianMs, 2);
  row(`${fn.name}: cold init from node_modules (median / max)`, `${coldUnbundled.medianMs} / ${coldUnbundled.maxMs} ms`, `ratio ${ratio}× bundled${fn.name === 'wake' ? ` (${ratio >= BUDGET.wakeRatio ? 'within' : 'UNDER'} ${BUDGET.wakeRatio}×)` : ''}`);
  if (coldBundled.statuses.some((s) => s !== null && s >= 400 && s !== fn.expectedStatus)) row(`${fn.name}: WARNING`, `handler answered ${coldBundled.statuses.join(',')}`);
}

const levers = await wakeLevers(OUT, RUNS);
result.wakeLevers = levers;
for (const l of levers) row(`wake lever: ${l.variant}`, `${round(l.bundleBytes / 1024)} KB at cold start, cold ${l.coldMedianMs} ms`, `${l.ratio}× vs node_modules (${l.unbundledMedianMs} ms)`);
const split = levers.at(-1)!;
row('wake: lazy chunks, import time when first needed', Object.entries(split.lazyChunkMs).map(([c, ms]) => `${c} ${ms} ms`).join(', '), `${round((split.totalBytes - split.bundleBytes) / 1024)} KB in all`);

const timeline = await simulatedWakeTimeline();
result.simulatedWakeTimeline = timeline;
row('simulated wake timeline (local demo phases)', Object.entries(timeline.phases).map(([p, s]) => `${p} ${s} s`).join(', '), `total ${timeline.totalSeconds} s`);

const warmWake = await warmLatency(10_000, 'POST', '/_stz/wake', 'ready');
const warmPage = await warmLatency(10_000, 'GET', '/bench-room', 'waking');
result.warm = { wakePost: warmWake, waitingPage: warmPage };
row('warm POST /_stz/wake (p50 / p99, 10 000 calls)', `${warmWake.p50Ms} / ${warmWake.p99Ms} ms`);
row('warm GET /{room} waiting page (p50 / p99, 10 000 calls)', `${warmPage.p50Ms} / ${warmPage.p99Ms} ms`);

const calls: Record<string, Record<string, number>> = { wakeOnce: await wakeBurstCalls(1), wake200Concurrent: await wakeBurstCalls(200) };
result.awsCalls = calls;
const fmt = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
row('AWS calls: one wake (2 members)', fmt(calls.wakeOnce!), 'one UpdateService per member');
row('AWS calls: 200 concurrent wakes', fmt(calls.wake200Concurrent!), `${calls.wake200Concurrent!.UpdateService === 2 ? 'within' : 'OVER'}: one UpdateService per member`);

calls.watcherAwake = await watcherCalls(true);
calls.watcherAsleep = await watcherCalls(false);
const idle = await idleShutdownCalls();
calls.idleShutdownStop = idle.calls;
row('AWS calls: one watcher run, awake (warm)', fmt(calls.watcherAwake));
row('AWS calls: one watcher run, asleep', fmt(calls.watcherAsleep), 'no probe, no datapoint');
row(`AWS calls: one idle shutdown (${idle.action})`, fmt(calls.idleShutdownStop));

if (process.env.BENCH_SKIP_LOCAL !== '1') {
  const flow = await clickToMeeting();
  result.localFlow = flow;
  row('local: click to meeting (canonical link)', `${flow.clickToMeetingSeconds} s`, `start delay ${flow.startDelaySeconds} s + poll ${flow.pollIntervalSeconds} s`);
  row('local: last participant leaving to zero tasks', `${flow.lastLeaveToZeroSeconds} s`, 'local windows: watcher 5 s, empty room 20 s');
}

await writeFile(join(OUT, 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['metric', 'value', 'budget'][i]!.length));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
process.stdout.write(`\n${line(['metric', 'value', 'budget'])}\n|${width.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n\nwritten to ${OUT}/bench.json\n`);
