import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { EcsServiceGroup } from '../../shared/adapters/aws/ecs-service-group.js';
import { FixedProbe, ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';
import { GroupController } from '../../shared/domain/controller.js';
import { fakeAws, scalableTarget } from './ecs-fake.js';

/** The production defaults (STATUS_CACHE_MS 2000 etc.), a cold container, a 2-member group with scalable targets. */
function coldContainer(webDesired = 0) {
  const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: 'https://meet.example.org' });
  const fake = fakeAws(
    [{ cluster: 'jitsi', name: 'web', desired: webDesired, running: webDesired }, { cluster: 'jitsi', name: 'jvb' }],
    [scalableTarget('jitsi', 'web', 0, 2), scalableTarget('jitsi', 'jvb', 0, 1)],
  );
  const group = new EcsServiceGroup(config.members, fake.ecsClient, fake.autoscalingClient, { workingMinTasks: config.workingMinTasks });
  const controller = new GroupController(group, new FixedProbe(true), new ManualClock(), config.controller);
  return { fake, controller };
}

function countBy(log: string[]): Record<string, number> {
  return log.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});
}

describe('AWS calls per wake (issue 2 closing note)', () => {
  let fake: ReturnType<typeof fakeAws>;
  afterEach(() => fake.restore());

  it('one wake of a 2-member group with scalable targets', async () => {
    const container = coldContainer();
    fake = container.fake;
    const result = await container.controller.wake();
    expect(result.scaledUp).toEqual(['jitsi/web', 'jitsi/jvb']);
    expect(countBy(fake.log)).toEqual({ DescribeServices: 1, DescribeScalableTargets: 1, RegisterScalableTarget: 2, UpdateService: 2 });
    expect(fake.total()).toBe(6);
  });

  it('50 concurrent wakes cost the same as one', async () => {
    const container = coldContainer();
    fake = container.fake;
    const results = await Promise.all(Array.from({ length: 50 }, () => container.controller.wake()));
    expect(results.every((r) => r.status.phase === 'waking')).toBe(true);
    expect(countBy(fake.log)).toEqual({ DescribeServices: 1, DescribeScalableTargets: 1, RegisterScalableTarget: 2, UpdateService: 2 });
    expect(fake.total()).toBe(6);
  });

  it('wake leaves a desired count of 3 alone and scales up only the member at zero', async () => {
    const container = coldContainer(3);
    fake = container.fake;
    await container.controller.wake();
    expect(fake.ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([{ cluster: 'jitsi', service: 'jvb', desiredCount: 1 }]);
    expect(fake.state.get('arn:aws:ecs:eu-central-1:123456789012:service/jitsi/web')!.desired).toBe(3);
  });
});
