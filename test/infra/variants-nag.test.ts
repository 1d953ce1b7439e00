import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig } from '../../infra/config.js';
import { ScaleToZeroStack } from '../../infra/stack.js';
import { VARIANT_CONTEXT, VARIANTS } from '../../infra/variants.js';

/** Every variant CI lints (with the Jitsi service, the front and the us-east-1 companion stack) passes cdk-nag. */
describe('cdk-nag over every deploy variant', () => {
  it.each(Object.keys(VARIANTS))('%s has no unacknowledged findings', (name) => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...VARIANT_CONTEXT } });
    new ScaleToZeroStack(app, 'NagStack', { config: loadConfig({ context: VARIANTS[name] }), code: 'inline' });
    const pack = new AwsSolutionsChecks(app, { verbose: true });
    Validations.of(app).addPlugins(pack);

    const findings = pack.validateScope(app).violations.map((v) => `${v.ruleName} @ ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

    expect(findings).toEqual([]);
    expect(() => app.synth()).not.toThrow();
  });
});
