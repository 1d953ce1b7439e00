import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ListSchedulesCommand } from '@aws-sdk/client-scheduler';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createPrewarmApiHandler } from '../../functions/prewarm-api/handler.js';
import { createPrewarmRouteDeps } from '../../functions/prewarm-api/setup.js';
import { createWakeHandler } from '../../functions/wake/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { SsmSecretToken } from '../../shared/adapters/aws/ssm-secret-token.js';
import { loadPrewarmApiFunctionConfig, loadWakeFunctionConfig } from '../../shared/config/prewarm-config.js';
import { logger, metrics } from '../../shared/observability.js';
import { captureOutput, controllerSetup, loadEvent, mockedSchedules } from './support.js';

const TOKEN = 'example-prewarm-token-0123456789';
const PREWARM_ARN = 'arn:aws:lambda:eu-central-1:123456789012:function:jitsi-prewarm';
const ENV = {
  SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: 'https://meet.example.org',
  PREWARM_TOKEN_PARAMETER: '/jitsi/prewarm-token', SCHEDULE_GROUP_NAME: 'jitsi-controller',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/jitsi-scheduler', PREWARM_FUNCTION_ARN: PREWARM_ARN, TIME_ZONE: 'Europe/Berlin',
};

async function app(env: Record<string, string> = ENV) {
  const output = captureOutput();
  const { core: config, prewarm } = loadPrewarmApiFunctionConfig(env);
  const { clock, group, controller } = await controllerSetup({ awake: false, now: '2026-11-26T12:00:00Z' });
  const { mock: scheduler, schedules } = mockedSchedules();
  const ssmClient = new SSMClient({ region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const ssm = mockClient(ssmClient);
  ssm.on(GetParameterCommand).resolves({ Parameter: { Value: TOKEN } });
  const prewarmDeps = createPrewarmRouteDeps({
    config, prewarm, controller, logger, metrics, clock, schedules, token: new SsmSecretToken(ssmClient, prewarm.tokenParameter, prewarm.tokenTtlMs, clock),
  });
  const handler = createPrewarmApiHandler({ prewarm: prewarmDeps, clock, logger, metrics });
  const invoke = async (event: unknown) => {
    const res = await handler(event, lambdaContext('prewarm-api'));
    return { ...res, json: JSON.parse(res.body || 'null') as Record<string, unknown> };
  };
  return { clock, group, scheduler, ssm, output, invoke };
}

function request(name: string, change: { body?: unknown; authorization?: string | null; path?: string } = {}): APIGatewayProxyEventV2 {
  const event = loadEvent(name) as unknown as APIGatewayProxyEventV2;
  if (change.body !== undefined) event.body = JSON.stringify(change.body);
  if (change.authorization === null) delete event.headers.authorization;
  else if (change.authorization !== undefined) event.headers.authorization = change.authorization;
  if (change.path) event.rawPath = event.requestContext.http.path = change.path;
  return event;
}

describe('pre-warm API', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it.each([
    ['no token', request('post-prewarm-no-token'), 0],
    ['a wrong token', request('post-prewarm', { authorization: 'Bearer not-the-token-0123456789' }), 1],
    ['another scheme', request('post-prewarm', { authorization: `Basic ${TOKEN}` }), 0],
  ])('answers 401 with %s and calls no Scheduler API', async (_name, event, ssmReads) => {
    const t = await app();
    restore = t.output.restore;
    const res = await t.invoke(event);
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(t.scheduler.calls()).toHaveLength(0);
    expect(t.ssm.commandCalls(GetParameterCommand)).toHaveLength(ssmReads);
    expect(t.output.metric('PrewarmUnauthorized')).toBe(1);
  });

  it('creates a one-time schedule that wakes the group the lead time before the start', async () => {
    const t = await app();
    restore = t.output.restore;
    t.scheduler.on(CreateScheduleCommand).resolves({});

    const res = await t.invoke(request('post-prewarm'));

    expect(res.statusCode).toBe(201);
    expect(res.json).toEqual({ id: 'prewarm-20261127T080000Z', start: '2026-11-27T08:00:00.000Z', wakeAt: '2026-11-27T07:50:00.000Z', created: true });
    expect(t.scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input)).toEqual([{
      Name: 'prewarm-20261127T080000Z',
      GroupName: 'jitsi-controller',
      ScheduleExpression: 'at(2026-11-27T08:50:00)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: 'Pre-warm for a meeting at 2026-11-27T08:00:00.000Z (API)',
      Target: {
        Arn: PREWARM_ARN,
        RoleArn: 'arn:aws:iam::123456789012:role/jitsi-scheduler',
        Input: '{"action":"prewarm","id":"prewarm-20261127T080000Z","start":"2026-11-27T08:00:00.000Z","wakeAt":"2026-11-27T07:50:00.000Z"}',
      },
    }]);
    expect(t.group.calls).toHaveLength(0);
    expect(t.output.metric('PrewarmsScheduled')).toBe(1);
  });

  it('answers 200 created:false when the same meeting is pre-warmed twice', async () => {
    const t = await app();
    restore = t.output.restore;
    t.scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    const res = await t.invoke(request('post-prewarm'));
    expect(res.statusCode).toBe(200);
    expect(res.json.created).toBe(false);
  });

  it.each([
    ['a past time', { start: '2026-11-26T11:59:00Z' }, /in the past/],
    ['a time without offset', { start: '2026-11-27T09:00:00' }, /UTC offset/],
    ['a malformed time', { start: 'tomorrow 9am' }, /not an ISO 8601 time/],
    ['an impossible date', { start: '2026-11-31T09:00:00Z' }, /not a valid date/],
    ['a time too far ahead', { start: '2026-12-27T12:00:01Z' }, /more than 30 days ahead/],
    ['no start', { begin: '2026-11-27T09:00:00Z' }, /a time is required/],
    ['a non-object body', ['2026-11-27T09:00:00Z'], /a time is required/],
  ])('answers 400 for %s, without calling Scheduler', async (_name, body, message) => {
    const t = await app();
    restore = t.output.restore;
    const res = await t.invoke(request('post-prewarm', { body }));
    expect(res.statusCode).toBe(400);
    expect(res.json.error).toMatch(message);
    expect(t.scheduler.calls()).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON and 415 for another content type', async () => {
    const t = await app();
    restore = t.output.restore;
    const broken = request('post-prewarm');
    broken.body = '{start:';
    expect((await t.invoke(broken)).statusCode).toBe(400);
    const form = request('post-prewarm');
    form.headers['content-type'] = 'application/x-www-form-urlencoded';
    expect((await t.invoke(form)).statusCode).toBe(415);
    expect(t.scheduler.calls()).toHaveLength(0);
  });

  it('echoes an invalid start back capped (60 KB in, a short message out)', async () => {
    const t = await app();
    restore = t.output.restore;
    const res = await t.invoke(request('post-prewarm', { body: { start: 'x'.repeat(60 * 1024) } }));
    expect(res.statusCode).toBe(400);
    expect(res.json).toEqual({ error: `start: "${'x'.repeat(64)}…" (61440 characters) is not an ISO 8601 time with a UTC offset` });
    expect((res.body as string).length).toBeLessThan(200);
    expect(t.scheduler.calls()).toHaveLength(0);
  });

  it('wakes the group at once when the meeting starts within the lead time', async () => {
    const t = await app();
    restore = t.output.restore;
    const res = await t.invoke(request('post-prewarm', { body: { start: '2026-11-26T12:05:00Z' } }));
    expect(res.statusCode).toBe(202);
    expect(res.json).toMatchObject({ wokeNow: true, start: '2026-11-26T12:05:00.000Z' });
    expect(t.group.calls.filter((c) => c.op === 'wake')).toHaveLength(2);
    expect(t.scheduler.calls()).toHaveLength(0);
  });

  it('lists pre-warms with ListSchedules in the group, prefix prewarm-', async () => {
    const t = await app();
    restore = t.output.restore;
    t.scheduler.on(ListSchedulesCommand).resolves({ Schedules: [
      { Name: 'prewarm-20261201T140000Z', State: 'ENABLED', Target: { Arn: PREWARM_ARN } },
      { Name: 'prewarm-20261127T080000Z', State: 'ENABLED', Target: { Arn: PREWARM_ARN } },
    ] });
    const res = await t.invoke(request('get-prewarm'));
    expect(res.statusCode).toBe(200);
    expect(res.json.prewarms).toEqual([
      { id: 'prewarm-20261127T080000Z', start: '2026-11-27T08:00:00.000Z', wakeAt: '2026-11-27T07:50:00.000Z', state: 'ENABLED' },
      { id: 'prewarm-20261201T140000Z', start: '2026-12-01T14:00:00.000Z', wakeAt: '2026-12-01T13:50:00.000Z', state: 'ENABLED' },
    ]);
    expect(t.scheduler.commandCalls(ListSchedulesCommand)[0]!.args[0].input).toEqual({ GroupName: 'jitsi-controller', NamePrefix: 'prewarm-', NextToken: undefined });
  });

  it('cancels with DeleteSchedule; never touches a schedule that is not a pre-warm', async () => {
    const t = await app();
    restore = t.output.restore;
    t.scheduler.on(DeleteScheduleCommand).resolves({});
    const res = await t.invoke(request('delete-prewarm'));
    expect(res.statusCode).toBe(200);
    expect(res.json).toEqual({ cancelled: 'prewarm-20261127T080000Z' });
    expect(t.scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({ Name: 'prewarm-20261127T080000Z', GroupName: 'jitsi-controller' });

    const foreign = await t.invoke(request('delete-prewarm', { path: '/api/prewarm/power-down-recheck-20261127T020000Z-1' }));
    expect(foreign.statusCode).toBe(400);
    expect(t.scheduler.commandCalls(DeleteScheduleCommand)).toHaveLength(1);
  });

  it('reads the token from SSM once per container TTL', async () => {
    const t = await app();
    restore = t.output.restore;
    t.scheduler.on(ListSchedulesCommand).resolves({ Schedules: [] });
    await t.invoke(request('get-prewarm'));
    await t.invoke(request('get-prewarm'));
    expect(t.ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
  });

  it('serves the same API under /_stz/prewarm, with locations under that prefix', async () => {
    const t = await app();
    restore = t.output.restore;
    t.scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-central-1:123456789012:schedule/jitsi-controller/x' });
    const res = await t.invoke(request('post-prewarm', { path: '/_stz/prewarm', body: { start: '2026-11-27T09:00:00+01:00' } }));
    expect(res.statusCode).toBe(201);
    expect(res.headers?.location).toBe('/_stz/prewarm/prewarm-20261127T080000Z');
  });

  it('is not served by the wake function, which never loads SSM or Scheduler', async () => {
    const { clock, controller } = await controllerSetup({ awake: false, now: '2026-11-26T12:00:00Z' });
    const { wake: config } = loadWakeFunctionConfig(ENV);
    const wake = createWakeHandler({ controller, config, clock, logger, metrics });
    const output = captureOutput();
    restore = output.restore;
    const res = await wake(request('get-prewarm'), lambdaContext('wake'));
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body!).error).toMatch(/its own function/);
  });

  it('refuses to start without PREWARM_TOKEN_PARAMETER, naming it', () => {
    const { PREWARM_TOKEN_PARAMETER: _off, ...env } = ENV;
    expect(() => loadPrewarmApiFunctionConfig(env)).toThrow(/PREWARM_TOKEN_PARAMETER is required/);
  });
});
