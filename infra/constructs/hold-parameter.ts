import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

export interface HoldParameterProps {
  groupName: string;
  /** Functions that respect holds: each gets HOLD_PARAMETER and ssm:GetParameter on this one parameter. */
  readers: readonly lambda.Function[];
}

/**
 * The operator's hold (`ctl hold …`): one standard-tier SSM String parameter, "none" when no hold is set.
 * Functions may only read it; writing is for the operator, through the customer managed policy this
 * construct creates (attach it to the operator's role or user). A deploy leaves a set hold alone unless
 * this resource itself changes.
 */
export class HoldParameter extends Construct {
  readonly parameter: ssm.StringParameter;
  readonly operatorPolicy: iam.ManagedPolicy;

  constructor(scope: Construct, id: string, props: HoldParameterProps) {
    super(scope, id);
    const stackName = Stack.of(this).stackName;
    this.parameter = new ssm.StringParameter(this, 'Parameter', {
      parameterName: `/${stackName}/${props.groupName}/hold`,
      stringValue: 'none',
      description: `Jitsi scale-to-zero (${props.groupName}): operator hold (npm run ctl -- hold …); "none" = no hold`,
      tier: ssm.ParameterTier.STANDARD,
    });
    for (const fn of props.readers) {
      fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'ReadHoldParameter', actions: ['ssm:GetParameter'], resources: [this.parameter.parameterArn] }));
      fn.addEnvironment('HOLD_PARAMETER', this.parameter.parameterName);
    }
    this.operatorPolicy = new iam.ManagedPolicy(this, 'OperatorPolicy', {
      description: `Jitsi scale-to-zero (${props.groupName}): lets an operator set and clear holds (ctl hold)`,
      statements: [new iam.PolicyStatement({ sid: 'SetHold', actions: ['ssm:GetParameter', 'ssm:PutParameter'], resources: [this.parameter.parameterArn] })],
    });
    new CfnOutput(this, 'HoldParameterName', { key: 'HoldParameterName', value: this.parameter.parameterName, description: 'HOLD_PARAMETER for npm run ctl -- hold …' });
    new CfnOutput(this, 'HoldOperatorPolicyArn', { key: 'HoldOperatorPolicyArn', value: this.operatorPolicy.managedPolicyArn, description: 'Attach to the operator role to allow ctl hold' });
  }
}
