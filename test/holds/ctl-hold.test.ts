import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import type { Env } from '../../shared/config/env-reader.js';
import { serializeHold } from '../../shared/domain/hold.js';
import { runCtl } from '../support/ctl.js';
import { ctlRuntimeFromEnv, type CtlRuntime } from '../../local/ctl-runtime.js';

const SIM = { CONTROLLER_BACKEND: 'simulated' };
/** ManualClock's default instant. */
const NOW = new Date('2026-11-26T12:00:00Z');
const maintenance = serializeHold({ kind: 'asleep', until: new Date('2026-11-26T16:00:00Z'), setAt: NOW, reason: 'OS upgrade', setBy: 'ctl' });

/** One runtime across several commands, like an operator's shell session against one parameter. */
function session(env: Env = SIM) {
  let runtime: CtlRuntime | undefined;
  return (...args: string[]) => runCtl(args, { env, runtime: (e) => (runtime ??= ctlRuntimeFromEnv(e, new ManualClock())) });
}

describe('ctl hold', () => {
  it('sets, lists and clears a hold; status shows the active one', async () => {
    const ctl = session();
    const set = await ctl('hold', 'awake', '--until', '+4h', '--reason', 'all-day workshop');
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toBe([
      'hold awake until 2026-11-26T16:00:00Z (all-day workshop) set',
      'the group is asleep: the hold keeps it up once woken ("up" wakes it now)',
      'functions see the change within 30 s (their read cache)',
    ].join('\n'));
    expect((await ctl('hold', '--list')).out).toBe('hold: awake until 2026-11-26T16:00:00Z (all-day workshop), set by ctl at 2026-11-26T12:00:00.000Z');
    expect((await ctl('status')).out).toMatch(/\nhold: awake until 2026-11-26T16:00:00Z \(all-day workshop\)/);
    expect((await ctl('hold', '--clear')).out).toMatch(/^cleared hold awake until 2026-11-26T16:00:00Z/);
    expect((await ctl('hold', '--list')).out).toBe('no hold');
    expect((await ctl('status')).out).not.toMatch(/hold/);
  });

  it('up is refused during maintenance and wakes nothing; --json says why', async () => {
    const ctl = session({ ...SIM, SIM_HOLD: maintenance });
    const res = await ctl('--json', 'up');
    expect(res.code).toBe(1);
    expect(JSON.parse(res.out)).toEqual({ action: 'refused', reason: 'maintenance hold asleep until 2026-11-26T16:00:00Z (OS upgrade): ctl-up refused', exitCode: 1 });
    expect((await ctl('status')).out).toMatch(/^phase: asleep/m);
  });

  it('prewarm inside the maintenance window is refused with the reason', async () => {
    const ctl = session({ ...SIM, SIM_HOLD: maintenance });
    const res = await ctl('prewarm', '2026-11-26T15:00:00Z');
    expect(res).toMatchObject({ code: 1, err: 'refused: maintenance hold asleep until 2026-11-26T16:00:00Z (OS upgrade): prewarm refused' });
  });

  it('status and list show a stored hold that is ignored, and why', async () => {
    const ctl = session({ ...SIM, SIM_HOLD: '{"kind":"awake"' });
    expect((await ctl('status')).out).toMatch(/\nno hold in force: malformed hold ignored: not JSON$/);
  });

  it.each([
    [['hold', 'awake'], /hold awake needs --until/],
    [['hold', 'awake', '--until', 'tomorrow'], /invalid hold: --until: "tomorrow" is not an ISO 8601 time/],
    [['hold', 'awake', '--until', '+1h', '--colour', 'red'], /unexpected "--colour red"/],
    [['hold', 'frozen', '--until', '+1h'], /hold takes awake\|asleep/],
  ])('bad input %j: exit 2, clear message, nothing stored', async (args, message) => {
    const ctl = session();
    const res = await ctl(...args);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(message);
    expect((await ctl('hold', '--list')).out).toBe('no hold');
  });

  it('without HOLD_PARAMETER on AWS, hold commands explain what to set', async () => {
    const ctl = session({ SERVICE_GROUP: 'jitsi/web', MEETING_BASE_URL: 'https://meet.example.org', PROBE_FUNCTION_NAME: 'jitsi-probe', AWS_REGION: 'eu-central-1' });
    const res = await ctl('hold', '--list');
    expect(res).toMatchObject({ code: 2, err: 'holds are not configured: set HOLD_PARAMETER to the stack output HoldParameterName' });
  });
});
