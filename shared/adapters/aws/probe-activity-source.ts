import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { combineReadings, unknownActivity, type Activity, type TaskReading } from '../../domain/activity.js';
import type { ActivitySource, RunningTaskInfo } from '../../domain/activity-ports.js';
import type { TaskStatsReader } from '../../domain/bridge-readiness.js';
import { toDependencyError } from '../../domain/errors.js';
import { isPrivateIpv4, parseProbeResponse, type ProbeTarget } from '../../domain/probe-contract.js';
import { unreadableTask } from '../../domain/task-stats.js';
import type { ClientProfile } from './clients.js';
import { createLambdaClient } from './lambda-client.js';

/** The probe reader with its own client (the wake path imports this module on first use: shared/compose.ts). */
export function createProbeActivitySource(functionName: string, profile: ClientProfile): ProbeActivitySource {
  return new ProbeActivitySource(createLambdaClient(profile), functionName);
}

/**
 * Reads activity through the probe function inside the VPC (DESIGN: the watcher has no route to private task
 * IPs, the probe has no route to AWS APIs). One synchronous Lambda Invoke per reading, all tasks at once.
 */
export class ProbeActivitySource implements ActivitySource, TaskStatsReader {
  constructor(private readonly lambda: LambdaClient, private readonly functionName: string) {}

  async read(tasks: readonly RunningTaskInfo[]): Promise<Activity> {
    const readings = await this.readTasks(tasks);
    return typeof readings === 'string' ? unknownActivity(readings) : combineReadings(readings);
  }

  /** Every task's readings (unreadable tasks included), or why the probe gave none. */
  async readTasks(tasks: readonly RunningTaskInfo[]): Promise<TaskReading[] | string> {
    const targets: ProbeTarget[] = [];
    const unreadable: TaskReading[] = [];
    for (const task of tasks) {
      if (task.privateIp && isPrivateIpv4(task.privateIp)) targets.push({ member: task.member, ip: task.privateIp });
      else unreadable.push(unreadableTask(task, task.privateIp ? 'IP outside the private ranges the probe accepts' : 'no private IP'));
    }
    if (targets.length === 0) return unreadable;

    let text: string;
    try {
      const out = await this.lambda.send(new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'RequestResponse',
        Payload: JSON.stringify({ targets }),
      }));
      text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
      if (out.FunctionError) return `probe function error (${out.FunctionError}): ${text.slice(0, 200)}`;
    } catch (error) {
      return toDependencyError('invoke probe', error).message;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return 'probe returned no JSON';
    }
    const readings = parseProbeResponse(payload, targets);
    return typeof readings === 'string' ? readings : [...readings, ...unreadable];
  }
}
