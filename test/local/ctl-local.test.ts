import { createServer } from 'node:net';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startLocalApp } from '../../local/app.js';
import { runCtl } from '../support/ctl.js';
import { silenceOutput } from '../handlers/support.js';

type App = Awaited<ReturnType<typeof startLocalApp>>;

function ctl(args: string[], env: Record<string, string> = {}) {
  return runCtl(args, { env: { TIME_ZONE: 'UTC', ...env } });
}

describe('ctl --local drives the running demo', () => {
  let app: App | undefined;
  let output: ReturnType<typeof silenceOutput>;
  beforeEach(() => { output = silenceOutput(); });
  afterEach(async () => { await app?.close(); app = undefined; output.restore(); });

  it('status, up, down and log tell one story through the demo\'s own state', async () => {
    app = await startLocalApp({ port: 0, quiet: true, env: { SIM_START_DELAY_SECONDS: '0', LOCAL_NIGHTLY_SECONDS: '3600', TIME_ZONE: 'Europe/Berlin' } });
    const asleep = await ctl(['--local', app.url, 'status']);
    expect(asleep.code).toBe(0);
    expect(asleep.out).toMatch(new RegExp(`^local demo at ${app.url}; times in UTC\\nphase: asleep`));
    expect(asleep.out).toMatch(/\nnobody-joined timer \(local-no-join\): INSUFFICIENT_DATA\n/);
    expect(asleep.out).toMatch(/\nnext nightly power-down: \d{4}-\d\d-\d\d \d\d:\d\d UTC \(in (59 min|1 h)\)\npending power-down re-checks: none/);

    const up = await ctl(['--local', app.url, 'up']);
    expect(up).toMatchObject({ err: '', code: 0 });
    expect(up.out).toMatch(/^woke local\/jitsi-web, local\/jitsi-jvb \(desired 0 → 1\)/);
    const down = await ctl(['--local', app.url, 'down']);
    expect(down).toMatchObject({ code: 0 });
    expect(down.out).toMatch(/^stopped local\/jitsi-web, local\/jitsi-jvb/);

    const log = await ctl(['--local', app.url, 'log']);
    expect(log.code).toBe(0);
    const lines = log.out.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC {2}controller +wake +operator CLI: ctl up \(local\/jitsi-web, local\/jitsi-jvb\)$/);
    expect(lines[1]).toMatch(/controller +sleep +operator CLI: ctl down, nobody meeting/);
    const json = JSON.parse((await ctl(['--json', '--local', app.url, 'status'])).out) as Record<string, unknown>;
    expect(json).toMatchObject({ phase: expect.any(String), lastActions: { lastWake: { action: 'wake' }, lastStop: { action: 'sleep' } } });
  }, 30_000);

  it('prewarm with the demo\'s token creates, lists and cancels through the default (CloudFront-playing) front', async () => {
    const ssm = mockClient(SSMClient);
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'demo-token-0123456789abcdef' } });
    try {
      app = await startLocalApp({ port: 0, quiet: true, env: { PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token' } });
      const token = { PREWARM_TOKEN: 'demo-token-0123456789abcdef' };
      const start = new Date(Date.now() + 2 * 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
      const created = await ctl(['--local', app.url, 'prewarm', start], token);
      expect(created).toMatchObject({ code: 0, err: '' });
      const id = /\b(prewarm-[\w-]+)/.exec(created.out)?.[1];
      expect(id).toBeDefined();
      const listed = await ctl(['--local', app.url, 'prewarm', '--list'], token);
      expect(listed).toMatchObject({ code: 0, err: '' });
      expect(listed.out).toContain(id);
      const cancelled = await ctl(['--local', app.url, 'prewarm', '--cancel', id!], token);
      expect(cancelled).toMatchObject({ code: 0, err: '' });
      expect((await ctl(['--local', app.url, 'prewarm', '--list'], token)).out).not.toContain(id);
      const refused = await ctl(['--local', app.url, 'prewarm', '--list'], { PREWARM_TOKEN: 'wrong-token-0123456789abcdef' });
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/refused the pre-warm token/);
    } finally {
      ssm.restore();
    }
  }, 30_000);

  it('prewarm without a token says what to set; an unreachable demo is a clear failure', async () => {
    app = await startLocalApp({ port: 0, quiet: true });
    const prewarm = await ctl(['--local', app.url, 'prewarm', '--list']);
    expect(prewarm.code).toBe(1);
    expect(prewarm.err).toMatch(/set PREWARM_TOKEN/);
    const url = app.url;
    await app.close();
    app = undefined;
    const gone = await ctl(['--local', url, 'status']);
    expect(gone.code).toBe(1);
    expect(gone.err).toMatch(/cannot reach the local demo at http:\/\/localhost:\d+ \(is npm start running\?\)/);
    expect((await ctl(['--local', 'localhost:8080', 'status'])).code).toBe(2);
  });
});

describe('npm start', () => {
  it('says which port is busy instead of a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
      const run = spawnSync(tsx, ['local/main.ts'], { env: { ...process.env, PORT: String(port) }, encoding: 'utf8', timeout: 25_000 });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`port ${port} is in use: set PORT (e.g. PORT=8081 npm start)\n`);
    } finally {
      blocker.close();
    }
  }, 30_000);
});
