import { createPrewarmHandler } from '../../functions/prewarm/handler.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { logger, metrics } from '../../shared/observability.js';
import { captureOutput, controllerSetup, loadEvent } from './support.js';

async function app(options: { awake?: boolean; now?: string } = {}) {
  const output = captureOutput();
  const { clock, group, controller } = await controllerSetup({ awake: options.awake ?? false, now: options.now ?? '2026-11-27T07:50:10Z' });
  const handler = createPrewarmHandler({ controller, clock, logger, metrics });
  return { output, group, invoke: (event: unknown) => handler(event, lambdaContext('prewarm')) };
}

describe('pre-warm function (schedule target)', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('wakes the group through GroupController.wake, counted and logged like a wake request', async () => {
    const t = await app({ now: '2026-11-27T08:50:05Z' });
    restore = t.output.restore;

    const result = await t.invoke(loadEvent('prewarm-schedule'));

    expect(result).toEqual({ outcome: 'woke', phase: 'waking', scaledUp: ['jitsi/web', 'jitsi/jvb'] });
    expect(t.group.calls.map((c) => c.op)).toEqual(['wake', 'wake']);
    expect(t.output.metric('WakeRequests')).toBe(1);
    expect(t.output.metric('Wakes')).toBe(1);
    expect(t.output.logs('wake request')[0]).toMatchObject({ source: 'prewarm', meetingStart: '2026-11-27T09:00:00.000Z', action: 'scale-up' });
  });

  it('leaves an awake group as it is', async () => {
    const t = await app({ awake: true, now: '2026-11-27T08:50:05Z' });
    restore = t.output.restore;
    expect(await t.invoke(loadEvent('prewarm-schedule'))).toMatchObject({ outcome: 'already-awake', scaledUp: [] });
    expect(t.group.calls).toHaveLength(0);
  });

  it.each([
    ['a malformed event', { action: 'prewarm', start: 'soon' }, '2026-11-27T08:50:05Z'],
    ['another action', loadEvent('power-down-nightly'), '2026-11-27T08:50:05Z'],
    ['a stale delivery hours after the meeting began', loadEvent('prewarm-schedule'), '2026-11-27T12:00:00Z'],
  ])('rejects %s with a log line and wakes nothing', async (_name, event, now) => {
    const t = await app({ now });
    restore = t.output.restore;
    expect(await t.invoke(event)).toMatchObject({ outcome: 'rejected' });
    expect(t.group.calls).toHaveLength(0);
    expect(t.output.logs('rejected pre-warm event')).toHaveLength(1);
    expect(t.output.metric('RejectedEvents')).toBe(1);
  });
});
