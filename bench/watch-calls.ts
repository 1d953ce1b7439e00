import './quiet.js';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { EcsServiceGroup } from '../shared/adapters/aws/ecs-service-group.js';
import { ProbeActivitySource } from '../shared/adapters/aws/probe-activity-source.js';
import { CloudWatchGroupMetrics } from '../shared/adapters/aws/cloudwatch-group-metrics.js';
import { CloudWatchAlarmControl, CloudWatchParticipantHistory, CloudWatchWakeLedger } from '../shared/adapters/aws/cloudwatch-history.js';
import { FixedProbe } from '../shared/adapters/memory/simulated-group.js';
import { GroupController } from '../shared/domain/controller.js';
import { parseMemberRef, systemClock, type MemberRef } from '../shared/domain/service-group.js';
import { loadWakeConfig } from '../shared/config/core-config.js';
import { controllerEvents, logger, metrics } from '../shared/observability.js';
import { createWatchHandler } from '../functions/watch/handler.js';
import { createIdleShutdownHandler } from '../functions/idle-shutdown/handler.js';
import { lambdaContext } from '../local/lambda-context.js';
import { CallCounter, stubClient, type Responder } from './call-counter.js';
import { fakeAutoScaling, fakeEcs } from './fake-aws.js';

const SERVICES = ['jitsi-web', 'jitsi-jvb'];
const members = SERVICES.map((s) => parseMemberRef(`jitsi/${s}`) as MemberRef);
const creds = { region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } };

/** The probe function's answer: the given participants on Jicofo for every target it was asked about. */
function fakeLambda(participants: number): Responder {
  return (command, input) => {
    if (command !== 'Invoke') throw new Error(`fake Lambda has no answer for ${command}`);
    const raw = input.Payload;
    const { targets } = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw as Uint8Array)) as { targets: Array<{ member: string; ip: string }> };
    const reading = { ok: true, participants, conferences: participants > 0 ? 1 : 0, recording: false };
    const readings = targets.map((t) => ({ ...t, jicofo: reading, jvb: reading }));
    return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify({ ok: true, readings })) };
  };
}

const fakeCloudWatch: Responder = (command, input) => {
  if (command === 'PutMetricData' || command === 'SetAlarmState') return {};
  if (command === 'GetMetricData') {
    const queries = input.MetricDataQueries as Array<{ Id: string }>;
    return { MetricDataResults: queries.map((q) => ({ Id: q.Id, StatusCode: 'Complete', Values: [0], Timestamps: [new Date()] })) };
  }
  throw new Error(`fake CloudWatch has no answer for ${command}`);
};

function aws(participants: number) {
  const counter = new CallCounter();
  const ecsFake = fakeEcs('jitsi', SERVICES);
  const ecs = stubClient(new ECSClient(creds), counter, ecsFake.respond);
  const aas = stubClient(new ApplicationAutoScalingClient(creds), counter, fakeAutoScaling('jitsi', SERVICES));
  const cloudwatch = stubClient(new CloudWatchClient(creds), counter, fakeCloudWatch);
  const lambda = stubClient(new LambdaClient(creds), counter, fakeLambda(participants));
  const group = new EcsServiceGroup(members, ecs, aas, { workingMinTasks: 1 });
  return { counter, ecsFake, group, cloudwatch, lambda };
}

/** AWS calls of one watcher run (warm container: task definitions already cached) while awake or asleep. */
export async function watcherCalls(awake: boolean): Promise<Record<string, number>> {
  const { counter, ecsFake, group, cloudwatch, lambda } = aws(2);
  if (awake) for (const s of SERVICES) ecsFake.desired.set(s, 1);
  const handler = createWatchHandler({
    group, source: new ProbeActivitySource(lambda, 'jitsi-probe'), publisher: new CloudWatchGroupMetrics(cloudwatch, 'JitsiScaleToZero', 'jitsi'),
    clock: systemClock, logger, metrics,
  });
  await handler({ action: 'watch' }, lambdaContext('watch'));
  counter.reset();
  await handler({ action: 'watch' }, lambdaContext('watch'));
  return counter.snapshot();
}

/** AWS calls of one idle shutdown that stops the group (empty-room alarm, nobody there, grace passed). */
export async function idleShutdownCalls(): Promise<{ calls: Record<string, number>; action: string }> {
  const { counter, ecsFake, group, cloudwatch, lambda } = aws(0);
  for (const s of SERVICES) ecsFake.desired.set(s, 1);
  const config = loadWakeConfig({ SERVICE_GROUP: SERVICES.map((s) => `jitsi/${s}`).join(','), MEETING_BASE_URL: 'https://meet.example.com' });
  const controller = new GroupController(group, new FixedProbe(true), systemClock, config.controller, controllerEvents());
  const handler = createIdleShutdownHandler({
    group, source: new ProbeActivitySource(lambda, 'jitsi-probe'), controller, clock: systemClock,
    ledger: new CloudWatchWakeLedger(cloudwatch, 'JitsiScaleToZero', 'jitsi-scale-to-zero'),
    history: new CloudWatchParticipantHistory(cloudwatch, 'JitsiScaleToZero', 'jitsi'),
    alarms: new CloudWatchAlarmControl(cloudwatch),
    settings: { noJoinMs: 10 * 60_000, emptyMs: 15 * 60_000, graceMs: 5 * 60_000 },
    noJoinAlarmName: 'jitsi-no-join', emptyAlarmName: 'jitsi-empty-room', logger, metrics,
  });
  const now = new Date().toISOString().replace('Z', '+0000');
  const event = {
    source: 'aws.cloudwatch', alarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:jitsi-empty-room', accountId: '123456789012', time: now, region: 'eu-west-1',
    alarmData: { alarmName: 'jitsi-empty-room', state: { value: 'ALARM', reason: 'bench', timestamp: now }, previousState: { value: 'OK', reason: 'bench', timestamp: now }, configuration: { metrics: [] } },
  };
  const context = { ...lambdaContext('idle-shutdown'), invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:idle-shutdown' };
  const result = await handler(event, context);
  const outcome = result as { stopped?: string[]; decision?: unknown; action?: string };
  return { calls: counter.snapshot(), action: outcome.stopped?.length ? 'stopped' : JSON.stringify(outcome.decision ?? outcome) };
}
