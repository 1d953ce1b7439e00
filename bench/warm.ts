import './quiet.js';
import { performance } from 'node:perf_hooks';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../shared/adapters/memory/simulated-group.js';
import { GroupController } from '../shared/domain/controller.js';
import { loadWakeConfig } from '../shared/config/core-config.js';
import { controllerEvents, logger, metrics } from '../shared/observability.js';
import { createWakeHandler } from '../functions/wake/handler.js';
import { lambdaContext } from '../local/lambda-context.js';
import { httpEvent } from './events.js';
import { percentile, round } from './stats.js';

/**
 * Warm latency of the wake handler on the in-memory ports: `calls` sequential requests of one route with the
 * group in the given phase (the clock advances 10 ms per call, so the status cache expires as in real polling).
 */
export async function warmLatency(calls: number, method: string, path: string, phase: 'waking' | 'ready') {
  const clock = new ManualClock();
  const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: 'https://meet.example.com', READY_PROBE_SUCCESSES: '1' });
  const group = new SimulatedServiceGroup(config.members, clock, { startDelayMs: phase === 'ready' ? 0 : 1e12, stopDelayMs: 0, healthChecks: true });
  const controller = new GroupController(group, new FixedProbe(true), clock, config.controller, controllerEvents());
  const handler = createWakeHandler({ controller, config, clock, logger, metrics });
  await controller.wake();
  clock.advance(10_000);
  const event = httpEvent(method, path, method === 'POST' ? '{}' : undefined);
  const context = lambdaContext('wake');
  const samples: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    clock.advance(10);
    const t0 = performance.now();
    const response = await handler(event, context);
    samples.push(performance.now() - t0);
    if (response.statusCode >= 400) throw new Error(`warm call failed with ${response.statusCode}`);
  }
  return { calls, p50Ms: round(percentile(samples, 50), 3), p99Ms: round(percentile(samples, 99), 3), maxMs: round(Math.max(...samples), 2) };
}
