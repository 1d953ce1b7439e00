import { readFileSync } from 'node:fs';
import { runInvoke } from '../../local/invoke-cli.js';
import { refreshEvent } from '../../local/invoke-refresh.js';
import { silenceOutput } from '../handlers/support.js';

const NOW = new Date('2026-12-03T15:04:05.678Z');
const fixture = (name: string) => JSON.parse(readFileSync(`events/${name}`, 'utf8')) as Record<string, unknown>;

describe('npm run invoke moves fixture times to now', () => {
  it('keeps a pre-warm\'s lead time and its id in step with its meeting time', () => {
    expect(refreshEvent(fixture('prewarm-schedule.json'), NOW)).toEqual({
      action: 'prewarm', id: 'prewarm-20261203T151406Z', start: '2026-12-03T15:14:06.000Z', wakeAt: '2026-12-03T15:04:06.000Z',
    });
  });

  it('puts a re-check\'s deadline an hour ahead, and a nightly event at now', () => {
    expect(refreshEvent(fixture('power-down-recheck.json'), NOW)).toMatchObject({ deadline: '2026-12-03T16:04:06.000Z', attempt: 1 });
    expect(refreshEvent(fixture('power-down-nightly.json'), NOW)).toEqual({ action: 'power-down', scheduledTime: '2026-12-03T15:04:06Z' });
    // The Scheduler placeholder is not a time: left alone.
    expect(refreshEvent(fixture('power-down-malformed.json'), NOW)).toEqual(fixture('power-down-malformed.json'));
  });

  it('moves an alarm event as a whole, in CloudWatch\'s own time format', () => {
    const event = refreshEvent(fixture('alarm-empty-alarm.json'), NOW) as { time: string; alarmData: { state: { timestamp: string }; previousState: { timestamp: string } } };
    expect(event.time).toBe('2026-12-03T15:04:06.123+0000');
    expect(event.alarmData.state.timestamp).toBe('2026-12-03T15:04:06.123+0000');
    // 15 min 4 s before, as in the fixture.
    expect(event.alarmData.previousState.timestamp).toBe('2026-12-03T14:49:02.456+0000');
  });

  it('runs the pre-warm fixture as a fresh wake by default, and as the stale delivery it is with --as-is', async () => {
    const output = silenceOutput();
    try {
      const run = async (args: string[]) => {
        const out: string[] = [];
        const code = await runInvoke(args, {}, { out: (t) => { out.push(t); }, err: (t) => { out.push(t); } });
        return { code, result: JSON.parse(out.join('')) as { outcome: string; reason?: string } };
      };
      expect(await run(['prewarm', 'events/prewarm-schedule.json'])).toMatchObject({ code: 0, result: { outcome: 'woke' } });
      expect(await run(['--as-is', 'prewarm', 'events/prewarm-schedule.json'])).toMatchObject({ code: 0, result: { outcome: 'rejected', reason: expect.stringMatching(/^stale delivery/) } });
    } finally {
      output.restore();
    }
  });
});
