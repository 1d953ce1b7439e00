import type { MonthReport } from '../shared/domain/month-report.js';

const usd = (n: number | undefined) => (n === undefined ? 'unknown' : `$${n.toFixed(2)}`);
const hours = (n: number) => `${n.toFixed(1)} h`;
const REASONS: Record<string, string> = { 'nobody-joined': 'nobody joined', 'last-left': 'last left', nightly: 'nightly', manual: 'manual', forced: 'forced', other: 'other' };

/** The monthly report for people (`ctl report`, local mode's /_local/report and exit summary). */
export function reportLines(r: MonthReport): string[] {
  const span = `${r.from.slice(0, 16)}Z – ${r.to.slice(0, 16)}Z`;
  const head = `${r.month} (${r.timeZone}), ${span}: ${r.partial ? `month to date, ${hours(r.periodHours)} of ${hours(r.hoursInMonth)}` : hours(r.periodHours)}`;
  const members = r.members.map((m) => {
    const size = m.size ? `${m.size.cpuUnits / 1024} vCPU / ${m.size.memoryMiB / 1024} GB ${m.size.architecture}` : 'size unknown';
    const cost = m.cost !== undefined ? ` × $${m.hourly!.toFixed(4)}/h = ${usd(m.cost)} (always on ${usd(m.alwaysOnCost)})` : ` — ${m.note}`;
    return `  ${m.id.padEnd(24)} ${size.padEnd(22)} ${m.taskHours.toFixed(2)} task-h${cost}`;
  });
  const stops = Object.entries(r.stops).filter(([k, v]) => v > 0 || k !== 'other').map(([k, v]) => `${v} ${REASONS[k]}`).join(', ');
  const ready = r.wakeToReady.count > 0 ? `p50 ${r.wakeToReady.p50} s, p90 ${r.wakeToReady.p90} s (${r.wakeToReady.count} samples)` : 'no samples';
  const saving = r.saving === undefined || r.alwaysOnCost === undefined
    ? 'unknown'
    : `${usd(r.saving)}${r.alwaysOnCost > 0 ? ` (${((100 * r.saving) / r.alwaysOnCost).toFixed(1)} % of always-on)` : ''}`;
  return [
    `Jitsi scale-to-zero report ${head}`,
    ...r.notes.filter((n) => n.startsWith('no data')).map((n) => `  ${n}`),
    'awake task-hours per member:',
    ...members,
    `wakes: ${r.wakes}   stops: ${stops}`,
    `wake to ready: ${ready}`,
    `Fargate while awake: ${usd(r.fargateCost)}   always on: ${usd(r.alwaysOnCost)}   controller (estimate): ${usd(r.controllerCost)}`,
    `saving: ${saving}`,
    ...r.notes.filter((n) => !n.startsWith('no data')).map((n) => `note: ${n}`),
    'Fargate list prices (no Savings Plans, no Spot); controller cost per docs/deploy.md (assumed Lambda durations, no free tier).',
  ];
}
