import {
  CreateScheduleCommand, DeleteScheduleCommand, ListSchedulesCommand, type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { toDependencyError } from '../../domain/errors.js';
import type { OneTimeScheduleRequest, ScheduleEntry, Schedules } from '../../domain/schedules.js';
import { atExpression } from './at-expression.js';

export interface SchedulerSchedulesOptions {
  /** SCHEDULE_GROUP_NAME: the controller's own schedule group. */
  groupName: string;
  /** SCHEDULER_ROLE_ARN: the role Scheduler assumes to invoke the target function. */
  roleArn: string;
  /** IANA zone the `at()` expressions are written in (TIME_ZONE). */
  timeZone: string;
}

const MAX_PAGES = 20;

/** EventBridge Scheduler adapter for one-time schedules that delete themselves after they ran. */
export class SchedulerSchedules implements Schedules {
  constructor(private readonly client: SchedulerClient, private readonly options: SchedulerSchedulesOptions) {}

  async createOnce(request: OneTimeScheduleRequest): Promise<'created' | 'exists'> {
    const { expression, timeZone } = atExpression(request.at, this.options.timeZone);
    try {
      await this.client.send(new CreateScheduleCommand({
        Name: request.name,
        GroupName: this.options.groupName,
        ScheduleExpression: expression,
        ScheduleExpressionTimezone: timeZone,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        State: 'ENABLED',
        Description: request.description?.slice(0, 512),
        Target: { Arn: request.targetArn, RoleArn: this.options.roleArn, Input: JSON.stringify(request.input) },
      }));
      return 'created';
    } catch (error) {
      // Names are deterministic: a conflict means an earlier (or duplicate) request already created it.
      if (errorName(error) === 'ConflictException') return 'exists';
      throw toDependencyError(`create schedule ${request.name}`, error);
    }
  }

  async list(namePrefix: string): Promise<ScheduleEntry[]> {
    const entries: ScheduleEntry[] = [];
    let token: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const out = await this.client.send(new ListSchedulesCommand({ GroupName: this.options.groupName, NamePrefix: namePrefix, NextToken: token }));
        for (const s of out.Schedules ?? []) {
          if (s.Name) entries.push({ name: s.Name, state: s.State, targetArn: s.Target?.Arn, createdAt: s.CreationDate });
        }
        token = out.NextToken;
        if (!token) break;
      }
    } catch (error) {
      throw toDependencyError(`list schedules ${namePrefix}*`, error);
    }
    return entries;
  }

  async cancel(name: string): Promise<'deleted' | 'not-found'> {
    try {
      await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.options.groupName }));
      return 'deleted';
    } catch (error) {
      if (errorName(error) === 'ResourceNotFoundException') return 'not-found';
      throw toDependencyError(`delete schedule ${name}`, error);
    }
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
