import { build } from 'esbuild';
import { mkdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
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
  return { file, ...loadedAtStart(result.metafile.outputs, file) };
}

type Outputs = Record<string, { bytes: number; entryPoint?: string; imports: Array<{ path: string; kind: string }> }>;

/** Walks static imports from the entry: those files load at cold start; the rest load on first use. */
function loadedAtStart(outputs: Outputs, entryFile: string): Omit<BuiltBundle, 'file'> {
  const byPath = new Map(Object.entries(outputs).map(([p, o]) => [resolve(p), o]));
  const eager = new Set<string>();
  const visit = (path: string) => {
    if (eager.has(path) || !byPath.has(path)) return;
    eager.add(path);
    for (const i of byPath.get(path)!.imports) if (i.kind === 'import-statement') visit(resolve(i.path));
  };
  visit(resolve(entryFile));
  let bytes = 0;
  let totalBytes = 0;
  const lazyChunks: BuiltBundle['lazyChunks'] = [];
  for (const [path, o] of byPath) {
    if (path.endsWith('.map')) continue;
    totalBytes += o.bytes;
    if (eager.has(path)) bytes += o.bytes;
    else lazyChunks.push({ file: relative(process.cwd(), path), bytes: o.bytes, ...(o.entryPoint ? { module: o.entryPoint } : {}) });
  }
  return { bytes, totalBytes, lazyChunks };
}
