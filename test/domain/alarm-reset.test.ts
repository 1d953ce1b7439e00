import { CloudWatchClient, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { RecordingAlarmControl } from '../../shared/adapters/memory/activity-memory.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { EcsServiceGroup } from '../../shared/adapters/aws/ecs-service-group.js';
import { createController } from '../../shared/compose.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';
import { AlarmResettingGroup } from '../../shared/domain/alarm-reset.js';
import { GroupController } from '../../shared/domain/controller.js';
import { fakeAws } from '../adapters/ecs-fake.js';
import { members, settings } from './support.js';

const NAMES = ['jitsi-no-join', 'jitsi-empty-room'];

describe('idle alarms reset to OK on every wake and stop', () => {
  it('a wake resets both alarms once, however many members woke; a stop resets them again', async () => {
    const clock = new ManualClock();
    const alarms = new RecordingAlarmControl();
    const group = new AlarmResettingGroup(new SimulatedServiceGroup(members, clock, { startDelayMs: 1000, stopDelayMs: 1000, healthChecks: true }), alarms, NAMES);
    const controller = new GroupController(group, new FixedProbe(true), clock, settings);
    await controller.wake('test');
    expect(alarms.rearmed.map((r) => r.alarmName)).toEqual(NAMES);
    expect(alarms.rearmed[0]!.reason).toMatch(/^reset on wake of jitsi\/web/);
    await controller.sleep('test');
    expect(alarms.rearmed.map((r) => r.alarmName)).toEqual([...NAMES, ...NAMES]);
  });

  it('a failed reset never fails the wake: it is reported', async () => {
    const clock = new ManualClock();
    const alarms = new RecordingAlarmControl();
    alarms.rearm = async () => { throw new Error('AccessDenied'); };
    const reported: string[][] = [];
    const group = new AlarmResettingGroup(new SimulatedServiceGroup(members, clock, { startDelayMs: 1000, stopDelayMs: 1000, healthChecks: true }), alarms, NAMES, (f) => reported.push(f));
    const result = await new GroupController(group, new FixedProbe(true), clock, settings).wake('test');
    expect(result.scaledUp).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(reported[0]).toEqual(['jitsi-no-join: AccessDenied', 'jitsi-empty-room: AccessDenied']);
  });

  it('composition: with NO_JOIN_ALARM_NAME and EMPTY_ALARM_NAME set, a real wake sends SetAlarmState OK for both', async () => {
    const cloudwatch = mockClient(CloudWatchClient);
    cloudwatch.on(SetAlarmStateCommand).resolves({});
    const fake = fakeAws([{ cluster: 'jitsi', name: 'web' }]);
    try {
      const config = loadWakeConfig({
        SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'https://meet.example.org', AWS_REGION: 'eu-central-1',
        NO_JOIN_ALARM_NAME: 'jitsi-no-join', EMPTY_ALARM_NAME: 'jitsi-empty-room',
      });
      expect(config.idleAlarmNames).toEqual(NAMES);
      const group = new EcsServiceGroup(config.members, fake.ecsClient, fake.autoscalingClient, { workingMinTasks: 1 });
      await createController(config, {}, group, new FixedProbe(true)).wake('test');
      expect(cloudwatch.commandCalls(SetAlarmStateCommand).map((c) => c.args[0].input)).toEqual(NAMES.map((AlarmName) => ({
        AlarmName, StateValue: 'OK', StateReason: 'reset on wake of jitsi/web',
      })));
    } finally {
      cloudwatch.restore();
      fake.restore();
    }
  });
});
