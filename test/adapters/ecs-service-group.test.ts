import { DescribeServicesCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { EcsServiceGroup } from '../../shared/adapters/aws/ecs-service-group.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';
import { arnOf, fakeAws, scalableTarget } from './ecs-fake.js';

const refs = (...texts: string[]) => texts.map((t) => parseMemberRef(t) as MemberRef);

function build(fake: ReturnType<typeof fakeAws>, members: MemberRef[], workingMinTasks = 1) {
  return new EcsServiceGroup(members, fake.ecsClient, fake.autoscalingClient, { workingMinTasks });
}

describe('EcsServiceGroup wake and sleep (Application Auto Scaling interlock)', () => {
  let fake: ReturnType<typeof fakeAws>;
  afterEach(() => fake.restore());

  it('wake: DescribeScalableTargets → RegisterScalableTarget (working minimum, scale-in suspended) → UpdateService 1', async () => {
    fake = fakeAws([{ cluster: 'jitsi', name: 'web' }], [scalableTarget('jitsi', 'web', 0, 2)]);
    const group = build(fake, refs('jitsi/web'));
    const [web] = await group.describe();
    fake.log.length = 0;
    await group.wakeMember(web!);
    expect(fake.log).toEqual(['DescribeScalableTargets', 'RegisterScalableTarget', 'UpdateService']);
    expect(fake.autoscaling.commandCalls(DescribeScalableTargetsCommand)[0]!.args[0].input).toEqual({
      ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceIds: ['service/jitsi/web'],
    });
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]!.args[0].input).toEqual({
      ServiceNamespace: 'ecs', ResourceId: 'service/jitsi/web', ScalableDimension: 'ecs:service:DesiredCount',
      MinCapacity: 1, SuspendedState: { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
    });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({ cluster: 'jitsi', service: 'web', desiredCount: 1 });
  });

  it('sleep: RegisterScalableTarget MinCapacity 0 before UpdateService 0', async () => {
    fake = fakeAws([{ cluster: 'jitsi', name: 'web', desired: 1, running: 1 }], [scalableTarget('jitsi', 'web')]);
    const group = build(fake, refs('jitsi/web'));
    await group.sleepMember((await group.describe())[0]!);
    expect(fake.log.filter((c) => c !== 'ListTasks')).toEqual(['DescribeServices', 'DescribeScalableTargets', 'RegisterScalableTarget', 'UpdateService']);
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]!.args[0].input).toMatchObject({ ResourceId: 'service/jitsi/web', MinCapacity: 0 });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({ cluster: 'jitsi', service: 'web', desiredCount: 0 });
  });

  it('services without a scalable target get only UpdateService, in both directions', async () => {
    fake = fakeAws([{ cluster: 'jitsi', name: 'jvb' }], []);
    const group = build(fake, refs('jitsi/jvb'));
    const [jvb] = await group.describe();
    await group.wakeMember(jvb!);
    await group.sleepMember({ ...jvb!, desired: 1 });
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand)).toHaveLength(0);
    expect(fake.ecs.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input.desiredCount)).toEqual([1, 0]);
  });

  it('never lowers a desired count of 3 and caps the working minimum at MaxCapacity', async () => {
    fake = fakeAws([{ cluster: 'jitsi', name: 'web', desired: 3, running: 3 }], [scalableTarget('jitsi', 'web', 0, 2)]);
    const group = build(fake, refs('jitsi/web'), 5);
    await group.wakeMember({ ...(await group.describe())[0]! });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input.desiredCount).toBe(3);
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]!.args[0].input.MinCapacity).toBe(2);
  });

  it("writes all three SuspendedState flags, keeping the operator's scale-out and scheduled choices, in both directions", async () => {
    const suspended = { ...scalableTarget('jitsi', 'web', 0, 2), SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true } };
    fake = fakeAws([{ cluster: 'jitsi', name: 'web' }], [suspended]);
    const group = build(fake, refs('jitsi/web'));
    const [web] = await group.describe();
    await group.wakeMember(web!);
    await group.sleepMember({ ...web!, desired: 1 });
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand).map((c) => c.args[0].input.SuspendedState)).toEqual([
      { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true },
      { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true },
    ]);
  });

  it('wake raises desired to the working minimum (2), capped by MaxCapacity, never lowering', async () => {
    fake = fakeAws([{ cluster: 'jitsi', name: 'web' }, { cluster: 'jitsi', name: 'jvb' }], [scalableTarget('jitsi', 'web', 0, 4)]);
    const group = build(fake, refs('jitsi/web', 'jitsi/jvb'), 2);
    const [web, jvb] = await group.describe();
    await group.wakeMember(web!);
    await group.wakeMember(jvb!);
    await group.wakeMember({ ...web!, desired: 3 });
    expect(fake.ecs.commandCalls(UpdateServiceCommand).map((c) => [c.args[0].input.service, c.args[0].input.desiredCount])).toEqual([['web', 2], ['jvb', 2], ['web', 3]]);
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]!.args[0].input.MinCapacity).toBe(2);
  });

  it('looks the scalable targets up once for the whole group and reuses them', async () => {
    fake = fakeAws([{ cluster: 'jitsi', name: 'web' }, { cluster: 'jitsi', name: 'jvb' }], [scalableTarget('jitsi', 'web')]);
    const group = build(fake, refs('jitsi/web', 'jitsi/jvb'));
    const members = await group.describe();
    await Promise.all(members.map((m) => group.wakeMember(m)));
    await group.sleepMember({ ...members[0]!, desired: 1 });
    expect(fake.autoscaling.commandCalls(DescribeScalableTargetsCommand)).toHaveLength(1);
    expect(fake.autoscaling.commandCalls(DescribeScalableTargetsCommand)[0]!.args[0].input.ResourceIds).toEqual(['service/jitsi/web', 'service/jitsi/jvb']);
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand).map((c) => c.args[0].input.ResourceId)).toEqual(['service/jitsi/web', 'service/jitsi/web']);
  });

  it('does not cache a failed scalable target lookup, and changes nothing when it fails', async () => {
    fake = fakeAws([{ cluster: 'jitsi', name: 'web' }], [scalableTarget('jitsi', 'web')]);
    fake.autoscaling.on(DescribeScalableTargetsCommand).rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ ScalableTargets: [scalableTarget('jitsi', 'web')] });
    const group = build(fake, refs('jitsi/web'));
    const [web] = await group.describe();
    await expect(group.wakeMember(web!)).rejects.toThrow('Rate exceeded');
    const updatesAfterFailure = fake.ecs.commandCalls(UpdateServiceCommand).length;
    await group.wakeMember(web!);
    expect(updatesAfterFailure).toBe(0);
    expect(fake.autoscaling.commandCalls(DescribeScalableTargetsCommand)).toHaveLength(2);
    expect(fake.ecs.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it('uses ARN members as given for ECS and as service/<cluster>/<name> for autoscaling', async () => {
    const arn = arnOf('jitsi-cluster', 'jitsi-web');
    fake = fakeAws([{ cluster: 'jitsi-cluster', name: 'jitsi-web' }], [scalableTarget('jitsi-cluster', 'jitsi-web')]);
    const group = build(fake, refs(arn));
    const [web] = await group.describe();
    await group.wakeMember(web!);
    expect(web).toMatchObject({ exists: true, ref: { id: 'jitsi-cluster/jitsi-web' } });
    expect(fake.ecs.commandCalls(DescribeServicesCommand)[0]!.args[0].input).toEqual({ cluster: 'jitsi-cluster', services: [arn] });
    expect(fake.ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({ cluster: 'jitsi-cluster', service: arn, desiredCount: 1 });
    expect(fake.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]!.args[0].input.ResourceId).toBe('service/jitsi-cluster/jitsi-web');
  });
});
