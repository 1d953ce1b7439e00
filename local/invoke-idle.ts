import { loadProbeConfig, loadWatchConfig } from '../shared/config/activity-config.js';
import type { Env } from '../shared/config/env-reader.js';
import { loadIdleShutdownConfig } from '../shared/config/idle-config.js';
import { HttpStatsFetcher } from '../shared/adapters/http/stats-fetcher.js';
import { createIdleRuntime, createWatchRuntime } from '../shared/compose-activity.js';
import { systemClock } from '../shared/domain/service-group.js';
import { controllerEvents, logger, metrics } from '../shared/observability.js';
import { createIdleShutdownHandler } from '../functions/idle-shutdown/handler.js';
import { createProbeHandler } from '../functions/probe/handler.js';
import { createWatchHandler } from '../functions/watch/handler.js';
import type { LocalFunction, LocalHandler } from './invoke-types.js';

/** The alarm names of the sample events (events/alarm-*.json), for simulated runs. */
const SIMULATED_ALARMS = { NO_JOIN_ALARM_NAME: 'jitsi-no-join', EMPTY_ALARM_NAME: 'jitsi-empty-room' };

/** Mirrors functions/watch/index.ts. */
function buildWatch(env: Env): LocalHandler {
  const config = loadWatchConfig(env);
  return createWatchHandler({ ...createWatchRuntime(config), clock: systemClock, logger, metrics });
}

/** Mirrors functions/probe/index.ts: real HTTP to the IPs in the event (private IPv4 only). */
function buildProbe(env: Env): LocalHandler {
  const config = loadProbeConfig(env);
  return createProbeHandler({ fetcher: new HttpStatsFetcher(config.timeoutMs), ports: { jicofoPort: config.jicofoPort, jvbPort: config.jvbPort }, logger, metrics });
}

/** Mirrors functions/idle-shutdown/index.ts. The local context is account 000000000000 in region "local". */
function buildIdleShutdown(env: Env): LocalHandler {
  const config = loadIdleShutdownConfig(env.CONTROLLER_BACKEND === 'simulated' ? { ...SIMULATED_ALARMS, ...env } : env);
  const runtime = createIdleRuntime(config, controllerEvents());
  return createIdleShutdownHandler({
    ...runtime, clock: systemClock, settings: config.idle,
    noJoinAlarmName: config.noJoinAlarmName, emptyAlarmName: config.emptyAlarmName, logger, metrics,
  });
}

export const IDLE_FUNCTIONS: Readonly<Record<string, LocalFunction>> = {
  watch: { summary: 'Scheduler event: read Jitsi activity while awake, publish metrics (events/watch-scheduled.json)', build: buildWatch },
  probe: { summary: 'probe input: Jicofo/JVB stats of private task IPs (events/probe-*.json)', build: buildProbe },
  'idle-shutdown': { summary: 'CloudWatch alarm action: re-check, then sleep (events/alarm-*.json)', build: buildIdleShutdown },
};
