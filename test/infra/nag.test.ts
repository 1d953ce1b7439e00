import { App, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ScaleToZeroStack } from '../../infra/stack.js';
import { exampleConfig } from './infra-fixtures.js';

/** cdk-nag v3 runs as a CDK policy-validation plugin: unacknowledged findings fail the synth. */
function nagFindings(overrides: Record<string, unknown>) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  new ScaleToZeroStack(app, 'NagStack', { config: exampleConfig(overrides), code: 'inline' });
  const pack = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(pack);
  const findings = pack.validateScope(app).violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
  return { app, findings };
}

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['the example configuration', {}],
    ['an explicit account and region, custom domain and no pre-warm', {
      account: '123456789012', region: 'eu-central-1', domainName: 'join.example.org',
      certificateArn: 'arn:aws:acm:eu-central-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b', prewarmTokenParameter: undefined,
    }],
    ['the metric activity source', { activitySource: 'metric', activityMetricNamespace: 'Jitsi', activityMetricName: 'participants' }],
    ['alerts to two addresses', { alerts: { email: ['ops@example.org', 'oncall@example.org'] } }],
  ])('has no unacknowledged findings for %s', (_name, overrides) => {
    const { app, findings } = nagFindings(overrides);

    expect(findings).toEqual([]);
    // The same plugin, registered on the app, lets the real synth through.
    expect(() => app.synth()).not.toThrow();
  });

  it('still catches a wildcard that nobody acknowledged', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new ScaleToZeroStack(app, 'NagStack', { config: exampleConfig(), code: 'inline' });
    stack.controller.functions.watch!.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] }),
    );
    const pack = new AwsSolutionsChecks(app);
    Validations.of(app).addPlugins(pack);

    expect(pack.validateScope(app).violations.map((v) => v.ruleName)).toEqual(['AwsSolutions-IAM5[Resource::arn:aws:s3:::bucket/*]']);
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM5\[Resource::arn:aws:s3:::bucket\/\*\]/);
  });
});
