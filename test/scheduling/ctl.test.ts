import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FixedProbe, ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { GroupController } from '../../shared/domain/controller.js';
import { parseMemberRef, type MemberRef, type ServiceGroup } from '../../shared/domain/service-group.js';
import { DependencyError } from '../../shared/domain/errors.js';
import type { Env } from '../../shared/config/env-reader.js';
import { USAGE } from '../../local/ctl.js';
import { runCtl } from '../support/ctl.js';
import { ctlRuntimeFromEnv, type CtlRuntime } from '../../local/ctl-runtime.js';

const SIM = { CONTROLLER_BACKEND: 'simulated', TIME_ZONE: 'Europe/Berlin' };

/** Runs the CLI in-process; `prepare` may reach into the runtime (e.g. to make activity unknown). */
async function ctl(args: string[], env: Env = SIM, prepare?: (rt: CtlRuntime) => void) {
  let runtime: CtlRuntime | undefined;
  const res = await runCtl(args, {
    env,
    runtime: (e) => {
      runtime ??= ctlRuntimeFromEnv(e, new ManualClock());
      prepare?.(runtime);
      return runtime;
    },
  });
  return { ...res, json: () => JSON.parse(res.out) as Record<string, unknown> };
}

describe('operator CLI', () => {
  it('prints help with exit 0, and usage with exit 2 for unknown commands', async () => {
    expect(await ctl(['--help'])).toMatchObject({ code: 0, out: USAGE });
    const bad = await ctl(['scale-up']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown command or arguments: scale-up[\s\S]*Usage:/);
    expect((await ctl(['down', '--now'])).code).toBe(2);
  });

  it('status reports the phase and members; --json gives one object', async () => {
    const human = await ctl(['status']);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^in-process simulation; times in Europe\/Berlin\nphase: asleep — The meeting service is asleep\.\n {2}local\/jitsi-web +desired 0/);
    const json = await ctl(['--json', 'status']);
    expect(json.json()).toMatchObject({ phase: 'asleep', exitCode: 0, members: [{ id: 'local/jitsi-web' }, { id: 'local/jitsi-jvb' }] });
  });

  it.each([
    ['/stats: connection refused', 'refused', /JICOFO_ENABLE_REST=1/],
    ['/stats: HTTP 404', 'not-found', /jicofoStatsPort/],
    ['/stats: timeout after 2000 ms', 'timeout', /security group/],
  ])('status says whether activity is readable, and why not (%s)', async (reason, cause, hint) => {
    const res = await ctl(['status'], { ...SIM, SIM_AWAKE: 'true' }, (rt) => {
      rt.activity.read = async () => ({ kind: 'unknown', reason: `no stats from local/jitsi-web 10.0.1.23 (jicofo: ${reason})` });
    });
    expect(res.out).toMatch(new RegExp(`\nactivity readable: NO \\(${cause}\\) — `));
    expect(res.out).toMatch(hint);
    const json = await ctl(['--json', 'status'], { ...SIM, SIM_AWAKE: 'true' }, (rt) => {
      rt.activity.read = async () => ({ kind: 'unknown', reason });
    });
    expect(json.json().activityReadable).toEqual({ readable: false, cause, detail: reason, hint: expect.stringMatching(hint) });
  });

  it('status: readable activity says so', async () => {
    const res = await ctl(['status'], { ...SIM, SIM_AWAKE: 'true', SIM_PARTICIPANTS: '1' });
    expect(res.out).toMatch(/\nactivity readable: yes\n/);
  });

  it('up wakes the group', async () => {
    const res = await ctl(['up', '--json']);
    expect(res.code).toBe(0);
    expect(res.json()).toMatchObject({ action: 'wake', scaledUp: ['local/jitsi-web', 'local/jitsi-jvb'] });
  });

  it('up and down on a service that does not exist fail with exit 1 and say so (not "nothing to do")', async () => {
    const missing: ServiceGroup = {
      members: [parseMemberRef('jitsi/nope') as MemberRef],
      describe: async () => [{ ref: parseMemberRef('jitsi/nope') as MemberRef, exists: false, desired: 0, running: 0, pending: 0, health: 'NONE', rolloutFailed: false }],
      wakeMember: async () => { throw new Error('must not be called'); },
      sleepMember: async () => { throw new Error('must not be called'); },
    };
    const runtime = (e: Env): CtlRuntime => {
      const rt = ctlRuntimeFromEnv(e, new ManualClock());
      return { ...rt, controller: new GroupController(missing, new FixedProbe(true), new ManualClock(), { statusCacheMs: 0, probeSuccessesRequired: 1, probeIntervalMs: 0, expectedWakeSeconds: 60, wakeTimeoutSeconds: 900 }) };
    };
    for (const command of ['up', 'down']) {
      const res = await runCtl([command], { env: SIM, runtime });
      expect({ command, code: res.code }).toEqual({ command, code: 1 });
      expect(res.err).toMatch(new RegExp(`^${command} failed: .*service not found: jitsi/nope`));
      expect(res.out).toBe('');
    }
  });

  it('down refuses with exit 1 while a meeting is live, and stops nothing', async () => {
    const res = await ctl(['down'], { ...SIM, SIM_AWAKE: 'true', SIM_PARTICIPANTS: '2' });
    expect(res.code).toBe(1);
    expect(res.err).toBe('refused: meeting live: 2 participant(s) in 1 conference(s)\nnothing was stopped; use "down --force" to stop anyway');
  });

  it('down refuses while activity is unknown', async () => {
    const res = await ctl(['down', '--json'], { ...SIM, SIM_AWAKE: 'true' }, (rt) => {
      rt.activity.read = async () => ({ kind: 'unknown', reason: 'probe timed out' });
    });
    expect(res.code).toBe(1);
    expect(res.json()).toMatchObject({ action: 'refused', reason: 'live activity is unknown, never treated as idle (probe timed out)', exitCode: 1 });
  });

  it('down --force stops during a meeting and says so; down stops an idle group', async () => {
    const forced = await ctl(['down', '--force', '--json'], { ...SIM, SIM_AWAKE: 'true', SIM_PARTICIPANTS: '2' });
    expect(forced.code).toBe(0);
    expect(forced.json()).toMatchObject({ action: 'sleep', forced: true, scaledDown: ['local/jitsi-web', 'local/jitsi-jvb'] });
    const idle = await ctl(['down'], { ...SIM, SIM_AWAKE: 'true' });
    expect(idle.code).toBe(0);
    expect(idle.out).toMatch(/^stopped local\/jitsi-web, local\/jitsi-jvb \(desired → 0\)\n/);
    expect((await ctl(['down'])).out).toMatch(/^already asleep/);
  });

  it('prewarm schedules, lists and cancels on one runtime', async () => {
    let runtime: CtlRuntime | undefined;
    const shared = (e: Env) => (runtime ??= ctlRuntimeFromEnv(e, new ManualClock()));
    const run = async (args: string[]) => {
      const res = await runCtl(args, { env: SIM, runtime: shared });
      return { code: res.code, out: [res.out, res.err].filter(Boolean).join('\n') };
    };
    expect(await run(['prewarm', '2026-11-27T09:00:00+01:00'])).toEqual({
      code: 0,
      out: 'scheduled prewarm-20261127T080000Z: wakes at 2026-11-27T07:50:00Z (2026-11-27 08:50:00 Europe/Berlin) for the meeting at 2026-11-27T08:00:00Z (2026-11-27 09:00:00 Europe/Berlin)',
    });
    expect((await run(['prewarm', '--list'])).out).toBe('prewarm-20261127T080000Z  meeting 2026-11-27T08:00:00Z (2026-11-27 09:00:00 Europe/Berlin)  wakes 2026-11-27T07:50:00Z (2026-11-27 08:50:00 Europe/Berlin)');
    expect(await run(['prewarm', '--cancel', 'prewarm-20261127T080000Z'])).toEqual({ code: 0, out: 'cancelled prewarm-20261127T080000Z' });
    expect((await run(['prewarm', '--cancel', 'prewarm-20261127T080000Z'])).code).toBe(1);
    expect((await run(['prewarm', '--cancel', 'power-down-recheck-20261127T020000Z-1'])).code).toBe(2);
    expect((await run(['prewarm', '--list'])).out).toBe('no pre-warms scheduled');
  });

  it('prewarm rejects past and malformed times with exit 2', async () => {
    expect(await ctl(['prewarm', '2026-11-26T11:00:00Z'])).toMatchObject({ code: 2, err: expect.stringMatching(/in the past/) });
    expect(await ctl(['prewarm', 'tomorrow'])).toMatchObject({ code: 2, err: expect.stringMatching(/not an ISO 8601 time/) });
  });

  it('exits 2 naming every missing variable, and 1 when AWS fails', async () => {
    const config = await ctl(['status'], { CONTROLLER_BACKEND: 'aws' });
    expect(config.code).toBe(2);
    expect(config.err).toMatch(/SERVICE_GROUP is required.*MEETING_BASE_URL is required/);
    const failing = await ctl(['up'], SIM, (rt) => {
      rt.controller.wake = async () => { throw new DependencyError('wake local/jitsi-web failed: AWS is throttling requests', true); };
    });
    expect(failing).toMatchObject({ code: 1, err: 'failed: wake local/jitsi-web failed: AWS is throttling requests' });
  });

  it('runs as `npm run ctl` against the simulated backend', () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(tsx, ['local/ctl.ts', ...args], { env: { ...process.env, ...SIM, ...env }, encoding: 'utf8', timeout: 20_000 });
    const status = run(['--json', 'status']);
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ phase: 'asleep' });
    const refused = run(['down'], { SIM_AWAKE: 'true', SIM_PARTICIPANTS: '1' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^refused: meeting live/);
  }, 30_000);
});
