import { build } from 'esbuild';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LAMBDA_ALIASES } from '../infra/lambda-bundling.js';

/** The same esbuild settings the CDK house construct uses: ESM, minified, SDK bundled, createRequire banner. */
export const BANNER = "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);";

export interface BundleLevers {
  /** Alias the default credential chain to the env-only provider (what the Lambda bundles do). */
  envCredentials?: boolean;
}

export async function bundleFunction(
  entry: string, outDir: string, mode: 'bundled' | 'unbundled', levers: BundleLevers = { envCredentials: true },
): Promise<{ file: string; bytes: number }> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    // Unbundled = our TypeScript compiled, every package resolved from node_modules at run time.
    packages: mode === 'unbundled' ? 'external' : undefined,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: mode === 'bundled',
    // As NodejsFunction does for ESM output: prefer the packages' ESM builds, which tree-shake far better.
    mainFields: ['module', 'main'],
    alias: mode === 'bundled' && levers.envCredentials ? { ...LAMBDA_ALIASES } : undefined,
    banner: mode === 'bundled' ? { js: BANNER } : undefined,
    logLevel: 'error',
    legalComments: 'none',
  });
  return { file, bytes: (await stat(file)).size };
}
