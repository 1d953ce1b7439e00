import type { TaskMilestones } from './wake-timeline.js';

/** The ECS services that wake and sleep together (e.g. the Express Mode web service and a JVB service). */
export interface MemberRef {
  cluster: string;
  service: string;
  /** Display name, e.g. "jitsi/web". */
  id: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
const SERVICE_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service\/([A-Za-z0-9_-]{1,255})\/([A-Za-z0-9_-]{1,255})$/;

/** Parses "cluster/service" or a service ARN; returns an error message for anything else. */
export function parseMemberRef(text: string): MemberRef | string {
  const arn = SERVICE_ARN.exec(text);
  if (arn) return { cluster: arn[1]!, service: text, id: `${arn[1]}/${arn[2]}` };
  const parts = text.split('/');
  if (parts.length === 2 && NAME.test(parts[0]!) && NAME.test(parts[1]!)) {
    return { cluster: parts[0]!, service: parts[1]!, id: text };
  }
  return `"${text}" is neither "cluster/service" nor an ECS service ARN`;
}

/** The plain service name, needed for Application Auto Scaling resource ids. */
export function serviceName(ref: MemberRef): string {
  return ref.id.split('/')[1]!;
}

export type Health = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' | 'NONE';

/** What ECS says about one member at one moment. */
export interface MemberSnapshot {
  ref: MemberRef;
  exists: boolean;
  desired: number;
  running: number;
  pending: number;
  /** Container health over the member's running tasks; NONE when no health check is defined. */
  health: Health;
  /** The newest deployment failed (e.g. tasks keep crashing). */
  rolloutFailed: boolean;
  /**
   * A deployment is rolling out (ECS lists a second deployment, or the primary one is IN_PROGRESS). On
   * Express Mode that means a canary task next to the running one: a live meeting may be split.
   */
  deploying?: boolean;
  /** When the desired count last changed, best effort (ECS deployment updatedAt). */
  changedAt?: Date;
  /** ECS status DRAINING: the service is being deleted and cannot be woken. */
  deleting?: boolean;
}

/** Port: the group as ECS (or the local simulation) sees it, and the two switches. */
export interface ServiceGroup {
  readonly members: readonly MemberRef[];
  describe(): Promise<MemberSnapshot[]>;
  /** Desired count to at least the working minimum (never lowered), autoscaling minimum restored, dynamic scale-in suspended. */
  wakeMember(member: MemberSnapshot): Promise<void>;
  /** Autoscaling minimum to 0 first, then desired count 0. */
  sleepMember(member: MemberSnapshot): Promise<void>;
  /** Timestamps of the tasks that are starting or running (image pull, start), for the wake timeline. */
  taskMilestones?(): Promise<TaskMilestones[]>;
}

/** Port: HTTP probe of the public meeting URL (GET / and GET /http-bind must answer 200). */
export interface ReadinessProbe {
  check(): Promise<{ ok: boolean; detail: string }>;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
