import './quiet.js';
import { ConfigError } from '../shared/config/env-reader.js';
import { startLocalApp } from './app.js';
import { say } from './terminal.js';
import { reportLines } from './report-text.js';
import { prewarmLine } from './local-wake.js';
import { readSimulatedPhases, simulatedStartSeconds } from '../shared/config/simulation-config.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST?.trim() || '127.0.0.1';
try {
  const app = await startLocalApp({ port, host });
  const backend = app.config.backend === 'simulated'
    ? `simulated group (${app.config.members.map((m) => m.id).join(' + ')}, start delay ${simulatedStartSeconds(readSimulatedPhases())} s)`
    : `AWS service group ${app.config.members.map((m) => m.id).join(', ')}`;
  say(`jitsi scale-to-zero controller, local mode, driving the ${backend}`);
  if (host !== '127.0.0.1' && host !== 'localhost') say(`listening on ${host}:${port} (HOST); anyone who can reach it can wake the group`);
  say(`open ${app.url}/my-meeting to wake it; status at ${app.url}/_stz/status; this session's report at ${app.url}/_local/report; Ctrl+C to stop`);
  say(prewarmLine({ prewarm: app.prewarm }));
  say(`operator view: npm run ctl -- --local ${app.url} status (or log, up, down, prewarm)`);
  const stop = () => {
    void app.report()
      .then((r) => process.stdout.write(`${reportLines(r).join('\n')}\n`), () => undefined)
      .then(() => app.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    process.stderr.write(`port ${port} is in use: set PORT (e.g. PORT=8081 npm start)\n`);
    process.exit(2);
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    process.stderr.write(`cannot listen on HOST=${host}: ${code}\n`);
    process.exit(2);
  }
  throw error;
}
