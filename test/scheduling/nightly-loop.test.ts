import { startNightlyLoop } from '../../local/nightly-loop.js';
import { InMemoryWakeLedger } from '../../shared/adapters/memory/activity-memory.js';
import { logger, metrics } from '../../shared/observability.js';
import { captureOutput, controllerSetup, idle, meeting, SetActivity } from './support.js';

async function setup(env: Record<string, string | undefined>) {
  const output = captureOutput();
  const { clock, group, controller } = await controllerSetup({ awake: true });
  const activity = new SetActivity(meeting);
  const said: string[] = [];
  // Ready for a minute already (controllerSetup): a 10 s grace as in `npm start` is over.
  const grace = { group, ledger: new InMemoryWakeLedger(), graceMs: 10_000 };
  const loop = startNightlyLoop({ controller, activity, grace, clock, env, logger, metrics, say: (m) => said.push(m) });
  return { output, clock, group, activity, said, loop };
}

describe('local nightly loop', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('is off unless LOCAL_NIGHTLY_SECONDS is set', async () => {
    const t = await setup({});
    cleanup = t.output.restore;
    expect(t.loop).toBeUndefined();
  });

  it('defers during a meeting through in-memory one-time schedules, then stops at the local deadline', async () => {
    const t = await setup({ LOCAL_NIGHTLY_SECONDS: '60', LOCAL_RECHECK_SECONDS: '10', LOCAL_MAX_DEFER_SECONDS: '25' });
    const loop = t.loop!;
    cleanup = () => { loop.close(); t.output.restore(); };

    expect(await loop.nightly()).toMatchObject({ outcome: 'deferred' });
    expect(loop.schedules.all().map((s) => s.input)).toEqual([{ action: 'power-down-recheck', deadline: expect.any(String), attempt: 1 }]);
    for (const step of [10_000, 10_000, 5_000]) {
      t.clock.advance(step);
      await loop.fireDue();
    }

    expect(loop.results.map((r) => r.outcome)).toEqual(['deferred', 'deferred', 'deferred', 'stopped']);
    expect(loop.results.at(-1)).toMatchObject({ forced: 'deadline' });
    expect(t.group.calls.filter((c) => c.op === 'sleep')).toHaveLength(2);
    expect(t.said.at(-1)).toMatch(/^power-down re-check 3: stopped \(forced by deadline\)/);
  });

  it('stops at once when nobody is meeting', async () => {
    const t = await setup({ LOCAL_NIGHTLY_SECONDS: '60' });
    const loop = t.loop!;
    cleanup = () => { loop.close(); t.output.restore(); };
    t.activity.activity = idle;
    expect(await loop.nightly()).toMatchObject({ outcome: 'stopped', reason: 'nightly power-down: nobody meeting' });
    expect(loop.schedules.all()).toHaveLength(0);
  });
});
