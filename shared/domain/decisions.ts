/**
 * The controller's decisions as the operator reads them (`ctl log`, `ctl status`): one per structured log
 * line that records an action or a refusal with its reason. The functions write these lines
 * (shared/observability.ts and the handlers); this module only recognises and renders them.
 */
export interface Decision {
  at: Date;
  /** The function (or local loop) that decided: wake, idle-shutdown, power-down, prewarm, … */
  source: string;
  /** wake, sleep, stop, skip, defer, none, prewarm-schedule, prewarm-cancel, reject, error */
  action: string;
  reason: string;
  level?: string;
}

/** Actions that are decisions; `scale-up` (a wake request) repeats the `wake` line the controller writes. */
export const DECISION_ACTIONS = ['wake', 'sleep', 'stop', 'skip', 'defer', 'none', 'prewarm-schedule', 'prewarm-cancel', 'reject', 'error'] as const;

/**
 * The CloudWatch Logs filter pattern for those lines. `none` is left to the client: most `none` lines are
 * status polls of the waiting page ("wake request", nothing to do), only power-down's are decisions.
 */
export const DECISION_FILTER_PATTERN = `{ ${DECISION_ACTIONS.map((a) => `($.action = "${a}")`).join(' || ')} }`;

/** A decision from one Powertools log record, or undefined when the line is not one. */
export function decisionFromRecord(record: unknown, fallback: { at: Date; source: string }): Decision | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  const action = typeof r.action === 'string' ? r.action : undefined;
  if (!action || !(DECISION_ACTIONS as readonly string[]).includes(action)) return undefined;
  const message = typeof r.message === 'string' ? r.message : '';
  if (action === 'none' && !message.startsWith('power-down')) return undefined;
  const time = typeof r.timestamp === 'string' ? new Date(r.timestamp) : undefined;
  const source = typeof r.function_name === 'string' ? shortName(r.function_name) : fallback.source;
  const reason = typeof r.reason === 'string' ? r.reason : message;
  return {
    at: time && !Number.isNaN(time.getTime()) ? time : fallback.at,
    source,
    action,
    reason: reason === message || !message ? reason : `${message}: ${reason}`,
    ...(typeof r.level === 'string' ? { level: r.level } : {}),
  };
}

/** A decision from one log line (JSON text); lines that are not JSON are not decisions. */
export function decisionFromLine(line: string, fallback: { at: Date; source: string }): Decision | undefined {
  try {
    return decisionFromRecord(JSON.parse(line), fallback);
  } catch {
    return undefined;
  }
}

/** `JitsiScaleToZero-ControllerIdleShutdownFunct-AbC123` → `idle-shutdown` when the name says which. */
export function shortName(functionName: string): string {
  const lower = functionName.toLowerCase();
  for (const [needle, name] of [['idleshutdown', 'idle-shutdown'], ['idle-shutdown', 'idle-shutdown'], ['powerdown', 'power-down'], ['power-down', 'power-down'],
    ['prewarm', 'prewarm'], ['watch', 'watch'], ['probe', 'probe'], ['wake', 'wake']] as const) {
    if (lower.includes(needle)) return name;
  }
  return functionName;
}

/** Newest last; the same decision read twice (overlapping queries) appears once. */
export function orderDecisions(decisions: readonly Decision[]): Decision[] {
  const seen = new Set<string>();
  return [...decisions]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .filter((d) => {
      const key = `${d.at.toISOString()}|${d.source}|${d.action}|${d.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export const isWake = (d: Decision) => d.action === 'wake';
export const isStop = (d: Decision) => d.action === 'sleep';

/** Port: the controller's recent decisions (CloudWatch Logs in AWS, the local loops' record in `npm start`). */
export interface DecisionLog {
  since(from: Date): Promise<Decision[]>;
}
