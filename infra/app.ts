import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CONFIG_FILE_CONTEXT, CONFIG_FILE_ENV, CONTEXT_KEY, ConfigError, loadConfig } from './config.js';
import { ScaleToZeroStack } from './stack.js';

/** CDK entry point (cdk.json "app"): configuration from context, an optional JSON file and STZ_* variables. */
const app = new App();
try {
  const config = loadConfig({
    context: app.node.tryGetContext(CONTEXT_KEY),
    configFile: app.node.tryGetContext(CONFIG_FILE_CONTEXT) ?? process.env[CONFIG_FILE_ENV],
    env: process.env,
  });
  const stack = new ScaleToZeroStack(app, config.stackName, { config });
  Tags.of(stack).add('app', 'jitsi-scale-to-zero');
  Tags.of(stack).add('jitsi-group', config.groupName);
  // Every synth and deploy is checked against AWS Solutions rules; unacknowledged findings fail it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
