import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { ProbeActivitySource } from '../../shared/adapters/aws/probe-activity-source.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import type { RunningTaskInfo } from '../../shared/domain/activity-ports.js';
import { AllReadinessProbes, BridgeReadinessProbe } from '../../shared/domain/bridge-readiness.js';
import { GroupController } from '../../shared/domain/controller.js';
import { parseJicofoStats } from '../../shared/domain/jitsi-stats.js';
import { answer } from '../idle/support.js';
import { members, settings } from './support.js';

const TASKS: RunningTaskInfo[] = [{ member: 'jitsi/web', privateIp: '10.0.1.23', startedAt: new Date('2026-11-26T11:00:00Z') }];
const tasks = { runningTasks: async () => TASKS };
const lambda = mockClient(LambdaClient);
afterEach(() => lambda.reset());
afterAll(() => lambda.restore());

/** The probe function answering with Jicofo's /stats fixture `file` for the web task. */
function probeAnswers(file: string) {
  const jicofo = parseJicofoStats(answer(file));
  lambda.on(InvokeCommand).resolves({
    Payload: new TextEncoder().encode(JSON.stringify({ ok: true, readings: [{ member: 'jitsi/web', ip: '10.0.1.23', jicofo, jvb: { ok: false, reason: '/colibri/stats: HTTP 404' } }] })),
  } as never);
  return new ProbeActivitySource(new LambdaClient({ region: 'eu-west-1' }), 'jitsi-probe');
}

describe('readiness needs an operational bridge (when the probe is configured)', () => {
  it('Jicofo with operational_bridge_count 0 → not ready; with 1 → ready; the probe is invoked with the task IPs', async () => {
    expect(await new BridgeReadinessProbe(tasks, probeAnswers('jicofo-no-bridge.json')).check()).toEqual({ ok: false, detail: 'Jicofo has no operational bridge yet' });
    expect(await new BridgeReadinessProbe(tasks, probeAnswers('jicofo-idle.json')).check()).toEqual({ ok: true, detail: '1 operational bridge(s)' });
    expect(lambda.commandCalls(InvokeCommand)[0]!.args[0].input).toEqual({
      FunctionName: 'jitsi-probe', InvocationType: 'RequestResponse', Payload: JSON.stringify({ targets: [{ member: 'jitsi/web', ip: '10.0.1.23' }] }),
    });
  });

  it('Jicofo unreachable (REST bound to 127.0.0.1: connection refused) → not ready, and the detail says why', async () => {
    lambda.on(InvokeCommand).resolves({
      Payload: new TextEncoder().encode(JSON.stringify({ ok: true, readings: [{ member: 'jitsi/web', ip: '10.0.1.23', jicofo: { ok: false, reason: '/stats: connection refused' }, jvb: { ok: false, reason: '/colibri/stats: connection refused' } }] })),
    } as never);
    const check = await new BridgeReadinessProbe(tasks, new ProbeActivitySource(new LambdaClient({ region: 'eu-west-1' }), 'jitsi-probe')).check();
    expect(check).toEqual({ ok: false, detail: 'Jicofo stats unreadable (jitsi/web 10.0.1.23: /stats: connection refused)' });
  });

  it('the controller stays "waking" while the URL answers but no bridge is there', async () => {
    const clock = new ManualClock();
    const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 1000, stopDelayMs: 1000, healthChecks: true });
    const probe = new AllReadinessProbes([new FixedProbe(true), new BridgeReadinessProbe(tasks, probeAnswers('jicofo-no-bridge.json'))]);
    const controller = new GroupController(group, probe, clock, { ...settings, probeSuccessesRequired: 1, probeIntervalMs: 0 });
    await controller.wake('test');
    clock.advance(60_000);
    const status = await controller.status();
    expect(status).toMatchObject({ phase: 'waking', message: expect.stringMatching(/no operational bridge/) });
  });

  it('the first failing probe decides; later ones are not asked', async () => {
    let asked = 0;
    const second = { check: async () => { asked += 1; return { ok: true, detail: 'x' }; } };
    expect(await new AllReadinessProbes([new FixedProbe(false), second]).check()).toMatchObject({ ok: false });
    expect(asked).toBe(0);
  });
});
