import { DescribeServicesCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { EcsServiceGroup } from '../../shared/adapters/aws/ecs-service-group.js';
import { memberViews } from '../../shared/domain/group-state.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';
import { groupSection, statusLines, type StatusContext } from '../../local/ctl-status.js';
import { arnOf } from './ecs-fake.js';

const ecs = mockClient(ECSClient);
afterAll(() => ecs.restore());

/** A deploy while a meeting runs starts a canary task on Express Mode: `ctl status` must say so. */
describe('deployment in progress', () => {
  const group = new EcsServiceGroup(['c/jitsi', 'c/calm', 'c/rolling'].map((t) => parseMemberRef(t) as MemberRef),
    new ECSClient({ region: 'eu-central-1' }), new ApplicationAutoScalingClient({ region: 'eu-central-1' }), { workingMinTasks: 1 });
  const svc = (name: string, deployments: object[]) => ({ serviceArn: arnOf('c', name), serviceName: name, status: 'ACTIVE', desiredCount: 1, runningCount: 1, pendingCount: 0, deployments });

  it('is read from DescribeServices deployments and rolloutState, and shown by ctl status', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [
      svc('jitsi', [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }, { status: 'ACTIVE', rolloutState: 'COMPLETED' }]),
      svc('calm', [{ status: 'PRIMARY', rolloutState: 'COMPLETED' }]),
      svc('rolling', [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }]),
    ] });
    ecs.on(ListTasksCommand).resolves({ taskArns: [] });

    const members = await group.describe();

    expect(members.map((m) => m.deploying)).toEqual([true, false, true]);
    const views = memberViews(members);
    expect(views[1]).not.toHaveProperty('deploying');
    const lines = statusLines({ phase: 'ready', message: 'Ready.', members: views, retryable: false, checkedAt: '2026-11-29T05:00:00Z' });
    expect(lines[1]).toMatch(/c\/jitsi .*DEPLOYMENT IN PROGRESS/);
    expect(lines[2]).not.toMatch(/DEPLOYMENT/);
    // `ctl status` prints the group section, which must carry the same warning (it once rebuilt the lines without it).
    const section = await groupSection({ status: { phase: 'ready', message: 'Ready.', members: views, retryable: false, checkedAt: '2026-11-29T05:00:00Z' } } as StatusContext);
    expect(section?.lines[1]).toMatch(/c\/jitsi .*DEPLOYMENT IN PROGRESS/);
  });
});
