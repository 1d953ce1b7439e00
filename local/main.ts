import './quiet.js';
import { ConfigError } from '../shared/config/env-reader.js';
import { startLocalApp } from './app.js';
import { say } from './terminal.js';
import { prewarmLine } from './local-wake.js';

try {
  const app = await startLocalApp({ port: Number(process.env.PORT ?? 8080) });
  const backend = app.config.backend === 'simulated'
    ? `simulated group (${app.config.members.map((m) => m.id).join(' + ')}, start delay ${process.env.SIM_START_DELAY_SECONDS ?? 20} s)`
    : `AWS service group ${app.config.members.map((m) => m.id).join(', ')}`;
  say(`jitsi scale-to-zero controller, local mode, driving the ${backend}`);
  say(`open ${app.url}/my-meeting to wake it; status at ${app.url}/api/status; Ctrl+C to stop`);
  say(prewarmLine({ wake: app.config, prewarm: app.prewarm }));
  const stop = () => { void app.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
