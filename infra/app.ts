import { App } from 'aws-cdk-lib';
import { buildApp } from './app-setup.js';
import { CONFIG_FILE_CONTEXT, CONFIG_FILE_ENV, CONTEXT_KEY, ConfigError, loadConfig } from './config.js';

/** CDK entry point (cdk.json "app"): configuration from context, an optional JSON file and STZ_* variables. */
const app = new App();
try {
  const config = loadConfig({
    context: app.node.tryGetContext(CONTEXT_KEY),
    configFile: app.node.tryGetContext(CONFIG_FILE_CONTEXT) ?? process.env[CONFIG_FILE_ENV],
    env: process.env,
  });
  buildApp(app, config);
  app.synth();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
