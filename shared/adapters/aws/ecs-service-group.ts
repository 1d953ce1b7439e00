import {
  DescribeServicesCommand, DescribeTaskDefinitionCommand, UpdateServiceCommand,
  type ECSClient, type Task,
} from '@aws-sdk/client-ecs';
import {
  DescribeScalableTargetsCommand, RegisterScalableTargetCommand,
  type ApplicationAutoScalingClient, type ScalableTarget, type SuspendedState,
} from '@aws-sdk/client-application-auto-scaling';
import { serviceName, type Health, type MemberRef, type MemberSnapshot, type ServiceGroup } from '../../domain/service-group.js';
import type { TaskMilestones } from '../../domain/wake-timeline.js';
import { describeTaskMilestones } from './ecs-task-milestones.js';
import { describeServiceTasks } from './ecs-tasks.js';

const DIMENSION = 'ecs:service:DesiredCount';
const TARGET_CACHE_MS = 60_000;

export interface RunningTask {
  member: string;
  taskArn: string;
  privateIp?: string;
  startedAt?: Date;
  health: Health;
}

export interface EcsServiceGroupOptions {
  /** Autoscaling minimum restored on wake (Express Mode's min task count). */
  workingMinTasks: number;
}

/**
 * ECS adapter for the ServiceGroup port, with the Application Auto Scaling interlock from DESIGN.md:
 * autoscaling is adjusted *before* the desired count in both directions, so a failure leaves the
 * desired count untouched and the next call retries the whole step.
 */
export class EcsServiceGroup implements ServiceGroup {
  private targets?: { at: number; value: Promise<Map<string, ScalableTarget>> };
  private readonly taskDefHasHealthCheck = new Map<string, boolean>();

  constructor(
    readonly members: readonly MemberRef[],
    private readonly ecs: ECSClient,
    private readonly autoscaling: ApplicationAutoScalingClient,
    private readonly options: EcsServiceGroupOptions,
  ) {}

  async describe(): Promise<MemberSnapshot[]> {
    const snapshots = await this.describeServices();
    // Container health only matters once ECS counts are met; skip the extra calls otherwise.
    const steady = snapshots.filter((s) => s.exists && s.desired > 0 && s.running >= s.desired);
    if (steady.length > 0) {
      const tasks = await this.runningTasks(steady.map((s) => s.ref));
      for (const s of steady) s.health = combineHealth(tasks.filter((t) => t.member === s.ref.id).map((t) => t.health));
    }
    return snapshots;
  }

  /** Counts only (health left as NONE): one DescribeServices per cluster, for the watcher's asleep check. */
  async describeServices(): Promise<MemberSnapshot[]> {
    const byCluster = groupBy(this.members, (m) => m.cluster);
    const answers = await Promise.all(
      [...byCluster].map(([cluster, refs]) =>
        this.ecs.send(new DescribeServicesCommand({ cluster, services: refs.map((r) => r.service) })).then((out) => ({ refs, out })),
      ),
    );
    const snapshots: MemberSnapshot[] = [];
    for (const { refs, out } of answers) {
      for (const ref of refs) {
        const svc = out.services?.find((s) => s.serviceArn === ref.service || s.serviceName === ref.service);
        if (!svc || svc.status === 'INACTIVE') {
          snapshots.push({ ref, exists: false, desired: 0, running: 0, pending: 0, health: 'NONE', rolloutFailed: false });
          continue;
        }
        // DRAINING: the service is being deleted; UpdateService would fail on every wake.
        const deleting = svc.status === 'DRAINING' ? { deleting: true } : {};
        const primary = svc.deployments?.find((d) => d.status === 'PRIMARY');
        snapshots.push({
          ref,
          exists: true,
          desired: svc.desiredCount ?? 0,
          running: svc.runningCount ?? 0,
          pending: svc.pendingCount ?? 0,
          health: 'NONE',
          rolloutFailed: primary?.rolloutState === 'FAILED',
          deploying: (svc.deployments?.length ?? 0) > 1 || primary?.rolloutState === 'IN_PROGRESS',
          changedAt: primary?.updatedAt,
          ...deleting,
        });
      }
    }
    return snapshots;
  }

  async wakeMember(member: MemberSnapshot): Promise<void> {
    const target = (await this.scalableTargets()).get(resourceId(member.ref));
    // The working minimum, capped by the target's maximum (autoscaling would push a higher count back).
    const min = Math.max(1, Math.min(this.options.workingMinTasks, target?.MaxCapacity ?? this.options.workingMinTasks));
    if (target) {
      await this.autoscaling.send(new RegisterScalableTargetCommand({
        ServiceNamespace: 'ecs', ResourceId: resourceId(member.ref), ScalableDimension: DIMENSION,
        MinCapacity: min, SuspendedState: suspendScaleIn(target),
      }));
    }
    await this.ecs.send(new UpdateServiceCommand({
      cluster: member.ref.cluster, service: member.ref.service, desiredCount: Math.max(min, member.desired),
    }));
  }

  async sleepMember(member: MemberSnapshot): Promise<void> {
    const target = (await this.scalableTargets()).get(resourceId(member.ref));
    if (target) {
      await this.autoscaling.send(new RegisterScalableTargetCommand({
        ServiceNamespace: 'ecs', ResourceId: resourceId(member.ref), ScalableDimension: DIMENSION,
        MinCapacity: 0, SuspendedState: suspendScaleIn(target),
      }));
    }
    await this.ecs.send(new UpdateServiceCommand({ cluster: member.ref.cluster, service: member.ref.service, desiredCount: 0 }));
  }

  /** Image pull and start times of the starting tasks, for the wake timeline (ecs-task-milestones.ts). */
  taskMilestones(): Promise<TaskMilestones[]> {
    return describeTaskMilestones(this.ecs, this.members);
  }

  /** Running tasks of the given members with private IPs and container health (ListTasks + DescribeTasks). */
  async runningTasks(refs: readonly MemberRef[] = this.members): Promise<RunningTask[]> {
    const result: RunningTask[] = [];
    // One after another: taskHealth caches each task definition, so the second task of a definition is free.
    for (const { ref, task } of await describeServiceTasks(this.ecs, refs)) {
      if (task.lastStatus !== 'RUNNING') continue;
      result.push({ member: ref.id, taskArn: task.taskArn!, privateIp: privateIp(task), startedAt: task.startedAt, health: await this.taskHealth(task) });
    }
    return result;
  }

  private async taskHealth(task: Task): Promise<Health> {
    const def = task.taskDefinitionArn;
    if (def && !this.taskDefHasHealthCheck.has(def)) {
      const out = await this.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: def }));
      this.taskDefHasHealthCheck.set(def, (out.taskDefinition?.containerDefinitions ?? []).some((c) => c.healthCheck));
    }
    if (def && !this.taskDefHasHealthCheck.get(def)) return 'NONE';
    const status = task.healthStatus;
    return status === 'HEALTHY' || status === 'UNHEALTHY' ? status : 'UNKNOWN';
  }

  /** One DescribeScalableTargets for the whole group, reused for a minute; services without a target are absent. */
  private scalableTargets(): Promise<Map<string, ScalableTarget>> {
    const now = Date.now();
    if (this.targets && now - this.targets.at < TARGET_CACHE_MS) return this.targets.value;
    const value = this.autoscaling
      .send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ScalableDimension: DIMENSION, ResourceIds: this.members.map(resourceId) }))
      .then((out) => new Map((out.ScalableTargets ?? []).map((t) => [t.ResourceId!, t])));
    this.targets = { at: now, value };
    value.catch(() => { this.targets = undefined; });
    return value;
  }
}

/**
 * Dynamic scale-in suspended, the other two flags as the operator left them: whether RegisterScalableTarget
 * keeps flags it is not sent is not documented, so all three are always written.
 */
function suspendScaleIn(target: ScalableTarget): SuspendedState {
  return {
    DynamicScalingInSuspended: true,
    DynamicScalingOutSuspended: target.SuspendedState?.DynamicScalingOutSuspended ?? false,
    ScheduledScalingSuspended: target.SuspendedState?.ScheduledScalingSuspended ?? false,
  };
}

export function resourceId(ref: MemberRef): string {
  return `service/${ref.cluster}/${serviceName(ref)}`;
}

function privateIp(task: Task): string | undefined {
  for (const attachment of task.attachments ?? []) {
    const ip = attachment.details?.find((d) => d.name === 'privateIPv4Address')?.value;
    if (ip) return ip;
  }
  return task.containers?.flatMap((c) => c.networkInterfaces ?? []).find((n) => n.privateIpv4Address)?.privateIpv4Address;
}

function combineHealth(values: Health[]): Health {
  if (values.length === 0) return 'UNKNOWN';
  if (values.every((v) => v === 'NONE')) return 'NONE';
  if (values.some((v) => v === 'UNHEALTHY')) return 'UNHEALTHY';
  if (values.some((v) => v === 'UNKNOWN')) return 'UNKNOWN';
  return 'HEALTHY';
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
