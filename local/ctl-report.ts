import { monthReport } from '../shared/domain/report-service.js';
import { monthOf, monthWindow, parseMonth } from '../shared/domain/zoned-month.js';
import { EXIT, type CommandResult } from './ctl-commands.js';
import type { CtlRuntime } from './ctl-runtime.js';
import { reportLines } from './report-text.js';

/** `report [--month YYYY-MM]`: the month in TIME_ZONE (default: the current one, to date). */
export function parseReportArgs(rest: readonly string[]): { month?: string } | { error: string } {
  if (rest.length === 0) return {};
  if (rest.length === 2 && rest[0] === '--month') return parseMonth(rest[1]!) ? { month: rest[1] } : { error: `--month must look like 2026-11 (got "${rest[1]}")` };
  return { error: 'report takes [--month YYYY-MM]' };
}

export async function reportCommand(rt: CtlRuntime, month?: string): Promise<CommandResult> {
  const { config, deps } = rt.report();
  const now = rt.clock.now();
  const parsed = month ? parseMonth(month)! : undefined;
  const window = parsed ? monthWindow(parsed.year, parsed.month, config.timeZone) : monthOf(now, config.timeZone);
  const report = await monthReport(window, now, deps);
  if ('error' in report) return { code: EXIT.usage, lines: [report.error], json: { error: report.error } };
  return { code: EXIT.ok, lines: reportLines(report), json: { ...report } };
}
