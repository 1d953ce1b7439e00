import type { Activity } from './activity.js';
import type { HttpAnswer } from './jitsi-stats.js';
import type { MemberSnapshot } from './service-group.js';

/** A running task as the activity readers need it (ECS DescribeTasks, or the simulation). */
export interface RunningTaskInfo {
  member: string;
  privateIp?: string;
  startedAt?: Date;
}

/** Port: the cheap ECS view the watcher and the idle shutdown need (EcsServiceGroup, SimulatedServiceGroup). */
export interface GroupTasks {
  /** Desired and running counts only: one DescribeServices per cluster, no task calls. */
  describeServices(): Promise<MemberSnapshot[]>;
  runningTasks(): Promise<RunningTaskInfo[]>;
}

/** An existing CloudWatch metric that counts participants (e.g. published by a sidecar next to Jicofo). */
export interface ActivityMetric {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  /** Statistic per 1-minute period, e.g. Maximum. */
  stat: string;
  /** A newer datapoint than this is required; without one the activity is unknown. */
  maxAgeSeconds: number;
}

/** Port: live activity of the given running tasks. Implementations never throw; failures are `unknown`. */
export interface ActivitySource {
  read(tasks: readonly RunningTaskInfo[]): Promise<Activity>;
}

/** Port: one HTTP GET of a stats endpoint on a task IP. Never throws; failures are `{ kind: 'failed' }`. */
export interface StatsFetcher {
  get(ip: string, port: number, path: string, accept?: string): Promise<HttpAnswer>;
}

export type GroupMetricName = 'Participants' | 'Conferences' | 'ActivityUnknown' | 'RunningTasks';
export interface GroupDatapoint {
  name: GroupMetricName;
  value: number;
  /** Per-member series (RunningTasks): published with a Member dimension next to Group. */
  member?: string;
}

/** Port: the watcher's group metrics (CloudWatch PutMetricData, dimension Group). */
export interface MetricsPublisher {
  publish(datapoints: readonly GroupDatapoint[], at: Date): Promise<void>;
}

/** People arriving in a time range: wake requests, and visitors a ready redirect sent into the meeting. */
export interface Arrivals {
  wakeRequests: number;
  /** GETs redirected into a ready meeting (link previewers excluded): people on Jitsi's pre-join screen. */
  sentIn: number;
}

/**
 * Port: the wake ledger every stop path consults (DESIGN invariant 4): the WakeRequests and PersonsSentIn
 * metrics of the wake function in AWS, an in-memory record locally.
 */
export interface WakeLedger {
  arrivalsBetween(from: Date, to: Date): Promise<Arrivals>;
}

/** Port: the highest published Participants value in a time range; undefined when there is no datapoint. */
export interface ParticipantHistory {
  maxParticipantsBetween(from: Date, to: Date): Promise<number | undefined>;
}

/** Port: put an idle alarm back to OK so it fires again if the room stays empty (see docs/idle-shutdown.md). */
export interface AlarmControl {
  rearm(alarmName: string, reason: string): Promise<void>;
}
