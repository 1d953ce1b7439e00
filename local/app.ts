import type { WakeConfig } from '../shared/config/core-config.js';
import { GroupController } from '../shared/domain/controller.js';
import { systemClock, type Clock } from '../shared/domain/service-group.js';
import { SimulatedServiceGroup } from '../shared/adapters/memory/simulated-group.js';
import { createController } from '../shared/compose.js';
import { HttpReadinessProbe } from '../shared/adapters/http/readiness-probe.js';
import { controllerEvents, logger, metrics } from '../shared/observability.js';
import { buildLocalWakeHandler, loadLocalWakeConfig } from './local-wake.js';
import { startLocalServer, MEET_PREFIX } from './server.js';
import { SimulatedJitsi } from './sim-jitsi.js';
import { freePort } from './free-port.js';
import { decisionEvents, fanOut, say, terminalEvents } from './terminal.js';
import { localControlRoutes } from './local-control.js';
import { pendingSchedules } from './ctl-runtime.js';
import { MemoryDecisionLog } from '../shared/adapters/memory/memory-decision-log.js';
import type { Decision } from '../shared/domain/decisions.js';
import { startIdleLoop } from './idle-loop.js';
import { startNightlyLoop, startPrewarmLoop } from './nightly-loop.js';
import { liveActivity } from '../shared/domain/stop-check.js';
import { FixedTaskSizes, UsageRecorder } from '../shared/adapters/memory/usage-recorder.js';
import { monthReport } from '../shared/domain/report-service.js';
import { monthOf } from '../shared/domain/zoned-month.js';
import { reportLines } from './report-text.js';
import { readSimulatedPhases, simulatedStartSeconds } from '../shared/config/simulation-config.js';
import { MemoryWakeHistory } from '../shared/adapters/memory/memory-wake-history.js';
import { CachedWakeEstimate } from '../shared/domain/wake-estimate.js';

export interface LocalAppOptions {
  port?: number;
  /** Interface to listen on: 127.0.0.1 unless HOST says otherwise (e.g. 0.0.0.0 for other machines). */
  host?: string;
  env?: Record<string, string | undefined>;
  clock?: Clock;
  quiet?: boolean;
}

/**
 * Local defaults: the simulated backend, short windows, the simulated meeting site on this server. With the
 * simulated backend the link mode defaults to `canonical`: this server is the meeting domain (it plays
 * CloudFront) and /_meet is the origin the readiness probe asks; `LINK_MODE=wake-url` plays API Gateway with
 * the meeting at /_meet instead.
 */
export function localEnv(port: number, env: Record<string, string | undefined>): Record<string, string | undefined> {
  const simulated = (env.CONTROLLER_BACKEND ?? 'simulated') === 'simulated';
  const canonical = (env.LINK_MODE ?? (simulated ? 'canonical' : 'wake-url')) === 'canonical';
  const origin = `http://localhost:${port}${MEET_PREFIX}`;
  // The simulator's timings only for the simulated group: driving a real service, the configured (or
  // default) estimate, status cache and poll interval apply, as in the deployed wake function.
  const simulatorTimings = simulated
    ? {
      SERVICE_GROUP: 'local/jitsi-web,local/jitsi-jvb',
      EXPECTED_WAKE_SECONDS: String(Math.round(simulatedStartSeconds(readSimulatedPhases(env))) + 5),
      READY_PROBE_INTERVAL_SECONDS: '1',
      POLL_INTERVAL_SECONDS: '2',
      STATUS_CACHE_MS: '500',
    }
    : {};
  return {
    ...simulatorTimings,
    ...env,
    CONTROLLER_BACKEND: simulated ? 'simulated' : env.CONTROLLER_BACKEND,
    ...(simulated ? { LINK_MODE: env.LINK_MODE ?? 'canonical', MEETING_BASE_URL: canonical ? `http://localhost:${port}` : origin, READINESS_BASE_URL: origin } : {}),
  };
}

/** Builds and starts the local runtime; returns handles for tests and for the CLI entry point. */
export async function startLocalApp(options: LocalAppOptions = {}) {
  // Port 0 (tests): pick a free port first, because the simulated meeting URL in the config must name it.
  const port = options.port === 0 ? await freePort(options.host) : (options.port ?? 8080);
  const clock = options.clock ?? systemClock;
  const env = localEnv(port, options.env ?? process.env);
  const wakeFunction = loadLocalWakeConfig(env);
  const config: WakeConfig = wakeFunction.wake;
  // The session's usage for the monthly report (GET /_local/report, and the summary on exit).
  const usage = new UsageRecorder(clock);
  // What `ctl log` reads in AWS from the functions' log lines, recorded here from the same events.
  const decisions = new MemoryDecisionLog();
  const record = (d: Decision) => decisions.record(d);
  // The page's estimate learns from this demo's own wakes (in AWS: 30 days of WakeToReadySeconds).
  const history = new MemoryWakeHistory();
  const learn = { becameReady: (seconds: number | undefined) => { if (seconds !== undefined) history.record(clock.now(), seconds); } };
  const estimate = new CachedWakeEstimate(history, config.controller.expectedWakeSeconds, clock, { ttlMs: 0, retryMs: 0 });
  const events = fanOut(...(options.quiet ? [] : [terminalEvents()]), controllerEvents(), usage.events(), decisionEvents(record, clock), learn);
  const jitsi = new SimulatedJitsi(clock);
  let controller: GroupController;
  let group: SimulatedServiceGroup | undefined;
  if (config.backend === 'simulated') {
    group = new SimulatedServiceGroup(config.members, clock, {
      startDelayMs: 0,
      phases: readSimulatedPhases(env),
      stopDelayMs: 2000,
      healthChecks: true,
    });
    const probe = new HttpReadinessProbe(config.readinessBaseUrl, config.probePaths, config.probeTimeoutMs);
    controller = new GroupController(group, probe, clock, config.controller, events);
  } else {
    controller = createController(config, events);
  }
  // The scheduled half (watcher, idle alarms, idle shutdown) on local timers; in AWS: Scheduler and CloudWatch.
  const idle = group
    ? startIdleLoop({ controller, group, jitsi, clock, env, metric: { namespace: config.metricNamespace, group: config.groupName }, logger, metrics, say: options.quiet ? undefined : say, record })
    : undefined;
  // The nightly power-down on a short timer, only when LOCAL_NIGHTLY_SECONDS is set (off by default).
  const nightly = group && idle
    ? startNightlyLoop({
      controller, activity: liveActivity(group, idle.source), grace: { group, ledger: idle.ledger, graceMs: idle.config.idle.graceMs },
      clock, env, logger, metrics, say: options.quiet ? undefined : say, record,
    })
    : undefined;
  // Without the nightly loop, pre-warms (when the pre-warm API is on) still need something to fire them.
  const prewarms = group && !nightly && wakeFunction.prewarm
    ? startPrewarmLoop({ controller, clock, logger, metrics, say: options.quiet ? undefined : say })
    : undefined;
  const schedules = nightly?.schedules ?? prewarms?.schedules;
  if (idle) usage.attach(() => idle.store.datapoints, idle.config.watchIntervalMs / 60_000);
  const report = async () => {
    const timeZone = env.TIME_ZONE ?? 'UTC';
    const result = await monthReport(monthOf(clock.now(), timeZone), clock.now(), {
      members: config.members, sizes: new FixedTaskSizes(), history: usage, prices: { region: env.AWS_REGION ?? 'us-east-1' }, dashboard: false,
    });
    if ('error' in result) throw new Error(result.error);
    return result;
  };
  // As functions/wake/index.ts (pre-warm API when configured; its schedules fire in the nightly or pre-warm loop).
  // Locally the idle loop's ledger stands in for the PersonsSentIn metric.
  const wakeHandler = buildLocalWakeHandler({
    config: wakeFunction, controller, clock, schedules, recordSentIn: idle ? (at) => idle.ledger.recordSentIn(at) : undefined, estimate,
  });
  const sim = group;
  const control = localControlRoutes({
    controller,
    activity: group && idle ? liveActivity(group, idle.source) : undefined,
    decisions,
    idleAlarms: idle ? { read: async () => idle.alarms.readings() } : undefined,
    pending: schedules ? () => pendingSchedules(schedules) : undefined,
    nextNightly: nightly ? async () => nightly.nextRun() : undefined,
    timeZone: env.TIME_ZONE ?? 'UTC',
  });
  const local = await startLocalServer({
    wakeHandler,
    port,
    host: options.host,
    simulation: sim ? { jitsi, isRunning: () => sim.allRunning() } : undefined,
    front: config.linkMode === 'canonical' ? 'cloudfront' : 'api-gateway',
    extraRoutes: async (req, res, body) => {
      if (req.url?.split('?')[0] === '/_local/report') {
        const r = await report();
        const json = (req.headers.accept ?? '').includes('application/json');
        res.writeHead(200, { 'content-type': json ? 'application/json' : 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(json ? JSON.stringify(r) : `${reportLines(r).join('\n')}\n`);
        return true;
      }
      return control(req, res, body);
    },
  });
  // Show phase changes even while nobody polls.
  const monitor = setInterval(() => { void controller.status().catch((e: unknown) => say(`status failed: ${String(e)}`)); }, 1000);
  monitor.unref();
  return {
    ...local,
    config,
    prewarm: wakeFunction.prewarm,
    controller,
    group,
    jitsi,
    idle,
    nightly,
    usage,
    report,
    decisions,
    close: async () => { clearInterval(monitor); idle?.close(); nightly?.close(); prewarms?.close(); await local.close(); },
  };
}
