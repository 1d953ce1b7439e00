import { estimateControllerCost } from './controller-cost.js';
import { hourlyCost, type Architecture, type FargateRate } from './fargate-prices.js';
import { STOP_REASONS, type StopReason } from './stop-reasons.js';
import type { MonthWindow } from './zoned-month.js';

/**
 * The operator's month as pure arithmetic over recorded metric histories (CloudWatch in AWS, the in-memory
 * recorder in local mode): awake task-hours per member, wakes, stops by reason, wake-to-ready percentiles,
 * what it cost at Fargate list prices, what always-on would have cost, and the saving.
 */
export interface TaskSize {
  cpuUnits: number;
  memoryMiB: number;
  architecture: Architecture;
}

/** Series as recorded; each point is a sum over a bucket that starts at `at`. */
export interface UsageHistory {
  /** RunningTasks: the watcher publishes a member's running task count once a minute, so a sum is task-minutes. */
  taskMinutes: Array<{ member: string; at: Date; minutes: number }>;
  wakes: Array<{ at: Date; count: number }>;
  stops: Array<{ at: Date; reason: StopReason; count: number }>;
  wakeToReadySeconds: Array<{ at: Date; seconds: number }>;
}

export interface ReportMember {
  id: string;
  /** From the task definition; undefined when it could not be read (the cost is then unknown). */
  size?: TaskSize;
  sizeProblem?: string;
  rate?: FargateRate;
}

export interface ReportInput {
  window: MonthWindow;
  now: Date;
  members: readonly ReportMember[];
  history: UsageHistory;
  dashboard: boolean;
}

export interface MemberLine {
  id: string;
  taskHours: number;
  size?: TaskSize;
  hourly?: number;
  cost?: number;
  alwaysOnCost?: number;
  note?: string;
}

export interface MonthReport {
  month: string;
  timeZone: string;
  from: string;
  to: string;
  partial: boolean;
  periodHours: number;
  hoursInMonth: number;
  empty: boolean;
  members: MemberLine[];
  awakeHours: number;
  wakes: number;
  stops: Record<StopReason, number>;
  wakeToReady: { count: number; p50?: number; p90?: number };
  fargateCost?: number;
  alwaysOnCost?: number;
  controllerCost: number;
  controllerItems: Record<string, number>;
  /** Always-on minus (Fargate while awake + controller). */
  saving?: number;
  notes: string[];
}

const HOUR = 3_600_000;

export function buildMonthReport(input: ReportInput): MonthReport | { error: string } {
  const { window, now } = input;
  if (now.getTime() <= window.start.getTime()) return { error: `${window.label} has not begun yet (${window.timeZone})` };
  const to = new Date(Math.min(now.getTime(), window.end.getTime()));
  const inside = (at: Date) => at.getTime() >= window.start.getTime() && at.getTime() < to.getTime();
  const h = input.history;
  const periodHours = (to.getTime() - window.start.getTime()) / HOUR;
  const hoursInMonth = (window.end.getTime() - window.start.getTime()) / HOUR;

  const members: MemberLine[] = input.members.map((m) => {
    const taskHours = sum(h.taskMinutes.filter((p) => p.member === m.id && inside(p.at)).map((p) => p.minutes)) / 60;
    if (!m.size || !m.rate) return { id: m.id, taskHours, size: m.size, note: m.sizeProblem ?? `no Fargate price for ${m.size?.architecture ?? 'this task'}: set REPORT_VCPU_HOUR and REPORT_GB_HOUR` };
    const hourly = hourlyCost(m.size, m.rate);
    return { id: m.id, taskHours, size: m.size, hourly, cost: taskHours * hourly, alwaysOnCost: periodHours * hourly };
  });
  const wakes = sum(h.wakes.filter((p) => inside(p.at)).map((p) => p.count));
  const stops = Object.fromEntries(STOP_REASONS.map((r) => [r, sum(h.stops.filter((p) => p.reason === r && inside(p.at)).map((p) => p.count))])) as Record<StopReason, number>;
  const readySamples = h.wakeToReadySeconds.filter((p) => inside(p.at)).map((p) => p.seconds);
  const awakeHours = Math.max(0, ...members.map((m) => m.taskHours));
  const priced = members.every((m) => m.cost !== undefined);
  const controller = estimateControllerCost({
    periodHours, hoursInMonth, awakeHours, wakes, stops: sum(Object.values(stops)), members: members.length, dashboard: input.dashboard,
  });
  const fargateCost = priced ? sum(members.map((m) => m.cost!)) : undefined;
  const alwaysOnCost = priced ? sum(members.map((m) => m.alwaysOnCost!)) : undefined;
  const empty = members.every((m) => m.taskHours === 0) && wakes === 0 && sum(Object.values(stops)) === 0 && readySamples.length === 0;
  const notes = [...new Set(input.members.flatMap((m) => (m.rate?.derived ? [m.rate.source] : [])))];
  if (empty) notes.unshift(`no data for ${window.label}: the group was not awake (or nothing was recorded) in this period`);
  if (!priced) notes.push('cost unknown for at least one member: see its line');
  return {
    month: window.label,
    timeZone: window.timeZone,
    from: window.start.toISOString(),
    to: to.toISOString(),
    partial: to.getTime() < window.end.getTime(),
    periodHours: round(periodHours, 3),
    hoursInMonth: round(hoursInMonth, 3),
    empty,
    members: members.map((m) => ({ ...m, taskHours: round(m.taskHours, 3), ...money(m, ['cost', 'alwaysOnCost']), ...(m.hourly === undefined ? {} : { hourly: round(m.hourly, 6) }) })),
    awakeHours: round(awakeHours, 3),
    wakes,
    stops,
    wakeToReady: { count: readySamples.length, p50: percentile(readySamples, 50), p90: percentile(readySamples, 90) },
    fargateCost: fargateCost === undefined ? undefined : round(fargateCost, 4),
    alwaysOnCost: alwaysOnCost === undefined ? undefined : round(alwaysOnCost, 4),
    controllerCost: round(controller.total, 4),
    controllerItems: Object.fromEntries(Object.entries(controller.items).map(([k, v]) => [k, round(v, 4)])),
    saving: fargateCost === undefined || alwaysOnCost === undefined ? undefined : round(alwaysOnCost - fargateCost - controller.total, 4),
    notes,
  };
}

/** Nearest-rank percentile; undefined without samples. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
function money<T extends object>(o: T, keys: Array<keyof T>): Partial<T> {
  return Object.fromEntries(keys.filter((k) => typeof o[k] === 'number').map((k) => [k, round(o[k] as number, 4)])) as Partial<T>;
}
