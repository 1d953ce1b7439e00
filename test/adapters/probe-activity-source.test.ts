import { InvokeCommand, LambdaClient, type InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { ProbeActivitySource } from '../../shared/adapters/aws/probe-activity-source.js';

const lambda = mockClient(LambdaClient);
const source = () => new ProbeActivitySource(new LambdaClient({ region: 'eu-west-1' }), 'jitsi-probe');
const payload = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)) as InvokeCommandOutput['Payload'];
const tasks = [
  { member: 'jitsi/web', privateIp: '10.0.1.23', startedAt: new Date() },
  { member: 'jitsi/jvb', privateIp: '10.0.2.41', startedAt: new Date() },
];
const zero = { ok: true, participants: 0, conferences: 0, recording: false };
const refused = { ok: false, reason: 'connection refused' };
const readings = (webParticipants: number) => ({
  ok: true,
  readings: [
    { member: 'jitsi/web', ip: '10.0.1.23', jicofo: { ...zero, participants: webParticipants, conferences: webParticipants > 0 ? 1 : 0 }, jvb: refused },
    { member: 'jitsi/jvb', ip: '10.0.2.41', jicofo: refused, jvb: zero },
  ],
});

beforeEach(() => lambda.reset());
afterAll(() => lambda.restore());

describe('ProbeActivitySource (Lambda Invoke of the in-VPC probe)', () => {
  it('invokes the probe once, synchronously, with every task IP, and combines the readings', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload(readings(1)) });
    expect(await source().read(tasks)).toEqual({ kind: 'known', participants: 1, conferences: 1, recording: false });
    expect(lambda.calls()).toHaveLength(1);
    expect(lambda.commandCalls(InvokeCommand)[0]!.args[0].input).toEqual({
      FunctionName: 'jitsi-probe',
      InvocationType: 'RequestResponse',
      Payload: JSON.stringify({ targets: [{ member: 'jitsi/web', ip: '10.0.1.23' }, { member: 'jitsi/jvb', ip: '10.0.2.41' }] }),
    });
  });

  it('an idle group reads as known zero', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload(readings(0)) });
    expect(await source().read(tasks)).toEqual({ kind: 'known', participants: 0, conferences: 0, recording: false });
  });

  it.each([
    ['a function error', { StatusCode: 200, FunctionError: 'Unhandled', Payload: payload({ errorMessage: 'Task timed out after 10.00 seconds' }) }, /probe function error \(Unhandled\): .*timed out/],
    ['a refusal', { StatusCode: 200, Payload: payload({ ok: false, error: 'targets[0].ip is not a private IPv4 address' }) }, /refused the request/],
    ['no JSON', { StatusCode: 200, Payload: payload('oops') }, /no JSON/],
    ['readings for other IPs', { StatusCode: 200, Payload: payload({ ok: true, readings: [] }) }, /does not match/],
  ])('%s → unknown', async (_name, output, reason) => {
    lambda.on(InvokeCommand).resolves(output);
    expect(await source().read(tasks)).toEqual({ kind: 'unknown', reason: expect.stringMatching(reason) });
  });

  it('an Invoke error (throttling, permissions) → unknown, not thrown', async () => {
    lambda.on(InvokeCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    expect(await source().read(tasks)).toEqual({ kind: 'unknown', reason: expect.stringMatching(/invoke probe failed: AWS is throttling/) });
  });

  it('tasks without a private IP are unreadable and are not sent to the probe', async () => {
    const odd = [{ member: 'jitsi/web' }, { member: 'jitsi/jvb', privateIp: '52.1.2.3' }];
    expect(await source().read(odd)).toEqual({ kind: 'unknown', reason: expect.stringMatching(/no private IP.*IP outside the private ranges/) });
    expect(lambda.calls()).toHaveLength(0);
  });

  it('one task without an IP keeps zero unknown, but not a live meeting', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ ok: true, readings: [readings(2).readings[0]] }) });
    const mixed = [tasks[0]!, { member: 'jitsi/jvb' }];
    expect(await source().read(mixed)).toMatchObject({ kind: 'known', participants: 2 });
    lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: payload({ ok: true, readings: [readings(0).readings[0]] }) });
    expect((await source().read(mixed)).kind).toBe('unknown');
  });
});
