import { Match } from 'aws-cdk-lib/assertions';
import { envNameOfOutput, outputKeyOfEnv } from '../../shared/config/ctl-env-outputs.js';
import { synthStack } from './infra-fixtures.js';

type Statement = { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

function operatorStatements(template: ReturnType<typeof synthStack>['template']): Statement[] {
  // The operator policy; holds have their own (HoldOperatorPolicyArn, test/infra/hold.test.ts).
  const policies = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))
    .filter((p) => String((p as { Properties: { Description?: string } }).Properties.Description).includes('what npm run ctl'));
  expect(policies).toHaveLength(1);
  return (policies[0] as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement;
}

describe('operator access: what `ctl --stack` reads and may do', () => {
  it('writes every CLI variable as a CtlEnv output, readable back by the CLI rule', () => {
    const { template, stack } = synthStack();
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const env = Object.fromEntries(Object.entries(outputs).flatMap(([key, o]) => {
      const name = envNameOfOutput(key);
      return name ? [[name, stack.resolve(o.Value)]] : [];
    }));
    expect(Object.keys(env).sort()).toEqual([
      'ACTIVITY_SOURCE', 'EMPTY_ALARM_NAME', 'EXPECTED_WAKE_SECONDS', 'GROUP_NAME', 'LOG_GROUPS', 'MEETING_BASE_URL', 'METRIC_NAMESPACE',
      'NO_JOIN_ALARM_NAME', 'POWER_DOWN_ENABLED', 'POWER_DOWN_TIME', 'PREWARM_FUNCTION_ARN', 'PREWARM_LEAD_MINUTES', 'PREWARM_MAX_DAYS_AHEAD',
      'PROBE_FUNCTION_NAME', 'SCHEDULER_ROLE_ARN', 'SCHEDULE_GROUP_NAME', 'SERVICE_GROUP', 'TIME_ZONE', 'WORKING_MIN_TASKS',
    ]);
    expect(env).toMatchObject({
      SERVICE_GROUP: 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web,arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-jvb',
      MEETING_BASE_URL: 'https://meet.example.org',
      TIME_ZONE: 'Europe/Berlin',
      NO_JOIN_ALARM_NAME: 'TestStack-jitsi-no-join',
      POWER_DOWN_TIME: '04:30',
      POWER_DOWN_ENABLED: 'true',
    });
    // Log groups are listed per function, so `ctl log` can name the source of each line.
    expect(JSON.stringify(env.LOG_GROUPS)).toMatch(/wake=.*watch=.*probe=.*idle-shutdown=.*power-down=.*prewarm=/);
    template.hasOutput('OperatorPolicyArn', { Value: { Ref: Match.stringLikeRegexp('OperatorPolicy') } });
  });

  it('names outputs and variables by one rule in both directions', () => {
    for (const name of ['SERVICE_GROUP', 'PROBE_FUNCTION_NAME', 'LOG_GROUPS', 'NO_JOIN_ALARM_NAME']) expect(envNameOfOutput(outputKeyOfEnv(name))).toBe(name);
    expect(envNameOfOutput('OperatorPolicyArn')).toBeUndefined();
    expect(envNameOfOutput('CtlEnv')).toBeUndefined();
  });

  it('grants exactly the calls the CLI makes, on this stack\'s resources', () => {
    const { template } = synthStack();
    const statements = operatorStatements(template);
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
    expect(actions).toEqual([
      'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:RegisterScalableTarget',
      'cloudformation:DescribeStacks', 'cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricData',
      'ecs:DescribeServices', 'ecs:DescribeTaskDefinition', 'ecs:DescribeTasks', 'ecs:ListTasks', 'ecs:UpdateService',
      'iam:PassRole', 'lambda:InvokeFunction', 'logs:FilterLogEvents',
      'scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:ListSchedules',
    ]);
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(bySid.ReadControllerStack!.Resource).toEqual({ Ref: 'AWS::StackId' });
    expect(bySid.UpdateGroupServices!.Resource).toEqual([
      'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web', 'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-jvb',
    ]);
    expect((bySid.ReadControllerDecisions!.Resource as unknown[])).toHaveLength(7);
    expect(JSON.stringify(bySid.DescribeIdleAlarms!.Resource)).toMatch(/alarm:TestStack-jitsi-no-join".*alarm:TestStack-jitsi-empty"/);
    // Never logs:* or a write to logs, never a wildcard on ECS writes.
    expect(actions.some((a) => a.startsWith('logs:') && a !== 'logs:FilterLogEvents')).toBe(false);
  });

  it('leaves out the probe grant with the metric activity source', () => {
    const { template } = synthStack({ activitySource: 'metric', activityMetricNamespace: 'Jitsi', activityMetricName: 'participants' });
    const actions = operatorStatements(template).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).not.toContain('lambda:InvokeFunction');
    expect(template.toJSON().Outputs.CtlEnvActivityMetricName.Value).toBe('participants');
  });
});
