import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MemorySchedules } from '../shared/adapters/memory/memory-schedules.js';
import { loadLocalNightlyConfig } from '../shared/config/local-nightly-config.js';
import type { GroupController } from '../shared/domain/controller.js';
import type { Decision } from '../shared/domain/decisions.js';
import type { Clock } from '../shared/domain/service-group.js';
import type { LiveActivity } from '../shared/domain/stop-check.js';
import type { StopGrace } from '../shared/domain/stop-grace.js';
import { createPowerDownHandler, type PowerDownResult } from '../functions/power-down/handler.js';
import { createPrewarmHandler } from '../functions/prewarm/handler.js';
import { lambdaContext } from './lambda-context.js';

export interface NightlyLoopOptions {
  controller: GroupController;
  /** The same live reading the local idle loop uses (the simulated Jitsi's stats). */
  activity: LiveActivity;
  /** The idle loop's stop grace and wake ledger: the nightly run must not strand someone who just arrived. */
  grace: StopGrace;
  clock: Clock;
  env: Record<string, string | undefined>;
  logger: Logger;
  metrics: Metrics;
  say?: (message: string) => void;
  /** Each power-down decision, for `ctl log`. */
  record?: (decision: Decision) => void;
}

const POWER_DOWN = lambdaContext('power-down');
const PREWARM = lambdaContext('prewarm');

/**
 * The nightly power-down in `npm start`: every LOCAL_NIGHTLY_SECONDS the real power-down handler gets the
 * nightly event; its one-time re-checks (and pre-warms) land in in-memory schedules that a one-second timer
 * fires, as EventBridge Scheduler would. Returns undefined when LOCAL_NIGHTLY_SECONDS is not set.
 */
export function startNightlyLoop(o: NightlyLoopOptions) {
  const config = loadLocalNightlyConfig(o.env);
  if (!config) return undefined;
  const say = o.say ?? (() => undefined);
  const { controller, activity, grace, clock, logger, metrics } = o;
  const schedules = new MemorySchedules(clock);
  const powerDown = createPowerDownHandler({ controller, activity, grace, schedules, clock, settings: config.settings, logger, metrics });
  const prewarm = prewarmRunner(o, say);
  const results: PowerDownResult[] = [];

  const run = async (event: Record<string, unknown>, label: string) => {
    const result = await powerDown(event, POWER_DOWN);
    results.push(result);
    const action = result.outcome === 'stopped' ? 'stop' : result.outcome === 'deferred' ? 'defer' : result.outcome === 'rejected' ? 'reject' : 'none';
    o.record?.({ at: clock.now(), source: 'power-down', action, reason: `${'forced' in result && result.forced ? `forced by ${result.forced}: ` : ''}${result.reason}` });
    say(`${label}: ${result.outcome}${'forced' in result && result.forced ? ` (forced by ${result.forced})` : ''} — ${result.reason}`);
    return result;
  };
  const nightly = () => run({ action: 'power-down', scheduledTime: clock.now().toISOString() }, 'nightly power-down');
  const fireDue = async () => {
    for (const due of schedules.takeDue()) {
      if (due.targetArn === POWER_DOWN.invokedFunctionArn) await run(due.input, `power-down re-check ${String(due.input.attempt)}`);
      else if (due.targetArn === PREWARM.invokedFunctionArn) await prewarm(due.input);
    }
  };
  // One piece of work at a time: a nightly run and a due re-check never print into each other's lines.
  let queue: Promise<unknown> = Promise.resolve();
  const guard = (work: () => Promise<unknown>) => () => {
    queue = queue.then(work).catch((e: unknown) => say(`nightly loop failed: ${String(e)}`));
  };
  const startedAt = clock.now().getTime();
  const nightlyTimer = setInterval(guard(nightly), config.periodMs);
  /** When the local timer next runs the nightly power-down (`ctl status`). */
  const nextRun = () => new Date(startedAt + (Math.floor((clock.now().getTime() - startedAt) / config.periodMs) + 1) * config.periodMs);
  const dueTimer = setInterval(guard(fireDue), 1000);
  nightlyTimer.unref();
  dueTimer.unref();
  say(`nightly power-down: every ${config.periodMs / 1000} s (policy ${config.settings.policy}; re-check every ${config.settings.recheckMs / 1000} s for up to ${config.settings.maxDeferMs / 1000} s)`);
  return {
    config, schedules, results, nightly, fireDue, nextRun,
    close: () => { clearInterval(nightlyTimer); clearInterval(dueTimer); },
  };
}

export type NightlyLoop = NonNullable<ReturnType<typeof startNightlyLoop>>;

/** Runs one due pre-warm through the real prewarm handler and says what it did. */
function prewarmRunner(o: Pick<NightlyLoopOptions, 'controller' | 'clock' | 'logger' | 'metrics'>, say: (message: string) => void) {
  const prewarm = createPrewarmHandler({ controller: o.controller, clock: o.clock, logger: o.logger, metrics: o.metrics });
  return async (input: Record<string, unknown>) => {
    const result = await prewarm(input, PREWARM);
    say(`pre-warm: ${result.outcome}${'reason' in result ? ` — ${result.reason}` : ` (phase ${result.phase})`}`);
  };
}

/**
 * With the nightly loop off, pre-warms made through the demo's pre-warm API still fire: their one-time
 * schedules wait in memory and a one-second timer runs the due ones, as EventBridge Scheduler would.
 */
export function startPrewarmLoop(o: Pick<NightlyLoopOptions, 'controller' | 'clock' | 'logger' | 'metrics' | 'say'>) {
  const say = o.say ?? (() => undefined);
  const schedules = new MemorySchedules(o.clock);
  const prewarm = prewarmRunner(o, say);
  let running: Promise<unknown> = Promise.resolve();
  const fireDue = async () => {
    for (const due of schedules.takeDue()) if (due.targetArn === PREWARM.invokedFunctionArn) await prewarm(due.input);
  };
  const timer = setInterval(() => { running = running.then(fireDue).catch((e: unknown) => say(`pre-warm loop failed: ${String(e)}`)); }, 1000);
  timer.unref();
  return { schedules, fireDue, close: () => clearInterval(timer) };
}
