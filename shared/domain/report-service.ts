import { listRate } from './fargate-prices.js';
import { buildMonthReport, type MonthReport, type ReportMember } from './month-report.js';
import type { PriceSettings, TaskSizes, UsageHistorySource } from './report-ports.js';
import type { MemberRef } from './service-group.js';
import type { MonthWindow } from './zoned-month.js';

export interface ReportDeps {
  members: readonly MemberRef[];
  sizes: TaskSizes;
  history: UsageHistorySource;
  prices: PriceSettings;
  dashboard: boolean;
}

/** Reads sizes and history for the month, then does the arithmetic. A size that cannot be read is a note, not a failure. */
export async function monthReport(window: MonthWindow, now: Date, deps: ReportDeps): Promise<MonthReport | { error: string }> {
  if (now.getTime() <= window.start.getTime()) return { error: `${window.label} has not begun yet (${window.timeZone})` };
  const to = new Date(Math.min(now.getTime(), window.end.getTime()));
  const [history, members] = await Promise.all([
    deps.history.read(window.start, to),
    Promise.all(deps.members.map((m) => reportMember(m, deps))),
  ]);
  return buildMonthReport({ window, now, members, history, dashboard: deps.dashboard });
}

async function reportMember(member: MemberRef, deps: ReportDeps): Promise<ReportMember> {
  try {
    const size = await deps.sizes.sizeOf(member);
    const region = regionOf(member) ?? deps.prices.region;
    const rate = deps.prices.override ?? listRate(region, size.architecture);
    return { id: member.id, size, rate, ...(rate ? {} : { sizeProblem: `no list price for ${size.architecture} in ${region}: set REPORT_VCPU_HOUR and REPORT_GB_HOUR` }) };
  } catch (error) {
    return { id: member.id, sizeProblem: `task size unknown: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function regionOf(member: MemberRef): string | undefined {
  return /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):/.exec(member.service)?.[1];
}
