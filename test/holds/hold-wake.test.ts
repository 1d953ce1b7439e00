import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MemoryHoldStore } from '../../shared/adapters/memory/memory-hold-store.js';
import { FixedSecretToken } from '../../shared/adapters/aws/ssm-secret-token.js';
import { loadPrewarmApiFunctionConfig, loadWakeFunctionConfig } from '../../shared/config/prewarm-config.js';
import { NO_HOLD_TEXT, serializeHold } from '../../shared/domain/hold.js';
import { HoldGate } from '../../shared/domain/hold-gate.js';
import { holdDecisionEvents, logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from '../../functions/wake/handler.js';
import { createPrewarmRouteDeps } from '../../functions/prewarm-api/setup.js';
import { createPrewarmApiHandler } from '../../functions/prewarm-api/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { captureOutput, controllerSetup, loadEvent, mockedSchedules } from '../scheduling/support.js';

const TOKEN = 'example-prewarm-token-0123456789';
const ENV = {
  SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: 'https://meet.example.org', SUPPORT_CONTACT: 'it-help@example.org',
  PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token', SCHEDULE_GROUP_NAME: 'jitsi-controller',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/jitsi-scheduler', PREWARM_FUNCTION_ARN: 'arn:aws:lambda:eu-central-1:123456789012:function:jitsi-prewarm',
};
const maintenance = serializeHold({ kind: 'asleep', until: new Date('2026-11-26T16:00:00Z'), setAt: new Date('2026-11-26T11:00:00Z'), reason: 'OS upgrade' });

/** The real wake handler (with the pre-warm API) over an asleep simulated group, sharing one hold store. */
async function app(holdText: string) {
  const output = captureOutput();
  const { wake: config } = loadWakeFunctionConfig(ENV);
  const { prewarm } = loadPrewarmApiFunctionConfig(ENV);
  const { clock, group, controller } = await controllerSetup({ awake: false, now: '2026-11-26T12:00:00Z' });
  const store = new MemoryHoldStore(holdText);
  const holds = new HoldGate(store, clock, 0, holdDecisionEvents(logger, metrics));
  const { mock: scheduler, schedules } = mockedSchedules();
  scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-central-1:123456789012:schedule/jitsi-controller/x' });
  const prewarmDeps = createPrewarmRouteDeps({ config, prewarm, controller, logger, metrics, clock, schedules, token: new FixedSecretToken(TOKEN), holds });
  const handler = createWakeHandler({ controller, config, clock, logger, metrics, holds });
  const prewarmApi = createPrewarmApiHandler({ prewarm: prewarmDeps, clock, logger, metrics });
  // As API Gateway routes them: the pre-warm paths to functions/prewarm-api, the rest to functions/wake.
  const invoke = async (event: unknown) => (/\/prewarm(\/|$)/.test(String((event as { rawPath?: string }).rawPath))
    ? prewarmApi(event, lambdaContext('prewarm-api'))
    : handler(event, lambdaContext('wake')));
  return { output, group, store, scheduler, invoke, wakes: () => group.calls.filter((c) => c.op === 'wake').length };
}

const prewarmPost = (start: string): APIGatewayProxyEventV2 => {
  const event = loadEvent('post-prewarm') as unknown as APIGatewayProxyEventV2;
  event.headers.authorization = `Bearer ${TOKEN}`;
  event.body = JSON.stringify({ start });
  return event;
};

describe('maintenance hold on the wake endpoint', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('GET of a meeting link shows "under maintenance until …" with the contact and no script; nothing wakes', async () => {
    const t = await app(maintenance);
    restore = t.output.restore;
    const res = await t.invoke(loadEvent('get-room'));
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('The meeting service is under maintenance until 2026-11-26 16:00 UTC. Questions: it-help@example.org.');
    expect(res.body).not.toContain('<script');
    expect(t.wakes()).toBe(0);
  });

  it('POST wake is refused with a status the open waiting page shows; a logged, counted hold decision; no scale-up', async () => {
    const t = await app(maintenance);
    restore = t.output.restore;
    const res = await t.invoke(loadEvent('post-wake'));
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body!)).toMatchObject({ phase: 'error', retryable: false, message: expect.stringMatching(/^The meeting service is under maintenance until 2026-11-26 16:00 UTC/), hold: { kind: 'asleep', until: '2026-11-26T16:00:00.000Z' } });
    expect(t.wakes()).toBe(0);
    expect(t.output.logs('hold decision: blocked')[0]).toMatchObject({ action: 'hold', path: 'wake', reason: 'maintenance hold asleep until 2026-11-26T16:00:00Z (OS upgrade): wake refused' });
    expect(t.output.metric('HoldDecisions')).toBe(1);
  });

  it('after "hold --clear" the next wake starts the group', async () => {
    const t = await app(maintenance);
    restore = t.output.restore;
    t.store.text = NO_HOLD_TEXT;
    expect((await t.invoke(loadEvent('post-wake'))).statusCode).toBe(200);
    expect(t.wakes()).toBe(2);
  });

  it('the pre-warm API refuses a pre-warm whose wake falls in the maintenance, with the reason, and schedules one after it', async () => {
    const t = await app(maintenance);
    restore = t.output.restore;
    const refused = await t.invoke(prewarmPost('2026-11-26T15:00:00Z'));
    expect(refused.statusCode).toBe(409);
    expect(JSON.parse(refused.body!)).toEqual({ error: 'maintenance hold asleep until 2026-11-26T16:00:00Z (OS upgrade): prewarm refused' });
    expect(t.scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
    expect((await t.invoke(prewarmPost('2026-11-26T18:00:00Z'))).statusCode).toBe(201);
    expect(t.scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(1);
  });
});
