import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { loadWakeConfig } from '../../shared/config/core-config.js';
import { GroupController } from '../../shared/domain/controller.js';
import { CachedWakeEstimate, type WakeSample } from '../../shared/domain/wake-estimate.js';
import { HoldGate } from '../../shared/domain/hold-gate.js';
import { MemoryHoldStore } from '../../shared/adapters/memory/memory-hold-store.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';
import { createWakeHandler } from '../../functions/wake/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { loadEvent, MEETING_BASE, silenceOutput } from './support.js';

const PHASES = { provisioningMs: 10_000, imagePullMs: 30_000, containerStartMs: 5_000, healthChecksMs: 8_000, loadBalancerMs: 4_000 };

/** The real wake handler over the phased simulated group, with a learned estimate from a fake history. */
function app(history: WakeSample[]) {
  const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web,jitsi/jvb', MEETING_BASE_URL: MEETING_BASE, EXPECTED_WAKE_SECONDS: '240', READY_PROBE_INTERVAL_SECONDS: '1', STATUS_CACHE_MS: '0' });
  const clock = new ManualClock(new Date('2026-11-29T10:00:00Z').getTime());
  const group = new SimulatedServiceGroup(config.members, clock, { startDelayMs: 0, stopDelayMs: 0, healthChecks: true, phases: PHASES });
  const probe = new FixedProbe(false);
  const controller = new GroupController(group, probe, clock, config.controller, controllerEvents(logger, metrics));
  const estimate = new CachedWakeEstimate({ wakeSeconds: async () => history }, 240, clock);
  const handler = createWakeHandler({ controller, config, clock, logger, metrics, estimate });
  const output = silenceOutput();
  const call = async (name: string) => {
    probe.ok = await group.allRunning();
    const res = await handler(loadEvent(name), lambdaContext('wake'));
    return JSON.parse(res.body ?? 'null') as Record<string, unknown> & { timeline?: { current: string } };
  };
  const page = async () => (await handler(loadEvent('get-room'), lambdaContext('wake'))).body ?? '';
  return { clock, output, call, page };
}

describe('wake handler: timeline and learned estimate', () => {
  let t: ReturnType<typeof app> | undefined;
  afterEach(() => t?.output.restore());

  it('puts the learned estimate and the current phase into /api/status', async () => {
    t = app([{ seconds: 90, count: 1 }, { seconds: 100, count: 1 }, { seconds: 110, count: 1 }]);
    await t.call('post-wake');
    t.clock.advance(20_000);

    const status = await t.call('get-status');

    expect(status).toMatchObject({ phase: 'waking', elapsedSeconds: 20, estimatedSecondsLeft: 90, overEstimate: false, estimate: { seconds: 110, source: 'learned', samples: 3 } });
    expect(status.timeline?.current).toBe('image-pull');
  });

  it('logs one "wake timeline" line and one WakePhaseSeconds datapoint per phase (dimension Phase) when ready', async () => {
    t = app([]);
    await t.call('post-wake');
    let status = await t.call('get-status');
    for (let i = 0; i < 120 && status.phase !== 'ready'; i += 1) {
      t.clock.advance(1000);
      status = await t.call('get-status');
    }

    const lines = t.output.json();
    const timeline = lines.filter((l) => l.message === 'wake timeline');
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      outcome: 'ready', totalSeconds: 58,
      phases: { provisioning: 10, 'image-pull': 30, 'container-start': 5, 'health-checks': 8, 'load-balancer': 4, confirming: 1 },
    });
    const phaseMetrics = lines.filter((l) => 'WakePhaseSeconds' in l);
    expect(phaseMetrics.map((l) => [l.Phase, l.WakePhaseSeconds])).toEqual([
      ['provisioning', 10], ['image-pull', 30], ['container-start', 5], ['health-checks', 8], ['load-balancer', 4], ['confirming', 1],
    ]);
    const directive = (phaseMetrics[0]!._aws as { CloudWatchMetrics: Array<{ Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> }).CloudWatchMetrics[0]!;
    expect(directive.Dimensions[0]).toEqual(expect.arrayContaining(['service', 'Phase']));
    expect(directive.Metrics).toEqual([{ Name: 'WakePhaseSeconds', Unit: 'Seconds' }]);
    // With no history the page keeps the configured estimate.
    expect(status.estimate).toEqual({ seconds: 240, source: 'configured', samples: 0 });
  });

  it.each([
    [0, [], 'usually about 4 min'],
    [3, [{ seconds: 95, count: 1 }, { seconds: 100, count: 1 }, { seconds: 104, count: 1 }], 'usually about 1 min 40 s'],
    [30, [{ seconds: 80, count: 20 }, { seconds: 100, count: 8 }, { seconds: 400, count: 2 }], 'usually about 1 min 40 s'],
  ])('the waiting page after %i recorded wakes says "%s"', async (_n, history, words) => {
    t = app(history as WakeSample[]);

    const html = await t.page();

    expect(html).toContain(words);
  });

  it.each([
    ['the page GET', 'get-room', ['estimate', 'hold']],
    ['/_stz/status', 'get-status', ['estimate']],
  ] as const)('%s reads the status alongside its other reads: the status read waits until they were asked', async (_name, eventName, others) => {
    // On a cold container each read is its own AWS call (ECS, CloudWatch, SSM); code that awaited the status
    // first would never ask the others here, and the request would hang.
    const config = loadWakeConfig({ SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: MEETING_BASE, STATUS_CACHE_MS: '0' });
    const clock = new ManualClock(new Date('2026-11-29T10:00:00Z').getTime());
    const group = new SimulatedServiceGroup(config.members, clock, { startDelayMs: 0, stopDelayMs: 0, healthChecks: true });
    const controller = new GroupController(group, new FixedProbe(false), clock, config.controller, controllerEvents(logger, metrics));
    const opened: Record<string, () => void> = {};
    const asked = Object.fromEntries(['estimate', 'hold'].map((k) => [k, new Promise<void>((resolve) => { opened[k] = resolve; })]));
    const estimate = new CachedWakeEstimate({ wakeSeconds: async () => { opened.estimate!(); return [{ seconds: 100, count: 3 }]; } }, 240, clock);
    const store = new MemoryHoldStore();
    const holds = new HoldGate({ read: async () => { opened.hold!(); return store.read(); }, write: async () => undefined }, clock, 0);
    const gated = Object.assign(Object.create(controller) as GroupController, {
      status: async () => { await Promise.all(others.map((k) => asked[k])); return controller.status(); },
    });
    const handler = createWakeHandler({ controller: gated, config, clock, logger, metrics, estimate, holds });
    t = { clock, output: silenceOutput(), call: async () => ({}), page: async () => '' };

    const response = await Promise.race([
      handler(loadEvent(eventName), lambdaContext('wake')),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the reads ran one after another')), 2000)),
    ]);

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(eventName === 'get-room' ? 'usually about 1 min 40 s' : '"source":"learned"');
  });
});
