import { loadWakeConfig, type WakeConfig } from '../shared/config/core-config.js';
import { GroupController } from '../shared/domain/controller.js';
import { systemClock, type Clock } from '../shared/domain/service-group.js';
import { SimulatedServiceGroup } from '../shared/adapters/memory/simulated-group.js';
import { createController } from '../shared/compose.js';
import { HttpReadinessProbe } from '../shared/adapters/http/readiness-probe.js';
import { controllerEvents, logger, metrics } from '../shared/observability.js';
import { createWakeHandler } from '../functions/wake/handler.js';
import { startLocalServer, MEET_PREFIX } from './server.js';
import { SimulatedJitsi } from './sim-jitsi.js';
import { freePort } from './free-port.js';
import { fanOut, say, terminalEvents } from './terminal.js';
import { startIdleLoop } from './idle-loop.js';
import { startNightlyLoop } from './nightly-loop.js';
import { liveActivity } from '../shared/domain/stop-check.js';
import { readSimulatedPhases, simulatedStartSeconds } from '../shared/config/simulation-config.js';
import { MemoryWakeHistory } from '../shared/adapters/memory/memory-wake-history.js';
import { CachedWakeEstimate } from '../shared/domain/wake-estimate.js';

export interface LocalAppOptions {
  port?: number;
  env?: Record<string, string | undefined>;
  clock?: Clock;
  quiet?: boolean;
}

/** Local defaults: the simulated backend, short windows, the simulated meeting site on this server. */
export function localEnv(port: number, env: Record<string, string | undefined>): Record<string, string | undefined> {
  const simulated = (env.CONTROLLER_BACKEND ?? 'simulated') === 'simulated';
  return {
    SERVICE_GROUP: 'local/jitsi-web,local/jitsi-jvb',
    EXPECTED_WAKE_SECONDS: String(Math.round(simulatedStartSeconds(readSimulatedPhases(env))) + 5),
    READY_PROBE_INTERVAL_SECONDS: '1',
    POLL_INTERVAL_SECONDS: '2',
    STATUS_CACHE_MS: '500',
    ...env,
    CONTROLLER_BACKEND: simulated ? 'simulated' : env.CONTROLLER_BACKEND,
    MEETING_BASE_URL: simulated ? `http://localhost:${port}${MEET_PREFIX}` : env.MEETING_BASE_URL,
  };
}

/** Builds and starts the local runtime; returns handles for tests and for the CLI entry point. */
export async function startLocalApp(options: LocalAppOptions = {}) {
  // Port 0 (tests): pick a free port first, because the simulated meeting URL in the config must name it.
  const port = options.port === 0 ? await freePort() : (options.port ?? 8080);
  const clock = options.clock ?? systemClock;
  const env = localEnv(port, options.env ?? process.env);
  const config: WakeConfig = loadWakeConfig(env);
  // The page's estimate learns from this demo's own wakes (in AWS: 30 days of WakeToReadySeconds).
  const history = new MemoryWakeHistory();
  const learn = { becameReady: (seconds: number | undefined) => { if (seconds !== undefined) history.record(clock.now(), seconds); } };
  const events = options.quiet ? fanOut(controllerEvents(), learn) : fanOut(terminalEvents(), controllerEvents(), learn);
  const estimate = new CachedWakeEstimate(history, config.controller.expectedWakeSeconds, clock, { ttlMs: 0, retryMs: 0 });
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
    const probe = new HttpReadinessProbe(config.meetingBaseUrl, config.probePaths, config.probeTimeoutMs);
    controller = new GroupController(group, probe, clock, config.controller, events);
  } else {
    controller = createController(config, events);
  }
  // The scheduled half (watcher, idle alarms, idle shutdown) on local timers; in AWS: Scheduler and CloudWatch.
  const idle = group
    ? startIdleLoop({ controller, group, jitsi, clock, env, metric: { namespace: config.metricNamespace, group: config.groupName }, logger, metrics, say: options.quiet ? undefined : say })
    : undefined;
  // The nightly power-down on a short timer, only when LOCAL_NIGHTLY_SECONDS is set (off by default).
  const nightly = group && idle
    ? startNightlyLoop({ controller, activity: liveActivity(group, idle.source), clock, env, logger, metrics, say: options.quiet ? undefined : say })
    : undefined;
  const wakeHandler = createWakeHandler({ controller, config, clock, logger, metrics, estimate });
  const sim = group;
  const local = await startLocalServer({
    wakeHandler,
    port,
    simulation: sim ? { jitsi, isRunning: () => sim.allRunning() } : undefined,
  });
  // Show phase changes even while nobody polls.
  const monitor = setInterval(() => { void controller.status().catch((e: unknown) => say(`status failed: ${String(e)}`)); }, 1000);
  monitor.unref();
  return {
    ...local,
    config,
    controller,
    group,
    jitsi,
    idle,
    nightly,
    close: async () => { clearInterval(monitor); idle?.close(); nightly?.close(); await local.close(); },
  };
}
