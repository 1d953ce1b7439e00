import { ArnFormat, CustomResource, Duration, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ControllerFunction, type CodeMode } from '../controller-function.js';
import { acknowledgeWildcard } from '../nag-acks.js';

export interface TargetGroupTuningProps {
  /** The list attribute ECSManagedResourceArns.IngressPath.TargetGroupArns of the Express service. */
  targetGroupArns: string[];
  /** Changes with every new task definition revision, so each Express update is followed by a re-tune. */
  revision: string;
  entry: string;
  code: CodeMode;
  logRetention: logs.RetentionDays;
}

/** 5 s × 2 healthy checks instead of 30 s × 5: a new target is healthy ~10 s after it answers, not ~150 s. */
export const TUNED = {
  HealthCheckIntervalSeconds: 5,
  HealthCheckTimeoutSeconds: 4,
  HealthyThresholdCount: 2,
  UnhealthyThresholdCount: 2,
  DeregistrationDelaySeconds: 30,
} as const;

/**
 * After the service exists, our own Lambda (functions/tune-target-groups) sets fast health checks on every
 * target group the service lists. It is the custom resource's service token directly (no provider
 * framework): the function answers CloudFormation itself.
 */
export class TargetGroupTuning extends Construct {
  readonly resource: CustomResource;
  readonly function: ControllerFunction;

  constructor(scope: Construct, id: string, props: TargetGroupTuningProps) {
    super(scope, id);
    this.function = new ControllerFunction(this, 'Tuner', {
      entry: props.entry,
      description: 'Jitsi on Express: fast health checks on the service\'s target groups (custom resource)',
      memorySize: 256,
      timeout: Duration.seconds(60),
      environment: {},
      logRetention: props.logRetention,
      code: props.code,
    });
    // Target group names are chosen by Express, so only the account/region prefix can be named; both actions
    // only change health-check settings and attributes, never targets or listeners.
    const targetGroups = Stack.of(this).formatArn({ service: 'elasticloadbalancing', resource: 'targetgroup', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    this.function.role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'TuneExpressTargetGroups',
      actions: ['elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes'],
      resources: [targetGroups],
    }));
    acknowledgeWildcard(this.function.role, targetGroups, 'Express names its target groups at deploy time; the statement is limited to '
      + 'target groups of this account and region and to health-check settings and attributes.');

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.function.function.functionArn,
      resourceType: 'Custom::TuneTargetGroups',
      // The attribute is a list (one target group per ingress path and revision). Joined into one string by
      // CloudFormation (Fn::Join over the list-valued GetAtt), so its shape on the wire is never in doubt; the
      // handler splits it (and would accept a JSON list as well).
      properties: { TargetGroupArns: Fn.join(',', props.targetGroupArns), Revision: props.revision, ...TUNED },
    });
    // The role's policy must exist before CloudFormation invokes the function.
    this.resource.node.addDependency(this.function.role);
  }
}
