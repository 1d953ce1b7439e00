import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { combineReadings, unknownActivity, type Activity, type TaskReading } from '../../domain/activity.js';
import type { ActivitySource, RunningTaskInfo } from '../../domain/activity-ports.js';
import { toDependencyError } from '../../domain/errors.js';
import { isPrivateIpv4, parseProbeResponse, type ProbeTarget } from '../../domain/probe-contract.js';
import { unreadableTask } from '../../domain/task-stats.js';

/**
 * Reads activity through the probe function inside the VPC (DESIGN: the watcher has no route to private task
 * IPs, the probe has no route to AWS APIs). One synchronous Lambda Invoke per reading, all tasks at once.
 */
export class ProbeActivitySource implements ActivitySource {
  constructor(private readonly lambda: LambdaClient, private readonly functionName: string) {}

  async read(tasks: readonly RunningTaskInfo[]): Promise<Activity> {
    const targets: ProbeTarget[] = [];
    const unreadable: TaskReading[] = [];
    for (const task of tasks) {
      if (task.privateIp && isPrivateIpv4(task.privateIp)) targets.push({ member: task.member, ip: task.privateIp });
      else unreadable.push(unreadableTask(task, task.privateIp ? 'IP outside the private ranges the probe accepts' : 'no private IP'));
    }
    if (targets.length === 0) return combineReadings(unreadable);

    let text: string;
    try {
      const out = await this.lambda.send(new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'RequestResponse',
        Payload: JSON.stringify({ targets }),
      }));
      text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
      if (out.FunctionError) return unknownActivity(`probe function error (${out.FunctionError}): ${text.slice(0, 200)}`);
    } catch (error) {
      return unknownActivity(toDependencyError('invoke probe', error).message);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      return unknownActivity('probe returned no JSON');
    }
    const readings = parseProbeResponse(payload, targets);
    return typeof readings === 'string' ? unknownActivity(readings) : combineReadings([...readings, ...unreadable]);
  }
}
