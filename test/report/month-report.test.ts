import { listRate } from '../../shared/domain/fargate-prices.js';
import { buildMonthReport, percentile, type MonthReport, type ReportMember, type UsageHistory } from '../../shared/domain/month-report.js';
import { stopReasonOf } from '../../shared/domain/stop-reasons.js';
import { monthOf, monthWindow, parseMonth } from '../../shared/domain/zoned-month.js';

const x86 = listRate('us-east-1', 'X86_64')!;
const arm = listRate('us-east-1', 'ARM64')!;
const WEB: ReportMember = { id: 'jitsi/web', size: { cpuUnits: 4096, memoryMiB: 8192, architecture: 'X86_64' }, rate: x86 };
const JVB: ReportMember = { id: 'jitsi/jvb', size: { cpuUnits: 2048, memoryMiB: 4096, architecture: 'ARM64' }, rate: arm };
const none: UsageHistory = { taskMinutes: [], wakes: [], stops: [], wakeToReadySeconds: [] };

/** `hours` of one task for `member`, as one-hour RunningTasks sums starting at `from`. */
function awake(member: string, from: string, hours: number) {
  return Array.from({ length: hours }, (_, i) => ({ member, at: new Date(Date.parse(from) + i * 3_600_000), minutes: 60 }));
}

function report(input: Partial<Parameters<typeof buildMonthReport>[0]> & { month?: string; zone?: string }): MonthReport {
  const { year, month } = parseMonth(input.month ?? '2026-11')!;
  const result = buildMonthReport({
    window: monthWindow(year, month, input.zone ?? 'UTC'), now: input.now ?? new Date('2026-12-05T00:00:00Z'),
    members: input.members ?? [WEB], history: input.history ?? none, dashboard: input.dashboard ?? true,
  });
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('month report arithmetic', () => {
  it('an empty month says so; always-on and the controller still cost what they cost', () => {
    const r = report({});
    expect(r).toMatchObject({ month: '2026-11', empty: true, partial: false, periodHours: 720, awakeHours: 0, wakes: 0, fargateCost: 0 });
    expect(r.notes[0]).toBe('no data for 2026-11: the group was not awake (or nothing was recorded) in this period');
    expect(r.alwaysOnCost).toBeCloseTo(720 * 0.19748, 4);
    // Fixed items only: watcher + scheduler + alarms + logs + dashboard.
    expect(r.controllerCost).toBeCloseTo(0.15264 + 0.0432 + 0.2 + 0.03 + 3, 3);
    expect(r.wakeToReady).toEqual({ count: 0, p50: undefined, p90: undefined });
  });

  it('several members, ARM vs x86: the same 40 task-hours cost 0.19748/h on x86 4 vCPU/8 GB and 0.079/h on ARM 2 vCPU/4 GB', () => {
    const history: UsageHistory = {
      taskMinutes: [...awake('jitsi/web', '2026-11-02T08:00:00Z', 40), ...awake('jitsi/jvb', '2026-11-02T08:00:00Z', 40)],
      wakes: Array.from({ length: 20 }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 2 + i, 8)), count: 1 })),
      stops: [
        ...Array.from({ length: 12 }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 2 + i, 10)), reason: 'last-left' as const, count: 1 })),
        ...Array.from({ length: 5 }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 14 + i, 9)), reason: 'nobody-joined' as const, count: 1 })),
        { at: new Date('2026-11-20T22:00:00Z'), reason: 'nightly', count: 2 },
        { at: new Date('2026-11-25T15:00:00Z'), reason: 'manual', count: 1 },
      ],
      wakeToReadySeconds: [62, 58, 75, 61, 90, 59, 64, 70, 66, 120].map((seconds, i) => ({ at: new Date(Date.UTC(2026, 10, 2 + i, 8, 2)), seconds })),
    };
    const r = report({ members: [WEB, JVB], history });
    expect(r.members).toEqual([
      { id: 'jitsi/web', taskHours: 40, size: WEB.size, hourly: 0.19748, cost: 7.8992, alwaysOnCost: 142.1856 },
      { id: 'jitsi/jvb', taskHours: 40, size: JVB.size, hourly: 0.079, cost: 3.16, alwaysOnCost: 56.88 },
    ]);
    expect(r).toMatchObject({ empty: false, awakeHours: 40, wakes: 20, fargateCost: 11.0592, alwaysOnCost: 199.0656 });
    expect(r.stops).toEqual({ 'nobody-joined': 5, 'last-left': 12, nightly: 2, manual: 1, forced: 0, other: 0 });
    expect(r.wakeToReady).toEqual({ count: 10, p50: 64, p90: 90 });
    // 5 watcher metrics × 40 h + 3 metrics × 40 events = 320 metric-hours; 2,400 awake minutes.
    expect(r.controllerItems).toMatchObject({ metrics: 0.1315, putMetricData: 0.024, probe: 0.0045, dashboard: 3 });
    expect(r.controllerCost).toBeCloseTo(3.5858, 3);
    expect(r.saving).toBeCloseTo(199.0656 - 11.0592 - 3.5858, 3);
  });

  it('a partial month (month to date) prices always-on and the fixed controller items for the hours so far', () => {
    const r = report({ now: new Date('2026-11-11T00:00:00Z'), history: { ...none, taskMinutes: awake('jitsi/web', '2026-11-03T09:00:00Z', 3) } });
    expect(r).toMatchObject({ partial: true, periodHours: 240, hoursInMonth: 720, to: '2026-11-11T00:00:00.000Z', members: [{ taskHours: 3, cost: 0.5924 }] });
    expect(r.alwaysOnCost).toBeCloseTo(240 * 0.19748, 4);
    expect(r.controllerItems).toMatchObject({ dashboard: 1, alarms: 0.0667 });
  });

  it('counts data by the local month: 23:30 UTC on 30 November is already December in Berlin', () => {
    const history: UsageHistory = {
      ...none,
      taskMinutes: [{ member: 'jitsi/web', at: new Date('2026-11-30T22:30:00Z'), minutes: 30 }, { member: 'jitsi/web', at: new Date('2026-11-30T23:30:00Z'), minutes: 30 }],
      wakes: [{ at: new Date('2026-11-30T23:30:00Z'), count: 1 }],
    };
    const nov = report({ zone: 'Europe/Berlin', history });
    const dec = report({ month: '2026-12', zone: 'Europe/Berlin', now: new Date('2027-01-02T00:00:00Z'), history });
    expect(nov).toMatchObject({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', wakes: 0, members: [{ taskHours: 0.5 }] });
    expect(dec).toMatchObject({ from: '2026-11-30T23:00:00.000Z', wakes: 1, members: [{ taskHours: 0.5 }] });
  });

  it('daylight saving: always-on is 743 h in March and 745 h in October 2026 (Europe/Berlin), 744 h in UTC', () => {
    const march = report({ month: '2026-03', zone: 'Europe/Berlin' });
    const october = report({ month: '2026-10', zone: 'Europe/Berlin' });
    expect(march).toMatchObject({ periodHours: 743, from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' });
    expect(october).toMatchObject({ periodHours: 745, from: '2026-09-30T22:00:00.000Z', to: '2026-10-31T23:00:00.000Z' });
    expect(report({ month: '2026-03' }).periodHours).toBe(744);
    expect(march.alwaysOnCost).toBeCloseTo(743 * 0.19748, 4);
  });

  it('a member whose task size could not be read has no cost, and the report says why instead of guessing', () => {
    const r = report({ members: [WEB, { id: 'jitsi/jvb', sizeProblem: 'task definition unreadable: AccessDenied' }] });
    expect(r.members[1]).toEqual({ id: 'jitsi/jvb', taskHours: 0, size: undefined, note: 'task definition unreadable: AccessDenied' });
    expect(r.fargateCost).toBeUndefined();
    expect(r.saving).toBeUndefined();
    expect(r.notes).toContain('cost unknown for at least one member: see its line');
  });

  it('refuses a month that has not begun', () => {
    expect(buildMonthReport({ window: monthWindow(2027, 1, 'UTC'), now: new Date('2026-12-05T00:00:00Z'), members: [WEB], history: none, dashboard: false }))
      .toEqual({ error: '2027-01 has not begun yet (UTC)' });
  });
});

describe('report building blocks', () => {
  it('nearest-rank percentiles', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([30], 90)).toBe(30);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 90)).toBe(9);
  });

  it('list prices: x86 and ARM64 in us-east-1 from the table; ARM64 elsewhere derived and marked; unknown regions undefined', () => {
    expect(x86).toMatchObject({ vcpuHour: 0.04048, gbHour: 0.004445 });
    expect(arm).toMatchObject({ vcpuHour: 0.03238, gbHour: 0.00356 });
    expect(listRate('eu-central-1', 'ARM64')).toMatchObject({ vcpuHour: 0.037248, gbHour: 0.004088, derived: true });
    expect(listRate('mars-north-1', 'X86_64')).toBeUndefined();
  });

  it('months: parsing and the month containing an instant in a zone', () => {
    expect(parseMonth('2026-13')).toBeUndefined();
    expect(parseMonth('2026-02')).toEqual({ year: 2026, month: 2 });
    expect(monthOf(new Date('2026-11-30T23:30:00Z'), 'Europe/Berlin').label).toBe('2026-12');
    expect(monthOf(new Date('2026-11-30T23:30:00Z'), 'America/New_York').label).toBe('2026-11');
  });

  it.each([
    ['idle shutdown (jitsi-no-join): nobody joined since ready: nobody joined since 10:00 (window 600 s), none now', 'nobody-joined'],
    ['idle shutdown (jitsi-empty): last participant left: room empty for 900 s after up to 3 participant(s), none now', 'last-left'],
    ['nightly power-down: nobody meeting', 'nightly'],
    ['nightly power-down (policy force), nobody meeting', 'nightly'],
    ['policy force: stopping although meeting live: 2 participant(s) in 1 conference(s)', 'forced'],
    ['deadline 2026-11-27T02:00:00.000Z reached: stopping although live activity is unknown', 'forced'],
    ['operator CLI: ctl down, nobody meeting', 'manual'],
    ['operator CLI: ctl down --force, stopping although meeting live', 'forced'],
    ['something new', 'other'],
  ])('stop reason of "%s" is %s', (text, code) => {
    expect(stopReasonOf(text)).toBe(code);
  });
});
