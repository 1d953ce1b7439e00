import { FIELDS, loadConfig } from '../../infra/config.js';
import { powerDownTimeProblems, WALL_CLOCK_YEARS } from '../../infra/config-schema.js';
import { wallClockClashes } from '../../infra/config-wall-clock.js';
import { EXAMPLE } from './infra-fixtures.js';

const FROM = new Date('2026-11-29T00:00:00Z');

describe('nightly time that does not exist (or exists twice)', () => {
  it('finds the spring-forward gap and the fall-back repeat, with their local dates', () => {
    expect(wallClockClashes('02:30', 'Europe/Berlin', FROM, 1)).toEqual([
      { date: '2027-03-28', kind: 'skipped', window: '02:00-03:00' },
      { date: '2027-10-31', kind: 'repeated', window: '02:00-03:00' },
    ]);
    // New York falls back from 02:00 to 01:00: 01:30 repeats, 02:30 is only skipped in March.
    expect(wallClockClashes('02:30', 'America/New_York', FROM, 1)).toEqual([{ date: '2027-03-14', kind: 'skipped', window: '02:00-03:00' }]);
    expect(wallClockClashes('01:30', 'America/New_York', FROM, 1)).toEqual([{ date: '2027-11-07', kind: 'repeated', window: '01:00-02:00' }]);
    // Half-hour shift (Lord Howe) and the end of a window (03:00 exists in Berlin on both days).
    expect(wallClockClashes('02:15', 'Australia/Lord_Howe', FROM, 1).map((c) => c.kind)).toEqual(['skipped']);
    expect(wallClockClashes('03:00', 'Europe/Berlin', FROM, 1)).toEqual([]);
    expect(wallClockClashes('02:00', 'UTC', FROM, WALL_CLOCK_YEARS)).toEqual([]);
  });

  it('rejects such a powerDownTime at synth, saying which date', () => {
    expect(powerDownTimeProblems('02:00', 'Europe/Berlin', FROM)).toEqual([
      expect.stringMatching(/^powerDownTime 02:00 does not exist in Europe\/Berlin on 2027-03-28 .*skipped/),
      expect.stringMatching(/^powerDownTime 02:00 happens twice in Europe\/Berlin on 2027-10-31 .*repeated/),
    ]);
    expect(() => loadConfig({ context: { ...EXAMPLE, timeZone: 'America/Chicago', powerDownTime: '02:00' } })).toThrow(/powerDownTime 02:00 does not exist in America\/Chicago on \d{4}-03-\d\d/);
    // Off means no nightly run: nothing to check.
    expect(loadConfig({ context: { ...EXAMPLE, timeZone: 'America/Chicago', powerDownTime: '02:00', powerDownEnabled: false } }).powerDownTime).toBe('02:00');
  });

  it('has a default that exists exactly once every day in every IANA zone for the coming years', () => {
    const time = FIELDS.powerDownTime.default;
    const zones = Intl.supportedValuesOf('timeZone');
    const clashes = zones.flatMap((zone) => wallClockClashes(time, zone, new Date(), WALL_CLOCK_YEARS).map((c) => `${zone} ${c.date} ${c.kind}`));

    expect(zones.length).toBeGreaterThan(300);
    expect(clashes).toEqual([]);
    // The old default 02:00 (and 03:30, the obvious fix) would not have passed.
    expect(zones.filter((zone) => wallClockClashes('02:00', zone, FROM, 1).length > 0)).toEqual(expect.arrayContaining(['Europe/Berlin', 'America/New_York']));
    expect(zones.filter((zone) => wallClockClashes('03:30', zone, FROM, 1).length > 0)).toEqual(expect.arrayContaining(['Europe/Helsinki', 'Pacific/Chatham']));
  });
});
