import { Match } from 'aws-cdk-lib/assertions';
import { parsePowerDownEvent } from '../../shared/domain/power-down.js';
import { functionArn, logicalId, synthStack } from './infra-fixtures.js';

describe('EventBridge Scheduler', () => {
  const { stack, template } = synthStack();
  const dlq = { 'Fn::GetAtt': [logicalId(stack, 'Schedules/DeadLetterQueue'), 'Arn'] };
  const role = { 'Fn::GetAtt': [logicalId(stack, 'Schedules/RecurringRole'), 'Arn'] };

  it('runs the watcher every minute with a short retry window and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: functionArn(stack, 'Watch'),
        RoleArn: role,
        DeadLetterConfig: { Arn: dlq },
        RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 1 },
        Input: JSON.stringify({ action: 'watch', scheduledTime: '<aws.scheduler.scheduled-time>' }),
      },
    });
  });

  it('runs the nightly power-down as a cron in the configured time zone', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 4 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      Target: {
        Arn: functionArn(stack, 'PowerDown'),
        RoleArn: role,
        DeadLetterConfig: { Arn: dlq },
        RetryPolicy: { MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 5 },
        // The event shape shared/domain/power-down.ts parses (docs/CONTRACTS.md).
        Input: JSON.stringify({ action: 'power-down', scheduledTime: '<aws.scheduler.scheduled-time>' }),
      },
    });
  });

  it('sends an input the power-down function accepts once Scheduler fills in the time', () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'));
    const nightly = schedules.find((r) => r.Properties.ScheduleExpression.startsWith('cron('))!;
    const delivered = JSON.parse((nightly.Properties.Target.Input as string).replace('<aws.scheduler.scheduled-time>', '2026-11-26T01:00:00Z'));

    expect(parsePowerDownEvent(delivered)).toEqual({ ok: true, event: { action: 'power-down', scheduledTime: new Date('2026-11-26T01:00:00Z') } });
  });

  it('keeps the recurring schedules out of the one-time group the functions may delete from', () => {
    for (const schedule of Object.values(template.findResources('AWS::Scheduler::Schedule'))) {
      expect(schedule.Properties.GroupName).toBeUndefined();
    }
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.hasResource('AWS::Scheduler::ScheduleGroup', { DeletionPolicy: 'Delete' });
  });

  it('encrypts the dead-letter queue and refuses plain-text access', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('follows the configured time and can switch the nightly power-down off', () => {
    const late = synthStack({ powerDownTime: '23:45', timeZone: 'America/New_York' });
    late.template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(45 23 * * ? *)', ScheduleExpressionTimezone: 'America/New_York' });

    const off = synthStack({ powerDownEnabled: false });
    off.template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    off.template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)' });
  });
});
