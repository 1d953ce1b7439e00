/**
 * The accepted range of every setting that both `cdk synth` (infra/config-schema.ts) and the functions'
 * cold-start readers (shared/config/*) check: one source of truth, so synth accepts exactly what the
 * functions accept (DESIGN invariant 8). Pure data and checks, no imports: infra may use it without
 * pulling in runtime code.
 */
export interface IntRange {
  readonly default: number;
  readonly min: number;
  readonly max: number;
}

const range = (dflt: number, min: number, max: number): IntRange => ({ default: dflt, min, max });

export const RANGES = {
  workingMinTasks: range(1, 1, 100),
  expectedWakeSeconds: range(240, 1, 3600),
  jicofoStatsPort: range(8888, 1, 65535),
  jvbStatsPort: range(8080, 1, 65535),
  // Two requests may run one after the other (/colibri/stats 404, then /metrics): 2 × 4 s fits the probe's 10 s.
  statsTimeoutMs: range(2000, 100, 4000),
  // A one-minute alarm can look back at most one day (1,440 datapoints).
  noJoinMinutes: range(10, 1, 1440),
  emptyMinutes: range(15, 1, 1440),
  stopGraceMinutes: range(5, 0, 120),
  powerDownRecheckMinutes: range(15, 1, 240),
  powerDownMaxDeferMinutes: range(240, 0, 1440),
  prewarmLeadMinutes: range(10, 0, 720),
  prewarmMaxDaysAhead: range(30, 1, 365),
} as const satisfies Record<string, IntRange>;

/** The activity metric's statistic when none is configured. */
export const DEFAULT_METRIC_STAT = 'Maximum';

// CloudWatch statistics (Amazon CloudWatch User Guide, "CloudWatch statistics definitions"): the five
// basic ones, IQM, the short forms pNN, tmNN, wmNN, tcNN, tsNN (0-100, up to 10 decimals) and the range
// forms TM(a:b), WM, TC, TS, PR with percentages or absolute values, either bound optional.
const NUMBER = String.raw`\d+(\.\d{1,10})?`;
const PERCENT = String.raw`(100(\.0{1,10})?|\d{1,2}(\.\d{1,10})?)`;
const BOUND = String.raw`(${PERCENT}%|-?${NUMBER})?`;
const STATISTIC = new RegExp(
  `^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|wm|tc|ts)${PERCENT}|(TM|WM|TC|TS|PR)\\(${BOUND}:${BOUND}\\))$`,
);

/** True for a statistic CloudWatch's GetMetricData accepts in `MetricStat.Stat`. */
export function isCloudWatchStatistic(stat: string): boolean {
  const m = STATISTIC.exec(stat);
  if (!m) return false;
  const bounds = /^[A-Z]{2}\((.*):(.*)\)$/.exec(stat);
  return !bounds || bounds[1] !== '' || bounds[2] !== '';
}

/**
 * An IANA zone name in the database's spelling (`europe/berlin` → `Europe/Berlin`), as EventBridge
 * Scheduler's `ScheduleExpressionTimezone` takes it; undefined for an unknown zone or an abbreviation
 * such as "EST" (only Area/Location names and UTC).
 */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return resolved.includes('/') || resolved === 'UTC' ? resolved : undefined;
  } catch {
    return undefined;
  }
}

export function isTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== undefined;
}
