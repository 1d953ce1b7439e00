import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { localEnv, type startLocalApp as StartLocalApp } from '../../local/app.js';
import { LOCAL_FUNCTIONS, invokeEnv } from '../../local/invoke-functions.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { loadLocalWakeConfig, prewarmLine } from '../../local/local-wake.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';

type App = Awaited<ReturnType<typeof StartLocalApp>>;
let startLocalApp: typeof StartLocalApp;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  ({ startLocalApp } = await import('../../local/app.js'));
});

const PREWARM = { PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token' };

describe('local tools (issue 11)', () => {
  let app: App | undefined;
  afterEach(async () => { await app?.close(); app = undefined; });

  it('npm start serves the pre-warm API when PREWARM_TOKEN_PARAMETER is set, and says so', async () => {
    app = await startLocalApp({ port: 0, quiet: true, clock: new ManualClock(), env: { ...PREWARM } });
    // Without a bearer token the API answers 401 (it exists); unconfigured it answers 404.
    const res = await fetch(`${app.url}/api/prewarm`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/not configured/);
    expect(prewarmLine({ prewarm: app.prewarm })).toBe('pre-warm API on /_stz/prewarm (bearer token from SSM parameter /jitsi/prewarm-token)');

    await app.close();
    app = await startLocalApp({ port: 0, quiet: true, clock: new ManualClock(), env: {} });
    expect((await fetch(`${app.url}/api/prewarm`)).status).toBe(404);
    expect(prewarmLine({ prewarm: app.prewarm })).toBe('pre-warm API off (PREWARM_TOKEN_PARAMETER is not set)');
  });

  it('npm run invoke -- wake serves the pre-warm API when configured', async () => {
    const handler = LOCAL_FUNCTIONS.wake!.build(invokeEnv({ ...PREWARM }));
    const event = {
      version: '2.0', routeKey: '$default', rawPath: '/api/prewarm', rawQueryString: '', headers: {},
      requestContext: { http: { method: 'GET', path: '/api/prewarm', sourceIp: '127.0.0.1', userAgent: 'test' }, stage: '$default' },
      isBase64Encoded: false,
    };
    const configured = await handler(event, lambdaContext('wake')) as { statusCode: number };
    const unconfigured = await LOCAL_FUNCTIONS.wake!.build(invokeEnv({}))(event, lambdaContext('wake')) as { statusCode: number; body: string };
    expect(configured.statusCode).toBe(401);
    expect(unconfigured).toMatchObject({ statusCode: 404, body: expect.stringMatching(/not deployed here/) });
  });

  it('in AWS mode the local server uses the configured timings, not the simulator\'s', () => {
    const aws = loadWakeConfig(localEnv(8080, { CONTROLLER_BACKEND: 'aws', SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'https://meet.example.org' }));
    expect(aws.controller).toMatchObject({ expectedWakeSeconds: 240, statusCacheMs: 2000, probeIntervalMs: 5000 });
    expect(aws.pollIntervalSeconds).toBe(4);
    const configured = loadLocalWakeConfig(localEnv(8080, { CONTROLLER_BACKEND: 'aws', SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'https://meet.example.org', EXPECTED_WAKE_SECONDS: '300' }));
    expect(configured.wake.controller.expectedWakeSeconds).toBe(300);
    // The simulated group keeps its short demo timings.
    const simulated = loadWakeConfig(localEnv(8080, { SIM_START_DELAY_SECONDS: '20' }));
    expect(simulated.controller).toMatchObject({ expectedWakeSeconds: 25, statusCacheMs: 500 });
  });

  it('a pre-warm made through the demo\'s API wakes the group at its time, also with the nightly loop off', async () => {
    const ssm = mockClient(SSMClient);
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: 'demo-token-0123456789abcdef' } });
    try {
      const clock = new ManualClock();
      app = await startLocalApp({ port: 0, quiet: true, clock, env: { ...PREWARM, PREWARM_LEAD_MINUTES: '10' } });
      const start = new Date(clock.now().getTime() + 30 * 60_000).toISOString();
      const created = await fetch(`${app.url}/_stz/prewarm`, {
        method: 'POST', headers: { authorization: 'Bearer demo-token-0123456789abcdef', 'content-type': 'application/json' }, body: JSON.stringify({ start }),
      });
      expect(created.status).toBe(201);
      const phase = async () => ((await (await fetch(`${app!.url}/_stz/status`)).json()) as { phase: string }).phase;
      expect(await phase()).toBe('asleep');

      clock.advance(20 * 60_000); // the wake time: 10 min before the meeting
      let seen = await phase();
      for (let i = 0; i < 40 && seen === 'asleep'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        seen = await phase();
      }

      expect(seen).not.toBe('asleep');
      expect(app.group?.calls.map((c) => c.op)).toContain('wake');
    } finally {
      ssm.restore();
    }
  });

  it('answers 413 to a body over 64 KB instead of dropping the connection, and keeps serving', async () => {
    app = await startLocalApp({ port: 0, quiet: true, clock: new ManualClock(), env: {} });
    const big = await fetch(`${app.url}/api/wake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ room: 'x'.repeat(70 * 1024) }) });
    expect(big.status).toBe(413);
    expect(await big.text()).toMatch(/larger than 64 KB/);
    expect((await fetch(`${app.url}/api/status`)).status).toBe(200);
  });
});
