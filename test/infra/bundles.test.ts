import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { CREATE_REQUIRE_BANNER, REPO_ROOT } from '../../infra/constructs/controller-function.js';
import { existingEntries, FUNCTION_SPECS, type FunctionName } from '../../infra/constructs/function-catalog.js';
import { ScaleToZeroStack } from '../../infra/stack.js';
import { exampleConfig } from './infra-fixtures.js';

/**
 * The one slow infra test: real esbuild bundles (local esbuild, no Docker) for every entry that exists
 * now, each checked against its budget. Sizes are written to test-output/bundle-sizes.json.
 */
describe('function bundles', () => {
  const present = existingEntries(join(REPO_ROOT, 'functions'));
  const outdir = mkdtempSync(join(tmpdir(), 'stz-bundles-'));
  const sizes: Partial<Record<FunctionName, number>> = {};
  const assetDirs: Partial<Record<FunctionName, string>> = {};

  beforeAll(() => {
    const app = new App({ outdir });
    const stack = new ScaleToZeroStack(app, 'BundleStack', { config: exampleConfig(), code: 'bundle' });
    const assembly = app.synth();
    const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string } } }> };
    for (const name of present) {
      const fn = stack.controller.functions[name]!.function;
      const code = template.Resources[stack.resolve((fn.node.defaultChild as unknown as { logicalId: string }).logicalId)]!.Properties.Code!;
      assetDirs[name] = join(outdir, `asset.${code.S3Key!.replace(/\.zip$/, '')}`);
      sizes[name] = statSync(join(assetDirs[name]!, 'index.mjs')).size;
    }
    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'test-output', 'bundle-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  }, 240_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('finds entries to build', () => {
    expect(present).toContain('wake');
  });

  it.each(present.map((name) => [name]))('keeps %s within its size budget', (name) => {
    const size = sizes[name as FunctionName]!;

    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(FUNCTION_SPECS[name as FunctionName].bundleBudgetBytes);
  });

  it('emits minified ESM with the createRequire banner and the SDK inside', () => {
    const wakeDir = assetDirs.wake!;
    const code = readFileSync(join(wakeDir, 'index.mjs'), 'utf8');

    expect(code.startsWith(CREATE_REQUIRE_BANNER)).toBe(true);
    expect(code).toContain('DescribeServices');
    expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(existsSync(join(wakeDir, 'index.mjs.map'))).toBe(false);
  });

  it('keeps the wake path light: no Scheduler client, no default credential chain (env-only credentials); SSM only for the operator hold', () => {
    const code = readFileSync(join(assetDirs.wake!, 'index.mjs'), 'utf8');

    for (const absent of ['com.amazonaws.scheduler', 'sso_start_url', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) expect(code).not.toContain(absent);
    expect(code).toContain('AWS_SECRET_ACCESS_KEY');
    if (assetDirs['prewarm-api']) expect(readFileSync(join(assetDirs['prewarm-api'], 'index.mjs'), 'utf8')).toContain('com.amazonaws.ssm');
  });
});
