import { ArnFormat, Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeWildcard } from './nag-acks.js';

export interface ControllerSchedulesProps {
  watch?: lambda.IFunction;
  powerDown?: lambda.IFunction;
  /** Local time of the nightly power-down, HH:MM. */
  powerDownTime: string;
  powerDownEnabled: boolean;
  /** IANA zone for the nightly cron (and handed to the functions for their one-time schedules). */
  timeZone: string;
}

/** Recurring schedules (watcher, nightly power-down), their dead-letter queue, and the one-time group. */
export class ControllerSchedules extends Construct {
  readonly deadLetterQueue: sqs.Queue;
  /** Where the functions create one-time schedules (deferred power-down, pre-warm). */
  readonly oneTimeGroup: scheduler.ScheduleGroup;
  /** Role those one-time schedules run as; the functions may pass this role and no other. */
  readonly oneTimeRole: iam.Role;
  readonly watchSchedule?: scheduler.Schedule;
  readonly powerDownSchedule?: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: ControllerSchedulesProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the Scheduler targets; a DLQ of a DLQ adds nothing.',
    });

    // Recurring schedules stay in the default group, so the functions' delete rights on the one-time
    // group can never remove them. Their role is created here (not the per-target singleton CDK would
    // add at stack level) so it sits next to the schedules and can only be assumed for that group.
    const recurringRole = new iam.Role(this, 'RecurringRole', {
      description: 'Runs the watcher and nightly power-down schedules',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default', arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
          },
        },
      }),
    });
    for (const fn of [props.watch, props.powerDown]) {
      if (!fn) continue;
      acknowledgeWildcard(recurringRole, `${fn.functionArn}:*`, 'aws-scheduler-targets LambdaInvoke grants lambda:InvokeFunction on the '
        + 'function and its versions/aliases (<arn>:*); the schedules invoke the unqualified function of this stack only.');
    }
    if (props.watch) {
      this.watchSchedule = new scheduler.Schedule(this, 'Watch', {
        description: 'Reads Jitsi activity every minute while the group is awake',
        schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
        target: new targets.LambdaInvoke(props.watch, {
          role: recurringRole,
          // docs/CONTRACTS.md: any other action is rejected by the watcher.
          input: scheduler.ScheduleTargetInput.fromObject({ action: 'watch', scheduledTime: scheduler.ContextAttribute.scheduledTime }),
          deadLetterQueue: this.deadLetterQueue,
          // A reading older than a minute is useless: the next run is already due.
          retryAttempts: 1,
          maxEventAge: Duration.minutes(1),
        }),
      });
    }
    if (props.powerDown && props.powerDownEnabled) {
      const [hour, minute] = props.powerDownTime.split(':');
      this.powerDownSchedule = new scheduler.Schedule(this, 'NightlyPowerDown', {
        description: `Nightly power-down at ${props.powerDownTime} ${props.timeZone}`,
        schedule: scheduler.ScheduleExpression.cron({ hour: String(Number(hour)), minute: String(Number(minute)), timeZone: TimeZone.of(props.timeZone) }),
        target: new targets.LambdaInvoke(props.powerDown, {
          role: recurringRole,
          // docs/CONTRACTS.md "Scheduler events", parsed by shared/domain/power-down.ts.
          input: scheduler.ScheduleTargetInput.fromObject({ action: 'power-down', scheduledTime: scheduler.ContextAttribute.scheduledTime }),
          deadLetterQueue: this.deadLetterQueue,
          // Worth retrying for a while: a missed nightly stop costs a night of Fargate.
          retryAttempts: 5,
          maxEventAge: Duration.hours(2),
        }),
      });
    }

    this.oneTimeGroup = new scheduler.ScheduleGroup(this, 'OneTimeGroup', {
      // Deleting the group deletes the one-time schedules in it, which would otherwise outlive the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.oneTimeRole = new iam.Role(this, 'OneTimeRole', {
      description: 'Runs the one-time schedules the controller creates (deferred power-down, pre-warm)',
      // Confused-deputy guard: only schedules of this account's one-time group may assume it.
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': this.oneTimeGroup.scheduleGroupArn,
          },
        },
      }),
    });
  }

  /** Let one-time schedules invoke this function (power-down re-checks, pre-warm). */
  allowOneTimeInvoke(fn: lambda.IFunction): void {
    this.oneTimeRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['lambda:InvokeFunction'],
      resources: [fn.functionArn],
    }));
  }
}
