import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { bundleFiles, bytesOf, coldStartFiles } from '../infra/bundle-files.js';
import { lambdaBuildOptions } from '../infra/lambda-bundling.js';

export interface BundleLevers {
  /** Alias the default credential chain to the env-only provider (what the Lambda bundles do). */
  envCredentials?: boolean;
}

export interface BuiltBundle {
  /** The entry file (index.mjs). */
  file: string;
  /** What a cold start loads: index.mjs plus the chunks it imports statically. */
  bytes: number;
  /** Every output file together (the deployed code, minus nothing). */
  totalBytes: number;
  /**
   * Chunks only a dynamic import reaches (and their own static imports), loaded on first use. `module` names
   * the source module a dynamic import loads, for the chunks that start one.
   */
  lazyChunks: Array<{ file: string; bytes: number; module?: string }>;
}

/**
 * `bundled`: the deployed build (infra/lambda-bundling.ts, the same function CDK calls). `unbundled`: our
 * TypeScript compiled, every package resolved from node_modules at run time: the side-by-side baseline.
 */
export async function bundleFunction(entry: string, outDir: string, mode: 'bundled' | 'unbundled', levers: BundleLevers = {}): Promise<BuiltBundle> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  if (mode === 'unbundled') {
    const result = await build({
      entryPoints: [entry], outfile: file, bundle: true, packages: 'external', platform: 'node', format: 'esm',
      target: 'node24', mainFields: ['module', 'main'], logLevel: 'error', metafile: true,
    });
    const bytes = Object.values(result.metafile.outputs)[0]!.bytes;
    return { file, bytes, totalBytes: bytes, lazyChunks: [] };
  }
  const result = await build({ ...lambdaBuildOptions(entry, outDir, { envCredentials: levers.envCredentials }), metafile: true });
  // Which files load at cold start: the same reading the bundle test applies to CDK's output.
  const eager = new Set(coldStartFiles(outDir).map((f) => resolve(f)));
  const files = bundleFiles(outDir);
  // The metafile only names the source module each lazy chunk starts with (for the chunk timings).
  const modules = new Map(Object.entries(result.metafile.outputs).map(([p, o]) => [resolve(p), o.entryPoint]));
  const lazyChunks = files.filter((f) => !eager.has(resolve(f))).map((f) => {
    const module = modules.get(resolve(f));
    return { file: relative(process.cwd(), f), bytes: statSync(f).size, ...(module ? { module } : {}) };
  });
  return { file, bytes: bytesOf([...eager]), totalBytes: bytesOf(files), lazyChunks };
}
