/**
 * The controller's own monthly cost, estimated with the arithmetic of docs/deploy.md ("What the controller
 * itself costs per month"): US East list prices, no free tier, and the same stated assumption for Lambda
 * durations (1 s per run, never measured in AWS). Fixed items are prorated to the part of the month
 * reported; metric items follow the hours the group was awake, because metrics bill only for the hours in
 * which they are sent.
 */
export interface ControllerCostInput {
  /** Hours covered by the report (the whole month, or month-to-date). */
  periodHours: number;
  hoursInMonth: number;
  /** Hours the group was awake (at least one task running). */
  awakeHours: number;
  wakes: number;
  stops: number;
  members: number;
  dashboard: boolean;
}

export interface ControllerCost {
  total: number;
  items: Record<string, number>;
}

const METRIC_MONTH = 0.3;
const HOURS_PER_METRIC_MONTH = 730;
const LAMBDA_GB_SECOND_ARM = 0.0000133334;
const LAMBDA_REQUEST = 0.2 / 1e6;
const SCHEDULER_INVOCATION = 1 / 1e6;
const PUT_METRIC_DATA = 0.01 / 1000;

export function estimateControllerCost(i: ControllerCostInput): ControllerCost {
  const share = i.hoursInMonth > 0 ? i.periodHours / i.hoursInMonth : 0;
  const watcherRuns = i.periodHours * 60;
  const awakeMinutes = i.awakeHours * 60;
  // Watcher metrics while awake (Participants, Conferences, ActivityUnknown, RunningTasks per member);
  // about three EMF metrics in the hour of each wake or stop.
  const metricHours = (3 + i.members) * i.awakeHours + 3 * (i.wakes + i.stops);
  const items: Record<string, number> = {
    watcher: watcherRuns * (1 * 0.25 * LAMBDA_GB_SECOND_ARM + LAMBDA_REQUEST),
    probe: awakeMinutes * (1 * 0.125 * LAMBDA_GB_SECOND_ARM + LAMBDA_REQUEST),
    scheduler: watcherRuns * SCHEDULER_INVOCATION,
    alarms: 2 * 0.1 * share,
    metrics: (metricHours / HOURS_PER_METRIC_MONTH) * METRIC_MONTH,
    putMetricData: awakeMinutes * PUT_METRIC_DATA,
    logs: 0.03 * share,
    dashboard: i.dashboard ? 3 * share : 0,
  };
  return { total: Object.values(items).reduce((a, b) => a + b, 0), items };
}
