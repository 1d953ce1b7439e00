import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadConfig, type ControllerConfig } from '../../infra/config.js';
import { ScaleToZeroStack, type ScaleToZeroStackProps } from '../../infra/stack.js';

/** The configuration most infra tests use: two members, the probe in a VPC, pre-warm enabled. */
export const EXAMPLE = {
  serviceGroup: [
    'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-web',
    'arn:aws:ecs:eu-central-1:123456789012:service/jitsi/jitsi-jvb',
  ],
  meetingBaseUrl: 'https://meet.example.org',
  timeZone: 'Europe/Berlin',
  vpcId: 'vpc-0123456789abcdef0',
  subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  taskSecurityGroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'],
  prewarmTokenParameter: '/jitsi/prewarm-token',
};

export function exampleConfig(overrides: Record<string, unknown> = {}): ControllerConfig {
  return loadConfig({ context: { ...EXAMPLE, ...overrides } });
}

export interface Synthesized {
  app: App;
  stack: ScaleToZeroStack;
  template: Template;
}

/**
 * Unit-test stack: inline stub code (no esbuild, no dependence on which functions/ entries exist yet)
 * and `aws:cdk:bundling-stacks` empty, so even a NodejsFunction skips bundling.
 */
export function synthStack(overrides: Record<string, unknown> = {}, props: Partial<ScaleToZeroStackProps> = {}): Synthesized {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new ScaleToZeroStack(app, 'TestStack', { config: exampleConfig(overrides), code: 'inline', ...props });
  return { app, stack, template: Template.fromStack(stack) };
}

/** The logical id of the resource a construct path ends in (e.g. "Controller/Watch/Function"). */
export function logicalId(stack: ScaleToZeroStack, path: string): string {
  const node = stack.node.findChild('Controller').node.findAll().find((c) => c.node.path.endsWith(`/${path}/Resource`) || c.node.path.endsWith(`/${path}`));
  if (!node) throw new Error(`no construct at ${path}`);
  const child = (node.node.defaultChild ?? node) as unknown as { logicalId: string };
  return stack.resolve(child.logicalId) as string;
}

/** `{ "Fn::GetAtt": [<function>, "Arn"] }` for one of the controller's functions. */
export function functionArn(stack: ScaleToZeroStack, id: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId(stack, `${id}/Function`), 'Arn'] };
}

/** Statements of the default policy of a controller function's role. */
export function policyStatements(template: Template, stack: ScaleToZeroStack, id: string): Record<string, unknown>[] {
  const roleId = logicalId(stack, `${id}/Role`);
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
  return Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties.PolicyDocument.Statement);
}
