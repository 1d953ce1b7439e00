import { buildSync, type BuildOptions } from 'esbuild';

/**
 * The one esbuild build every Lambda bundle goes through: the house construct (controller-function.ts,
 * local bundling during synth) and `npm run bench` both call it, so the bench measures what deploys.
 * Paths are relative to the repository root, the working directory of both builds.
 */
export const LAMBDA_ALIASES: Readonly<Record<string, string>> = {
  // Env-only credentials (shared/adapters/aws/env-credential-provider.ts): ~90 KB less per SDK function.
  '@aws-sdk/credential-provider-node': './shared/adapters/aws/env-credential-provider.ts',
};

/**
 * ESM output needs `require` for the few CommonJS dependencies that call it (e.g. Node built-ins inside
 * bundled packages); this banner is the standard fix.
 */
export const CREATE_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export interface LambdaBundleOptions {
  /** Alias the default credential chain to the env-only provider; off only for the bench's "before" lever. */
  envCredentials?: boolean;
  sourceMap?: boolean;
  /** Working directory for relative entries and aliases (the repository root). */
  cwd?: string;
}

/** esbuild options for a Lambda entry: ESM, minified, the AWS SDK inside, the createRequire banner. */
export function lambdaBuildOptions(entry: string, outDir: string, options: LambdaBundleOptions = {}): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Dynamic import()s (shared/lazy.ts) become chunks/, loaded when a request first needs them. Without
    // splitting esbuild wraps lazily imported modules and stops tree-shaking the SDK behind them (the one-file
    // wake bundle measured 730 KB instead of 495 KB), so every function is split.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    // Prefer the packages' ESM builds: they tree-shake far better than the CommonJS ones.
    mainFields: ['module', 'main'],
    // Bundle the AWS SDK v3 clients instead of the runtime's copy: pinned versions, tree-shaken modules.
    external: [],
    alias: options.envCredentials === false ? undefined : { ...LAMBDA_ALIASES },
    banner: { js: CREATE_REQUIRE_BANNER },
    sourcemap: options.sourceMap ? 'linked' : false,
    sourcesContent: false,
    legalComments: 'none',
    absWorkingDir: options.cwd,
    logLevel: 'warning',
  };
}

/** Builds `outDir/index.mjs` and `outDir/chunks/*.mjs`; throws with esbuild's errors. */
export function buildLambdaBundle(entry: string, outDir: string, options: LambdaBundleOptions = {}): void {
  buildSync(lambdaBuildOptions(entry, outDir, options));
}
