import { Arn, ArnFormat, Aws, CfnRule, Fn, Stack, Token } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { SERVICE_ARN } from '../config-schema.js';

/** One member of the service group, with the ARNs IAM and the dashboard need. */
export interface MemberArns {
  clusterName: string;
  serviceName: string;
  serviceArn: string;
  clusterArn: string;
  /** Identifies the cluster without resolving tokens (for de-duplication). */
  clusterKey: string;
}

/**
 * Accepts the same member syntax as the functions: a service ARN, or `cluster/service`, which is taken
 * to live in the stack's account and region (tokens when the stack is environment-agnostic).
 */
export function memberArns(scope: Construct, members: readonly string[]): MemberArns[] {
  const stack = Stack.of(scope);
  return members.map((member) => {
    const arn = SERVICE_ARN.exec(member);
    if (arn) {
      const [, partition, region, account, clusterName, serviceName] = arn as unknown as string[];
      return {
        clusterName: clusterName!,
        serviceName: serviceName!,
        serviceArn: member,
        clusterArn: `arn:${partition}:ecs:${region}:${account}:cluster/${clusterName}`,
        clusterKey: `arn:${partition}:ecs:${region}:${account}:cluster/${clusterName}`,
      };
    }
    const [clusterName, serviceName] = member.split('/') as [string, string];
    return {
      clusterName,
      serviceName,
      serviceArn: stack.formatArn({ service: 'ecs', resource: 'service', resourceName: `${clusterName}/${serviceName}`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
      clusterArn: stack.formatArn({ service: 'ecs', resource: 'cluster', resourceName: clusterName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME }),
      clusterKey: `stack:${clusterName}`,
    };
  });
}

/**
 * The functions call ECS in their own region, so member ARNs must name it. loadConfig checks this against
 * the pinned or the synth-time region; an environment-agnostic stack also gets a CloudFormation rule, so
 * a deployment into another region fails before it creates anything.
 */
export function requireMembersRegion(scope: Construct, members: readonly string[]): void {
  const stack = Stack.of(scope);
  const regions = [...new Set(members.flatMap((m) => SERVICE_ARN.exec(m)?.[2] ?? []))];
  if (regions.length !== 1 || !Token.isUnresolved(stack.region)) return;
  new CfnRule(scope, 'MembersRegion', {
    assertions: [{
      assert: Fn.conditionEquals(Aws.REGION, regions[0]!),
      assertDescription: `The service group is in ${regions[0]}: deploy the controller there (or set "region").`,
    }],
  });
}

/** Distinct cluster ARNs, for the `ecs:cluster` condition. */
export function clusterArns(members: readonly MemberArns[]): string[] {
  const byKey = new Map(members.map((m) => [m.clusterKey, m.clusterArn]));
  return [...byKey.values()];
}

/** `arn:…:ssm:<region>:<account>:parameter/<name>` for a name with or without a leading slash. */
export function parameterArn(scope: Construct, name: string): string {
  return Arn.format({ service: 'ssm', resource: 'parameter', resourceName: name.replace(/^\//, ''), arnFormat: ArnFormat.SLASH_RESOURCE_NAME }, Stack.of(scope));
}
