import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';
import { GroupController } from '../../shared/domain/controller.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from '../../functions/wake/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';

export const MEETING_BASE = 'https://meet.example.org/jitsi';

/** An event from events/ (the same files `npm run invoke` uses). */
export function loadEvent(name: string): APIGatewayProxyEventV2 {
  return JSON.parse(readFileSync(join(process.cwd(), 'events', `${name}.json`), 'utf8')) as APIGatewayProxyEventV2;
}

/**
 * Captures what Powertools writes (JSON log lines and EMF metrics on stdout, warnings on stderr) instead of
 * printing it; anything that is not JSON passes through.
 */
export function silenceOutput() {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write);
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.trimStart().startsWith('{')) {
        lines.push(...text.split('\n').filter(Boolean));
        return true;
      }
      return (originals[i] as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    lines,
    json: () => lines.flatMap((l) => { try { return [JSON.parse(l) as Record<string, unknown>]; } catch { return []; } }),
    restore: () => streams.forEach((stream, i) => { stream.write = originals[i]!; }),
  };
}

/** The real wake handler (middy + Powertools) over the simulated group, a fixed probe and a hand-moved clock. */
export function wakeApp(env: Record<string, string> = {}) {
  const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: MEETING_BASE, EXPECTED_WAKE_SECONDS: '120', ...env });
  const clock = new ManualClock();
  const group = new SimulatedServiceGroup(config.members, clock, { startDelayMs: 30_000, stopDelayMs: 2000, healthChecks: true });
  const probe = new FixedProbe(true);
  const controller = new GroupController(group, probe, clock, config.controller, controllerEvents(logger, metrics));
  const handler = createWakeHandler({ controller, config, clock, logger, metrics });
  const output = silenceOutput();
  return {
    config, clock, group, probe, controller, output,
    invoke: async (event: unknown) => handler(event, lambdaContext('wake')),
    /** Wake, let the simulated tasks start and the probe pass enough times. */
    makeReady: async () => {
      await controller.wake('test setup');
      for (let i = 0; i <= config.controller.probeSuccessesRequired; i += 1) {
        clock.advance(30_000);
        await controller.status();
      }
      if ((await controller.status()).phase !== 'ready') throw new Error('setup: group did not become ready');
      group.calls.length = 0;
    },
  };
}
