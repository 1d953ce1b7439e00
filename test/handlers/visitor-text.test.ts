import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { GroupController } from '../../shared/domain/controller.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';
import { fallbackViews, visitorView } from '../../functions/wake/visitor-text.js';

const members = ['local/jitsi-web', 'local/jitsi-jvb'].map((m) => parseMemberRef(m) as MemberRef);
const ctx = { expectedSeconds: 240 };
/** What operators read and people must not: service ids, task counts, probe results, AWS error names. */
const INTERNAL = /jitsi-web|jitsi-jvb|local\/|\d+\/\d+|tasks?\b|probe|http-bind|Throttling|desired|UNHEALTHY|Starting:/;

/** Every status the real controller produces on its way from asleep to ready (simulated group, hand-moved clock). */
async function realStatuses(): Promise<GroupStatus[]> {
  const clock = new ManualClock();
  const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 30_000, stopDelayMs: 2000, healthChecks: true });
  const probe = new FixedProbe(false);
  const controller = new GroupController(group, probe, clock, { statusCacheMs: 0, probeSuccessesRequired: 2, probeIntervalMs: 0, expectedWakeSeconds: 240, wakeTimeoutSeconds: 600 });
  const seen: GroupStatus[] = [await controller.status(), (await controller.wake()).status];
  for (let i = 0; i < 8; i += 1) {
    clock.advance(10_000);
    seen.push(await controller.status());
  }
  probe.ok = true;
  for (let i = 0; i < 3; i += 1) { clock.advance(5_000); seen.push(await controller.status()); }
  clock.advance(700_000);
  probe.ok = false;
  await controller.sleep('test');
  seen.push(await controller.status());
  return seen;
}

describe('visitor text: every phase in human words, one module (issue 10)', () => {
  it('no view of a real wake shows ids, task counts or controller messages, and every detail is non-empty', async () => {
    const statuses = await realStatuses();
    const views = statuses.map((s) => visitorView(s, ctx));
    expect(statuses.map((s) => s.message).some((m) => INTERNAL.test(m))).toBe(true); // the raw messages do
    for (const view of views) {
      expect(`${view.title} ${view.intro} ${view.detail}`).not.toMatch(INTERNAL);
      expect(view.detail.length).toBeGreaterThan(5);
    }
    expect([...new Set(views.map((v) => v.step))]).toEqual(['asleep', 'starting', 'checking', 'ready']);
  });

  it('says which part of the start it is in: servers, health checks, answering', () => {
    const status = (running: number, health: 'UNKNOWN' | 'HEALTHY'): GroupStatus => ({
      phase: 'waking', message: 'x', retryable: true, checkedAt: '', elapsedSeconds: 30,
      members: members.map((m) => ({ id: m.id, desired: 1, running, pending: 1 - running, health })),
    });
    expect(visitorView(status(0, 'UNKNOWN'), ctx)).toMatchObject({ step: 'starting', detail: 'Starting the servers. This is the slow part.' });
    expect(visitorView(status(1, 'UNKNOWN'), ctx)).toMatchObject({ step: 'starting', detail: 'The servers are running; waiting for their health checks.' });
    expect(visitorView(status(1, 'HEALTHY'), ctx)).toMatchObject({ step: 'checking', detail: 'Checking that the meeting answers…' });
  });

  it('the intro matches the estimate, and admits when the start runs late', () => {
    const base: GroupStatus = { phase: 'waking', message: '', members: [], retryable: true, checkedAt: '' };
    expect(visitorView({ ...base, elapsedSeconds: 60 }, ctx).intro).toMatch(/takes about 4 min\./);
    expect(visitorView({ ...base, elapsedSeconds: 60 }, { expectedSeconds: 90 }).intro).toMatch(/takes about 1 min 30 s\./);
    expect(visitorView({ ...base, elapsedSeconds: 300 }, ctx).intro).toMatch(/^Starting is taking longer than the usual 4 min\./);
    expect(visitorView({ ...base, phase: 'ready' }, ctx).intro).not.toMatch(/switched off/);
  });

  it('errors: a setup problem asks for an administrator; a busy cloud API is not called a failure', () => {
    const failed = visitorView({ phase: 'error', message: 'The meeting service cannot start: service not found: jitsi/web.', members: [], retryable: false, checkedAt: '' }, ctx);
    const busy = visitorView({ phase: 'error', message: 'describe service group: ThrottlingException', members: [], retryable: true, checkedAt: '' }, ctx);
    expect(failed).toMatchObject({ step: null, title: 'The meeting service cannot start', help: true });
    expect(busy).toMatchObject({ help: false, detail: 'The cloud provider is busy; trying again…' });
  });

  it('has a fallback view for every phase (the page uses it for a status that carries none)', () => {
    const views = fallbackViews(ctx);
    expect(Object.keys(views).sort()).toEqual(['asleep', 'error', 'ready', 'stopping', 'waking']);
    for (const v of Object.values(views)) expect(v.title && v.intro && v.detail).toBeTruthy();
  });
});
