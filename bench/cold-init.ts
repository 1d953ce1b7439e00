import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats.js';

export interface ColdSample {
  initMs: number;
  importMs: number;
  /** Per lazy chunk (BENCH_THEN_IMPORT): its import time after the first call. */
  thenImportMs: Record<string, number>;
  status: number | null;
  rss: number;
}

const RUNNER = fileURLToPath(new URL('./cold-runner.mjs', import.meta.url));

/** Runs `runs` fresh Node processes, each importing the file and handling one event. */
export async function coldInit(file: string, eventFile: string, env: Record<string, string>, runs: number) {
  const samples: ColdSample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await once(file, eventFile, env));
  const init = samples.map((s) => s.initMs);
  return {
    runs,
    medianMs: round(median(init)),
    maxMs: round(Math.max(...init)),
    medianImportMs: round(median(samples.map((s) => s.importMs))),
    statuses: [...new Set(samples.map((s) => s.status))],
    medianRssMb: round(median(samples.map((s) => s.rss)) / 1024 / 1024),
  };
}

/** One fresh process: import the file, handle one event. */
export function once(file: string, eventFile: string, env: Record<string, string>): Promise<ColdSample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, file, eventFile], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@BENCH '));
      if (code !== 0 || !line) reject(new Error(`cold run of ${file} failed (exit ${code}): ${err.slice(0, 500)}`));
      else resolve(JSON.parse(line.slice('@@BENCH '.length)) as ColdSample);
    });
  });
}
