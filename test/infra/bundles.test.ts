import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { CREATE_REQUIRE_BANNER, REPO_ROOT } from '../../infra/constructs/controller-function.js';
import { existingEntries, FUNCTION_SPECS, type FunctionName } from '../../infra/constructs/function-catalog.js';
import { ScaleToZeroStack } from '../../infra/stack.js';
import { bundleFiles, bytesOf, coldStartFiles } from '../../infra/bundle-files.js';
import { exampleConfig } from './infra-fixtures.js';

/**
 * The one slow infra test: real esbuild bundles (local esbuild, no Docker) for every entry that exists
 * now, each checked against its budgets. Sizes are written to test-output/bundle-sizes.json.
 */
describe('function bundles', () => {
  const present = existingEntries(join(REPO_ROOT, 'functions'));
  const outdir = mkdtempSync(join(tmpdir(), 'stz-bundles-'));
  const sizes: Partial<Record<FunctionName, { total: number; coldStart: number }>> = {};
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
      sizes[name] = { total: bytesOf(bundleFiles(assetDirs[name]!)), coldStart: bytesOf(coldStartFiles(assetDirs[name]!)) };
    }
    mkdirSync(join(REPO_ROOT, 'test-output'), { recursive: true });
    writeFileSync(join(REPO_ROOT, 'test-output', 'bundle-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  }, 240_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('finds entries to build', () => {
    expect(present).toContain('wake');
  });

  it.each(present.map((name) => [name]))('keeps %s within its size budgets', (name) => {
    const size = sizes[name as FunctionName]!;
    const spec = FUNCTION_SPECS[name as FunctionName];

    expect(size.coldStart).toBeGreaterThan(1000);
    expect(size.total).toBeLessThan(spec.bundleBudgetBytes);
    expect(size.coldStart).toBeLessThanOrEqual(spec.coldStartBudgetBytes ?? spec.bundleBudgetBytes);
  });

  it('loads the wake path\'s rarer clients only on first use: SSM, Lambda and CloudWatch sit in lazy chunks', () => {
    const dir = assetDirs.wake!;
    const eager = coldStartFiles(dir).map((f) => readFileSync(f, 'utf8')).join('\n');
    const lazy = bundleFiles(dir).filter((f) => !coldStartFiles(dir).includes(f)).map((f) => readFileSync(f, 'utf8')).join('\n');

    for (const service of ['com.amazonaws.ssm', 'com.amazonaws.lambda', 'com.amazonaws.cloudwatch']) {
      expect(eager).not.toContain(service);
      expect(lazy).toContain(service);
    }
    expect(eager).toContain('com.amazonaws.ecs');
    expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toMatch(/import\(["']\.\/chunks\/ssm-hold-store-[A-Z0-9]+\.mjs["']\)/);
  });

  it('runs as built: a page GET loads the SSM chunk on first use, reads the hold and shows the maintenance page', () => {
    const now = Date.now();
    const hold = JSON.stringify({ kind: 'asleep', until: new Date(now + 3_600_000).toISOString(), setAt: new Date(now).toISOString(), reason: 'router swap' });
    const event = {
      version: '2.0', routeKey: '$default', rawPath: '/standup', rawQueryString: '', isBase64Encoded: false,
      headers: { host: 'wake.example.com', 'user-agent': 'Mozilla/5.0' },
      requestContext: {
        accountId: '123456789012', apiId: 'bundle', domainName: 'wake.example.com', domainPrefix: 'wake', requestId: 'r', routeKey: '$default',
        stage: '$default', time: '', timeEpoch: now, http: { method: 'GET', path: '/standup', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'Mozilla/5.0' },
      },
    };
    const out = execFileSync(process.execPath, [join(REPO_ROOT, 'test/infra/support/run-wake-bundle.mjs'), join(assetDirs.wake!, 'index.mjs'), JSON.stringify(event), hold], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH, CONTROLLER_BACKEND: 'aws', SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'https://meet.example.com', LINK_MODE: 'wake-url',
        HOLD_PARAMETER: '/hold', AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDBUNDLETEST', AWS_SECRET_ACCESS_KEY: 'test',
        POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true',
      },
    });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as { statusCode: number; body: string; calls: string[] };

    // The status and estimate reads run alongside the hold read (functions/wake/meeting-routes.ts); nothing writes.
    expect(result.calls).toContain('AmazonSSM.GetParameter');
    expect(result.calls.filter((c) => /UpdateService|RegisterScalableTarget|SetAlarmState|PutParameter/.test(c))).toEqual([]);
    expect(result.statusCode).toBe(503);
    expect(result.body).toContain('under maintenance until');
  });

  it('emits minified ESM with the createRequire banner and the SDK inside', () => {
    const wakeDir = assetDirs.wake!;
    const code = readFileSync(join(wakeDir, 'index.mjs'), 'utf8');
    const all = bundleFiles(wakeDir).map((f) => readFileSync(f, 'utf8'));

    expect(code.startsWith(CREATE_REQUIRE_BANNER)).toBe(true);
    // Every chunk is its own module and needs its own `require`.
    for (const chunk of all) expect(chunk.startsWith(CREATE_REQUIRE_BANNER)).toBe(true);
    expect(coldStartFiles(wakeDir).map((f) => readFileSync(f, 'utf8')).join('\n')).toContain('DescribeServices');
    for (const chunk of all) expect(chunk).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(existsSync(join(wakeDir, 'index.mjs.map'))).toBe(false);
  });

  it('keeps the wake path light: no Scheduler client, no default credential chain (env-only credentials)', () => {
    const code = bundleFiles(assetDirs.wake!).map((f) => readFileSync(f, 'utf8')).join('\n');

    for (const absent of ['com.amazonaws.scheduler', 'sso_start_url', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) expect(code).not.toContain(absent);
    expect(code).toContain('AWS_SECRET_ACCESS_KEY');
    if (assetDirs['prewarm-api']) expect(bundleFiles(assetDirs['prewarm-api']).map((f) => readFileSync(f, 'utf8')).join('\n')).toContain('com.amazonaws.ssm');
  });
});
