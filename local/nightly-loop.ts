import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MemorySchedules } from '../shared/adapters/memory/memory-schedules.js';
import { loadLocalNightlyConfig } from '../shared/config/local-nightly-config.js';
import type { GroupController } from '../shared/domain/controller.js';
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
  const prewarm = createPrewarmHandler({ controller, clock, logger, metrics });
  const results: PowerDownResult[] = [];

  const run = async (event: Record<string, unknown>, label: string) => {
    const result = await powerDown(event, POWER_DOWN);
    results.push(result);
    say(`${label}: ${result.outcome}${'forced' in result && result.forced ? ` (forced by ${result.forced})` : ''} — ${result.reason}`);
    return result;
  };
  const nightly = () => run({ action: 'power-down', scheduledTime: clock.now().toISOString() }, 'nightly power-down');
  const fireDue = async () => {
    for (const due of schedules.takeDue()) {
      if (due.targetArn === POWER_DOWN.invokedFunctionArn) await run(due.input, `power-down re-check ${String(due.input.attempt)}`);
      else if (due.targetArn === PREWARM.invokedFunctionArn) say(`pre-warm: ${JSON.stringify(await prewarm(due.input, PREWARM))}`);
    }
  };
  const guard = (work: () => Promise<unknown>) => () => { void work().catch((e: unknown) => say(`nightly loop failed: ${String(e)}`)); };
  const nightlyTimer = setInterval(guard(nightly), config.periodMs);
  const dueTimer = setInterval(guard(fireDue), 1000);
  nightlyTimer.unref();
  dueTimer.unref();
  say(`nightly power-down: every ${config.periodMs / 1000} s (policy ${config.settings.policy}; re-check every ${config.settings.recheckMs / 1000} s for up to ${config.settings.maxDeferMs / 1000} s)`);
  return {
    config, schedules, results, nightly, fireDue,
    close: () => { clearInterval(nightlyTimer); clearInterval(dueTimer); },
  };
}

export type NightlyLoop = NonNullable<ReturnType<typeof startNightlyLoop>>;
