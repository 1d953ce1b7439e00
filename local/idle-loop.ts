import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { InMemoryMetricStore, InMemoryWakeLedger, RecordingAlarmControl } from '../shared/adapters/memory/activity-memory.js';
import type { SimulatedServiceGroup } from '../shared/adapters/memory/simulated-group.js';
import { loadLocalIdleConfig } from '../shared/config/local-idle-config.js';
import type { StatsFetcher } from '../shared/domain/activity-ports.js';
import type { GroupController } from '../shared/domain/controller.js';
import type { Decision } from '../shared/domain/decisions.js';
import type { HttpAnswer } from '../shared/domain/jitsi-stats.js';
import type { Clock } from '../shared/domain/service-group.js';
import { DirectActivitySource, JICOFO_STATS_PATH, JVB_STATS_PATH, type StatsPorts } from '../shared/domain/task-stats.js';
import type { WatchOutcome } from '../shared/domain/watch-activity.js';
import { createIdleShutdownHandler, type IdleShutdownResult } from '../functions/idle-shutdown/handler.js';
import { createWatchHandler } from '../functions/watch/handler.js';
import { lambdaContext } from './lambda-context.js';
import { LocalAlarms } from './local-alarms.js';
import type { SimulatedJitsi } from './sim-jitsi.js';

export interface IdleLoopOptions {
  controller: GroupController;
  group: SimulatedServiceGroup;
  jitsi: SimulatedJitsi;
  clock: Clock;
  env: Record<string, string | undefined>;
  metric: { namespace: string; group: string };
  logger: Logger;
  metrics: Metrics;
  /** Terminal output (local/terminal.ts `say`); tests pass nothing. */
  say?: (message: string) => void;
  /** Each idle decision, for `ctl log` (what the function's log line is in AWS). */
  record?: (decision: Decision) => void;
}

export const LOCAL_NO_JOIN_ALARM = 'local-no-join';
export const LOCAL_EMPTY_ALARM = 'local-empty-room';
const PORTS: StatsPorts = { jicofoPort: 8888, jvbPort: 8080 };

/**
 * The scheduled half of the controller in `npm start`: every watcher interval the real watch handler reads
 * the simulated Jitsi and publishes into an in-memory metric store; simulated CloudWatch alarms evaluate it
 * and hand their transitions to the real idle-shutdown handler, which sleeps the group through the same
 * controller the wake endpoint uses.
 */
export function startIdleLoop(o: IdleLoopOptions) {
  const config = loadLocalIdleConfig(o.env);
  const say = o.say ?? (() => undefined);
  const store = new InMemoryMetricStore();
  const ledger = new InMemoryWakeLedger();
  const periods = (ms: number) => Math.max(1, Math.ceil(ms / config.watchIntervalMs));
  const alarms = new LocalAlarms(
    [{ name: LOCAL_NO_JOIN_ALARM, periods: periods(config.idle.noJoinMs) }, { name: LOCAL_EMPTY_ALARM, periods: periods(config.idle.emptyMs) }],
    store, config.watchIntervalMs, o.clock, o.metric,
  );
  recordWakeRequests(o.controller, ledger, o.clock);
  const source = new DirectActivitySource(simulatedStatsFetcher(o.group, o.jitsi), PORTS);
  const { logger, metrics, clock, group } = o;
  const watch = createWatchHandler({ group, source, publisher: store, clock, logger, metrics });
  const idle = createIdleShutdownHandler({
    group, source, ledger, history: store, alarms: new RecordingAlarmControl((name) => alarms.rearm(name)),
    controller: o.controller, clock, settings: config.idle, noJoinAlarmName: LOCAL_NO_JOIN_ALARM, emptyAlarmName: LOCAL_EMPTY_ALARM, logger, metrics,
  });
  const decisions: IdleShutdownResult[] = [];
  let lastReading = '';

  async function runOnce(): Promise<void> {
    const outcome = (await watch({ source: 'local-timer', scheduledTime: clock.now().toISOString() }, lambdaContext('watch'))) as WatchOutcome;
    if (outcome.action === 'skipped') o.jitsi.reset(); // a stopped service forgets its participants
    const reading = outcome.action === 'published' ? `Participants=${outcome.datapoints.find((d) => d.name === 'Participants')?.value ?? '(none)'} — ${outcome.reason}` : outcome.reason;
    if (reading !== lastReading) say(`watch: ${reading}`);
    lastReading = reading;
    for (const event of alarms.evaluate()) {
      const { alarmName, state, previousState } = event.alarmData;
      if (state.value === 'ALARM' || previousState.value === 'ALARM') say(`alarm ${alarmName}: ${previousState.value} → ${state.value}`);
      if (state.value !== 'ALARM') continue;
      const result = await idle(event, lambdaContext('idle-shutdown'));
      decisions.push(result);
      o.record?.({ at: clock.now(), source: 'idle-shutdown', ...('decision' in result ? { action: result.decision.action, reason: result.decision.reason } : { action: 'reject', reason: result.reason }) });
      say(`idle shutdown: ${'decision' in result ? `${result.decision.action} — ${result.decision.reason}` : `rejected — ${result.reason}`}`);
    }
  }

  let inflight: Promise<void> | undefined;
  const tick = (): Promise<void> => {
    inflight ??= runOnce().finally(() => { inflight = undefined; });
    return inflight;
  };
  const timer = setInterval(() => { void tick().catch((e: unknown) => say(`watch/idle loop failed: ${String(e)}`)); }, config.watchIntervalMs);
  timer.unref();
  say(`idle shutdown: watcher every ${config.watchIntervalMs / 1000} s; back to sleep after ${config.idle.emptyMs / 1000} s empty, or ${config.idle.noJoinMs / 1000} s if nobody joins`);
  return { config, store, ledger, alarms, decisions, source, tick, close: () => clearInterval(timer) };
}

export type IdleLoop = ReturnType<typeof startIdleLoop>;

/** Local stand-in for the wake function's WakeRequests metric: every wake request lands in the ledger. */
function recordWakeRequests(controller: GroupController, ledger: InMemoryWakeLedger, clock: Clock): void {
  const wake = controller.wake.bind(controller);
  controller.wake = (reason?: string) => {
    ledger.record(clock.now());
    return wake(reason);
  };
}

/**
 * The stats endpoints of the simulated tasks: the first member runs Jicofo (web), the last runs the bridge
 * (one member runs both). The bridge sees media only from two participants on, as a real JVB does.
 */
function simulatedStatsFetcher(group: SimulatedServiceGroup, jitsi: SimulatedJitsi): StatsFetcher {
  const refused: HttpAnswer = { kind: 'failed', reason: 'connection refused' };
  const json = (body: unknown): HttpAnswer => ({ kind: 'response', status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  return {
    async get(ip, port, path) {
      const task = (await group.runningTasks()).find((t) => t.privateIp === ip);
      const index = group.members.findIndex((m) => m.id === task?.member);
      if (!task || index < 0) return { kind: 'failed', reason: 'timeout (no such task)' };
      const stats = jitsi.stats();
      if (index === 0 && port === PORTS.jicofoPort && path === JICOFO_STATS_PATH) return json(stats);
      if (index === group.members.length - 1 && port === PORTS.jvbPort && path === JVB_STATS_PATH) {
        const media = stats.participants >= 2;
        return json({ conferences: media ? stats.conferences : 0, participants: media ? stats.participants : 0, healthy: true });
      }
      return refused;
    },
  };
}
