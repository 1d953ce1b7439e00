import { Tags, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { DeployConfig } from './config.js';
import { ScaleToZeroStack, type ScaleToZeroStackProps } from './stack.js';

/**
 * The app as `cdk synth` builds it (infra/app.ts, and CI's variant synth): the stack, the project's tags on
 * every stack of the app (the us-east-1 certificate companion too), and cdk-nag, which fails the synth on
 * any unacknowledged finding.
 */
export function buildApp(app: App, config: DeployConfig, props: Omit<ScaleToZeroStackProps, 'config'> = {}): ScaleToZeroStack {
  const stack = new ScaleToZeroStack(app, config.stackName, { ...props, config });
  Tags.of(app).add('app', 'jitsi-scale-to-zero');
  Tags.of(app).add('jitsi-group', config.groupName);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
