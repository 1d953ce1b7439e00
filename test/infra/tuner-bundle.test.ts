import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { loadConfig } from '../../infra/config.js';
import { CREATE_REQUIRE_BANNER, REPO_ROOT } from '../../infra/constructs/controller-function.js';
import { JitsiOnExpress } from '../../infra/constructs/jitsi/jitsi-on-express.js';

/** The custom-resource handler is real code too: its esbuild bundle builds, is ESM, and carries the ELBv2 client. */
describe('tune-target-groups bundle', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'stz-tuner-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('builds a small ESM bundle with the ELBv2 commands inside', () => {
    const app = new App({ outdir });
    const stack = new Stack(app, 'TunerStack');
    const jitsi = new JitsiOnExpress(stack, 'Jitsi', {
      jitsi: loadConfig({ context: { jitsi: {} } }).jitsi!,
      logRetention: 30,
      code: 'bundle',
      tunerEntry: join(REPO_ROOT, 'functions', 'tune-target-groups', 'index.ts'),
    });
    const template = app.synth().getStackByName('TunerStack').template as { Resources: Record<string, { Properties: { Code?: { S3Key?: string } } }> };
    const fnId = stack.resolve((jitsi.tuning.function.function.node.defaultChild as unknown as { logicalId: string }).logicalId) as string;
    const file = join(outdir, `asset.${template.Resources[fnId]!.Properties.Code!.S3Key!.replace(/\.zip$/, '')}`, 'index.mjs');
    const code = readFileSync(file, 'utf8');

    expect(code.startsWith(CREATE_REQUIRE_BANNER)).toBe(true);
    expect(code).toContain('ModifyTargetGroupAttributes');
    expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
    // Budget: about the size of the other single-client functions (see function-catalog.ts).
    expect(statSync(file).size).toBeLessThan(460 * 1024);
  }, 240_000);
});
