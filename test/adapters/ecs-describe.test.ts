import {
  DescribeServicesCommand, DescribeTaskDefinitionCommand, DescribeTasksCommand, ECSClient, ListTasksCommand, type Task,
} from '@aws-sdk/client-ecs';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { EcsServiceGroup } from '../../shared/adapters/aws/ecs-service-group.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';
import { arnOf } from './ecs-fake.js';

const ecs = mockClient(ECSClient);
const refs = (...texts: string[]) => texts.map((t) => parseMemberRef(t) as MemberRef);
const group = (...texts: string[]) =>
  new EcsServiceGroup(refs(...texts), new ECSClient({ region: 'eu-central-1' }), new ApplicationAutoScalingClient({ region: 'eu-central-1' }), { workingMinTasks: 1 });
const service = (cluster: string, name: string, desired: number, running = desired, extra = {}) => ({
  serviceArn: arnOf(cluster, name), serviceName: name, status: 'ACTIVE', desiredCount: desired, runningCount: running, pendingCount: desired - running, ...extra,
});
const taskArn = (cluster: string, id: string) => `arn:aws:ecs:eu-central-1:123456789012:task/${cluster}/${id}`;
const taskDef = (def: string) => `arn:aws:ecs:eu-central-1:123456789012:task-definition/${def}`;
const task = (cluster: string, id: string, def: string, fields: Partial<Task> = {}): Task => ({
  taskArn: taskArn(cluster, id), taskDefinitionArn: taskDef(def), lastStatus: 'RUNNING',
  attachments: [{ type: 'ElasticNetworkInterface', details: [{ name: 'privateIPv4Address', value: `10.0.1.${id.length}` }] }], ...fields,
});

beforeEach(() => ecs.reset());
afterAll(() => ecs.restore());

describe('EcsServiceGroup describe', () => {
  it('batches DescribeServices per cluster', async () => {
    ecs.on(DescribeServicesCommand, { cluster: 'a' }).resolves({ services: [service('a', 'web', 0), service('a', 'jvb', 0)] });
    ecs.on(DescribeServicesCommand, { cluster: 'b' }).resolves({ services: [service('b', 'turn', 0)] });
    const members = await group('a/web', 'b/turn', 'a/jvb').describe();
    expect(ecs.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'a', services: ['web', 'jvb'] }, { cluster: 'b', services: ['turn'] },
    ]);
    expect(members.map((m) => m.ref.id)).toEqual(['a/web', 'a/jvb', 'b/turn']);
  });

  it('maps counts, deployment state and missing or inactive services', async () => {
    const updatedAt = new Date('2026-11-26T11:58:00Z');
    ecs.on(DescribeServicesCommand).resolves({
      services: [
        service('c', 'web', 1, 0, { deployments: [{ status: 'ACTIVE', rolloutState: 'COMPLETED' }, { status: 'PRIMARY', rolloutState: 'FAILED', updatedAt }] }),
        service('c', 'old', 0, 0, { status: 'INACTIVE' }),
      ],
      failures: [{ arn: 'gone', reason: 'MISSING' }],
    });
    const [web, old, gone] = await group('c/web', 'c/old', 'c/gone').describe();
    expect(web).toMatchObject({ exists: true, desired: 1, running: 0, pending: 1, rolloutFailed: true, changedAt: updatedAt, health: 'NONE' });
    expect(old).toMatchObject({ exists: false });
    expect(gone).toMatchObject({ exists: false, desired: 0 });
    expect(ecs.commandCalls(ListTasksCommand)).toHaveLength(0); // not steady: no task lookups
  });

  it('reads container health from DescribeTasks, with DescribeTaskDefinition cached per task definition', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [service('c', 'web', 2), service('c', 'jvb', 1)] });
    ecs.on(ListTasksCommand, { serviceName: 'web' }).resolves({ taskArns: [taskArn('c', 'w1'), taskArn('c', 'w2')] });
    ecs.on(ListTasksCommand, { serviceName: 'jvb' }).resolves({ taskArns: [taskArn('c', 'j1')] });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [
      task('c', 'w1', 'web:7', { healthStatus: 'HEALTHY' }), task('c', 'w2', 'web:7', { healthStatus: 'HEALTHY' }),
      task('c', 'j1', 'jvb:3', { healthStatus: 'UNKNOWN' }),
    ] });
    ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: taskDef('web:7') })
      .resolves({ taskDefinition: { containerDefinitions: [{ name: 'web', healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/'] } }] } });
    ecs.on(DescribeTaskDefinitionCommand, { taskDefinition: taskDef('jvb:3') })
      .resolves({ taskDefinition: { containerDefinitions: [{ name: 'jvb' }] } });
    const adapter = group('c/web', 'c/jvb');
    const first = await adapter.describe();
    await adapter.describe();
    expect(first.map((m) => m.health)).toEqual(['HEALTHY', 'NONE']);
    expect(ecs.commandCalls(ListTasksCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'c', serviceName: 'web', desiredStatus: 'RUNNING' }, { cluster: 'c', serviceName: 'jvb', desiredStatus: 'RUNNING' },
      { cluster: 'c', serviceName: 'web', desiredStatus: 'RUNNING' }, { cluster: 'c', serviceName: 'jvb', desiredStatus: 'RUNNING' },
    ]);
    expect(ecs.commandCalls(DescribeTasksCommand)[0]!.args[0].input.tasks).toHaveLength(3); // one call per cluster
    expect(ecs.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(2); // two definitions, two describes
  });

  it('reports UNKNOWN until a health check has an answer, and ignores tasks that are not RUNNING', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [service('c', 'web', 1)] });
    ecs.on(ListTasksCommand).resolves({ taskArns: [taskArn('c', 'w1'), taskArn('c', 'w0')] });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [task('c', 'w1', 'web:8', { healthStatus: 'UNKNOWN' }), task('c', 'w0', 'web:8', { lastStatus: 'DEPROVISIONING', healthStatus: 'UNHEALTHY' })] });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'web', healthCheck: { command: ['CMD', 'true'] } }] } });
    const adapter = group('c/web');
    const [web] = await adapter.describe();
    const tasks = await adapter.runningTasks();
    expect(web!.health).toBe('UNKNOWN');
    expect(tasks).toEqual([expect.objectContaining({ member: 'c/web', taskArn: taskArn('c', 'w1'), privateIp: '10.0.1.2', health: 'UNKNOWN' })]);
  });

  it('follows ListTasks nextToken until the last page', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [service('c', 'web', 2)] });
    ecs.on(ListTasksCommand, { serviceName: 'web', desiredStatus: 'RUNNING' }).resolves({ taskArns: [taskArn('c', 'w1')], nextToken: 'page-2' });
    ecs.on(ListTasksCommand, { serviceName: 'web', desiredStatus: 'RUNNING', nextToken: 'page-2' }).resolves({ taskArns: [taskArn('c', 'w2')] });
    ecs.on(DescribeTasksCommand).resolves({ tasks: [task('c', 'w1', 'web:9'), task('c', 'w2', 'web:9')] });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'web' }] } });
    const tasks = await group('c/web').runningTasks();
    expect(ecs.commandCalls(ListTasksCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'c', serviceName: 'web', desiredStatus: 'RUNNING' },
      { cluster: 'c', serviceName: 'web', desiredStatus: 'RUNNING', nextToken: 'page-2' },
    ]);
    expect(ecs.commandCalls(DescribeTasksCommand)[0]!.args[0].input.tasks).toEqual([taskArn('c', 'w1'), taskArn('c', 'w2')]);
    expect(tasks.map((t) => t.taskArn)).toEqual([taskArn('c', 'w1'), taskArn('c', 'w2')]);
  });

  it('a DRAINING service (being deleted) is reported as such', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [service('c', 'web', 0, 0, { status: 'DRAINING' })] });
    const [web] = await group('c/web').describe();
    expect(web).toMatchObject({ exists: true, deleting: true, desired: 0 });
  });
});
