import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { MemoryDecisionLog } from '../../shared/adapters/memory/memory-decision-log.js';
import type { Env } from '../../shared/config/env-reader.js';
import type { IdleAlarmReading } from '../../shared/domain/operator-view.js';
import { runCtl } from '../support/ctl.js';
import { ctlRuntimeFromEnv, type CtlRuntime } from '../../local/ctl-runtime.js';

const SIM = { CONTROLLER_BACKEND: 'simulated', TIME_ZONE: 'Europe/Berlin' };
const NOW = new Date('2026-11-26T12:00:00Z');

/** The simulated runtime with the operator views filled in memory (what --stack or --local provide). */
function runtimeWith(env: Env, views: { decisions?: MemoryDecisionLog; alarms?: IdleAlarmReading[] } = {}) {
  const clock = new ManualClock(NOW.getTime());
  const rt = ctlRuntimeFromEnv({ ...SIM, ...env }, clock);
  const full: CtlRuntime = {
    ...rt,
    pause: async (ms) => { clock.advance(ms); },
    ...(views.decisions ? { decisions: views.decisions } : {}),
    ...(views.alarms ? { idleAlarms: { read: async () => views.alarms! } } : {}),
  };
  return full;
}

function ctl(args: string[], rt: CtlRuntime) {
  return runCtl(args, { env: SIM, runtime: () => rt });
}

function decisions() {
  const log = new MemoryDecisionLog();
  log.record({ at: new Date('2026-11-26T09:58:00Z'), source: 'wake', action: 'wake', reason: 'wake request (local/jitsi-web)' });
  log.record({ at: new Date('2026-11-26T10:40:00Z'), source: 'idle-shutdown', action: 'skip', reason: 'meeting live: 2 participant(s)' });
  log.record({ at: new Date('2026-11-26T11:30:00Z'), source: 'idle-shutdown', action: 'sleep', reason: 'idle shutdown: room empty for 15 min' });
  log.record({ at: new Date('2026-11-25T09:00:00Z'), source: 'wake', action: 'wake', reason: 'older than a day' });
  return log;
}

const ALARMS: IdleAlarmReading[] = [
  { timer: 'no-join', name: 'stz-jitsi-no-join', state: 'OK', since: new Date('2026-11-26T11:50:00Z'), periods: 10, periodSeconds: 60, breachingNow: 3 },
  { timer: 'empty', name: 'stz-jitsi-empty', state: 'OK', periods: 15, periodSeconds: 60, breachingNow: 3 },
];

describe('ctl status explains', () => {
  it('phase, activity and whether it is readable, last wake and stop, both timers and the earliest idle stop, in the configured zone', async () => {
    const rt = runtimeWith({ SIM_AWAKE: 'true', SIM_PARTICIPANTS: '0' }, { decisions: decisions(), alarms: ALARMS });
    const res = await ctl(['status'], rt);
    expect(res.code).toBe(0);
    expect(res.out.split('\n')).toEqual([
      'in-process simulation; times in Europe/Berlin',
      expect.stringMatching(/^phase: ready/),
      expect.stringMatching(/^ {2}local\/jitsi-web +desired 1 +running 1/),
      expect.stringMatching(/^ {2}local\/jitsi-jvb/),
      // The wake timeline of the (already running) simulated group: every phase done.
      expect.stringMatching(/^wake \S+: ready$/),
      ...['provisioning', 'image-pull', 'container-start', 'health-checks', 'load-balancer', 'confirming'].map((p) => expect.stringMatching(new RegExp(`^ {2}${p} +\\d+\\.\\d s {2}done$`))),
      'activity: 0 participant(s) in 0 conference(s)',
      'activity readable: yes',
      'last wake: 2026-11-26 10:58 Europe/Berlin, 2 h 2 min ago by wake — wake request (local/jitsi-web)',
      'last stop: 2026-11-26 12:30 Europe/Berlin, 30 min ago by idle-shutdown — idle shutdown: room empty for 15 min',
      'nobody-joined timer (stz-jitsi-no-join): OK since 2026-11-26 12:50 Europe/Berlin — fires after 7 min more of an empty room (empty for 3 min of 10 min so far)',
      'empty-room timer (stz-jitsi-empty): OK — fires after 12 min more of an empty room (empty for 3 min of 15 min so far)',
      'an idle stop could fire at the earliest in 7 min, at 2026-11-26 13:07 Europe/Berlin (it re-checks live activity first)',
      'nightly power-down: unknown (use --stack, or set POWER_DOWN_TIME)',
      'pending power-down re-checks: none',
      'pending pre-warms: none',
    ]);
  });

  it('says activity is not readable, and the next nightly run and pending pre-warms when configured', async () => {
    const rt = runtimeWith({ SIM_AWAKE: 'true', POWER_DOWN_TIME: '02:00' });
    rt.activity.read = async () => ({ kind: 'unknown', reason: 'probe timed out' });
    await rt.prewarm().create('2026-11-27T09:00:00+01:00', 'test');
    const res = await ctl(['status'], rt);
    expect(res.out).toMatch(/\nactivity: activity unknown: probe timed out\nactivity readable: NO \(other\) — /);
    expect(res.out).toMatch(/\nnext nightly power-down: 2026-11-27 02:00 Europe\/Berlin \(in 13 h\)\n/);
    expect(res.out).toMatch(/\npending pre-warms: prewarm-20261127T080000Z$/);
  });

  it('says what it cannot know without a decision log or alarms, instead of failing', async () => {
    const rt = runtimeWith({});
    const res = await ctl(['--json', 'status'], rt);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out) as Record<string, unknown>;
    expect(json).toMatchObject({ phase: 'asleep', activity: null, lastActions: { lastWake: null, lastStop: null }, idleAlarms: null, timeZone: 'Europe/Berlin' });
    const human = await ctl(['status'], runtimeWith({}));
    expect(human.out).toMatch(/activity: not read \(asleep: nothing runs to ask\)\nlast wake: none in the last 24 h\nlast stop: none in the last 24 h\nidle alarms: unknown/);
  });

  it('keeps the other sections when one view fails', async () => {
    const rt = runtimeWith({}, { decisions: decisions() });
    rt.idleAlarms = { read: async () => { throw new Error('AccessDenied: cloudwatch:DescribeAlarms'); } };
    const res = await ctl(['status'], rt);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/\(could not read: AccessDenied: cloudwatch:DescribeAlarms\)\nnightly power-down/);
    // --json keeps the failing section under its own key.
    const json = JSON.parse((await ctl(['--json', 'status'], rt)).out) as Record<string, unknown>;
    expect(json.idleAlarms).toEqual({ error: 'Error: AccessDenied: cloudwatch:DescribeAlarms' });
    expect(Object.keys(json).filter((k) => /^section\d/.test(k))).toEqual([]);
  });
});

describe('ctl log', () => {
  it('prints the decisions of the window, oldest first, one line each', async () => {
    const res = await ctl(['log'], runtimeWith({}, { decisions: decisions() }));
    expect(res).toEqual({
      code: 0,
      err: '',
      out: [
        '2026-11-26 10:58 Europe/Berlin  wake          wake     wake request (local/jitsi-web)',
        '2026-11-26 11:40 Europe/Berlin  idle-shutdown skip     meeting live: 2 participant(s)',
        '2026-11-26 12:30 Europe/Berlin  idle-shutdown sleep    idle shutdown: room empty for 15 min',
      ].join('\n'),
    });
    expect((await ctl(['log', '--since', '90m'], runtimeWith({}, { decisions: decisions() }))).out.split('\n')).toHaveLength(2);
    expect((await ctl(['log', '--since', '7d'], runtimeWith({}, { decisions: decisions() }))).out.split('\n')).toHaveLength(4);
  });

  it('rejects a bad --since (exit 2) and says when there is no decision log', async () => {
    for (const since of ['24', '1w', '31d', '0h']) expect((await ctl(['log', '--since', since], runtimeWith({}))).code).toBe(2);
    const bare = runtimeWith({});
    delete bare.decisions;
    const none = await ctl(['log'], bare);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^no decision log: use --stack/);
  });
});

describe('ctl up --wait', () => {
  it('returns once ready and says the nobody-joined timer will stop it later', async () => {
    const res = await ctl(['up', '--wait'], runtimeWith({}, { alarms: ALARMS }));
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^woke local\/jitsi-web, local\/jitsi-jvb \(desired 0 → 1\)\nready after \d+ s\nphase: ready/);
    expect(res.out).toMatch(/\nnote: if nobody joins, the nobody-joined timer puts it back to sleep after 10 min, unless a hold is set$/);
  });

  it('exits 1 when the wake ends in an error', async () => {
    const rt = runtimeWith({});
    rt.controller.status = async () => ({ phase: 'error', message: 'deployment failed: local/jitsi-web', members: [], retryable: false, checkedAt: NOW.toISOString() });
    rt.controller.wake = async () => ({ status: { phase: 'waking', message: 'starting', members: [], retryable: true, checkedAt: NOW.toISOString() }, scaledUp: ['local/jitsi-web'] });
    const res = await ctl(['up', '--wait'], rt);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^woke local\/jitsi-web \(desired 0 → 1\)\nnot ready: error — deployment failed: local\/jitsi-web/);
  });
});
