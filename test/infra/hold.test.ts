import { Match } from 'aws-cdk-lib/assertions';
import { logicalId, policyStatements, synthStack } from './infra-fixtures.js';

const actionsOf = (statements: Record<string, unknown>[]) => statements.flatMap((s) => [s.Action].flat() as string[]);

describe('hold parameter', () => {
  const { stack, template } = synthStack();
  const parameterId = logicalId(stack, 'Hold/Parameter');
  const parameterArn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':parameter', { Ref: parameterId }]] };

  it('is one standard String parameter holding "none"', () => {
    template.resourceCountIs('AWS::SSM::Parameter', 1);
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/TestStack/jitsi/hold', Type: 'String', Value: 'none', Tier: 'Standard' });
    expect(parameterId).toMatch(/^ControllerHoldParameter/);
  });

  it('the stop and wake functions get HOLD_PARAMETER and may only read it (ssm:GetParameter on that ARN)', () => {
    for (const id of ['Wake', 'IdleShutdown', 'PowerDown', 'Prewarm']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: Match.absent(),
        Role: { 'Fn::GetAtt': [logicalId(stack, `${id}/Role`), 'Arn'] },
        Environment: { Variables: Match.objectLike({ HOLD_PARAMETER: { Ref: parameterId } }) },
      });
      const statements = policyStatements(template, stack, id);
      expect(statements.find((s) => s.Sid === 'ReadHoldParameter')).toEqual({ Sid: 'ReadHoldParameter', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: parameterArn });
    }
  });

  it('no function can write a hold; the watcher and the probe do not even read it', () => {
    for (const id of ['Wake', 'IdleShutdown', 'PowerDown', 'Prewarm', 'Watch', 'Probe']) {
      expect(actionsOf(policyStatements(template, stack, id))).not.toContain('ssm:PutParameter');
    }
    for (const id of ['Watch', 'Probe']) expect(policyStatements(template, stack, id).some((s) => s.Sid === 'ReadHoldParameter')).toBe(false);
  });

  it('writing is granted only by the operator policy, on that one parameter; outputs name both', () => {
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Sid: 'SetHold', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:PutParameter'], Resource: parameterArn }] },
    });
    const writers = Object.values(template.toJSON().Resources as Record<string, { Type: string; Properties?: { PolicyDocument?: unknown } }>)
      .filter((r) => JSON.stringify(r.Properties?.PolicyDocument ?? {}).includes('ssm:PutParameter'));
    expect(writers.map((r) => r.Type)).toEqual(['AWS::IAM::ManagedPolicy']);
    template.hasOutput('HoldParameterName', { Value: { Ref: parameterId } });
    template.hasOutput('HoldOperatorPolicyArn', {});
  });
});
