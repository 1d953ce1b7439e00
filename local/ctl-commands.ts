import { wallClock } from '../shared/adapters/aws/at-expression.js';
import { describeActivity, type Activity } from '../shared/domain/activity.js';
import type { GroupStatus } from '../shared/domain/group-state.js';
import type { PrewarmEntry } from '../shared/domain/prewarm-service.js';
import { activityBlocksStop } from '../shared/domain/stop-check.js';
import { activityReadability, readabilityLine } from './ctl-activity-check.js';
import type { CtlRuntime } from './ctl-runtime.js';
import { timelineLines } from './ctl-timeline.js';

/** Exit codes: 0 done, 1 refused or failed, 2 usage or configuration error. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface CommandResult {
  code: number;
  /** Lines for people. */
  lines: string[];
  /** The same outcome for scripts (`--json`). */
  json: Record<string, unknown>;
}

const awake = (status: GroupStatus) => status.members.some((m) => m.desired > 0);

export async function statusCommand(rt: CtlRuntime): Promise<CommandResult> {
  const status = await rt.controller.status();
  const activity = awake(status) ? await rt.activity.read() : undefined;
  const readability = activity ? activityReadability(activity) : undefined;
  return {
    code: EXIT.ok,
    lines: [...statusLines(status), ...timelineLines(status), ...(activity ? [`activity: ${describeActivity(activity)}`] : []), ...(readability ? [readabilityLine(readability)] : [])],
    json: { ...status, ...(activity ? { activity } : {}), ...(readability ? { activityReadable: readability } : {}) },
  };
}

export async function upCommand(rt: CtlRuntime): Promise<CommandResult> {
  const { status, scaledUp } = await rt.controller.wake('operator CLI: ctl up');
  const head = scaledUp.length > 0 ? `woke ${scaledUp.join(', ')} (desired 0 → 1)` : 'already awake: nothing to do';
  return { code: EXIT.ok, lines: [head, ...statusLines(status)], json: { action: scaledUp.length > 0 ? 'wake' : 'none', scaledUp, status } };
}

/** Without --force, the same live-activity rule as every automatic stop path: live or unknown refuses. */
export async function downCommand(rt: CtlRuntime, force: boolean): Promise<CommandResult> {
  const before = await rt.controller.status();
  if (!awake(before)) return { code: EXIT.ok, lines: ['already asleep: nothing to stop', ...statusLines(before)], json: { action: 'none', reason: 'already asleep', status: before } };
  const activity: Activity = await rt.activity.read();
  const blocker = activityBlocksStop(activity);
  if (blocker && !force) {
    return {
      code: EXIT.refused,
      lines: [`refused: ${blocker}`, 'nothing was stopped; use "down --force" to stop anyway'],
      json: { action: 'refused', reason: blocker, activity },
    };
  }
  const reason = blocker ? `operator CLI: ctl down --force, stopping although ${blocker}` : `operator CLI: ctl down${force ? ' --force' : ''}, nobody meeting`;
  const { status, scaledDown } = await rt.controller.sleep(reason);
  return {
    code: EXIT.ok,
    lines: [`stopped ${scaledDown.join(', ') || 'nothing (already stopping)'} (desired → 0)${blocker ? ` — forced although ${blocker}` : ''}`, ...statusLines(status)],
    json: { action: 'sleep', forced: Boolean(blocker), reason, scaledDown, activity, status },
  };
}

export async function prewarmCreateCommand(rt: CtlRuntime, time: string): Promise<CommandResult> {
  const result = await rt.prewarm().create(time, 'CLI');
  if (result.kind === 'invalid') return { code: EXIT.usage, lines: [`invalid time: ${result.reason}`], json: { error: result.reason } };
  if (result.kind === 'woke-now') {
    return { code: EXIT.ok, lines: [`the meeting at ${when(rt, result.start)} starts within the lead time: woke the group now`, ...statusLines(result.status)], json: { wokeNow: true, ...result } };
  }
  const { entry, created } = result;
  const head = created ? `scheduled ${entry.id}` : `already scheduled: ${entry.id}`;
  return { code: EXIT.ok, lines: [`${head}: wakes at ${when(rt, entry.wakeAt)} for the meeting at ${when(rt, entry.start)}`], json: { ...entry, created } };
}

export async function prewarmListCommand(rt: CtlRuntime): Promise<CommandResult> {
  const prewarms = await rt.prewarm().list();
  const lines = prewarms.length === 0 ? ['no pre-warms scheduled'] : prewarms.map((p) => entryLine(rt, p));
  return { code: EXIT.ok, lines, json: { prewarms } };
}

export async function prewarmCancelCommand(rt: CtlRuntime, id: string): Promise<CommandResult> {
  const result = await rt.prewarm().cancel(id);
  if (result === 'invalid-id') return { code: EXIT.usage, lines: [`"${id}" is not a pre-warm id (they look like prewarm-20261127T090000Z)`], json: { error: 'invalid id', id } };
  if (result === 'not-found') return { code: EXIT.refused, lines: [`no pre-warm ${id} (already run, cancelled or never created)`], json: { error: 'not found', id } };
  return { code: EXIT.ok, lines: [`cancelled ${id}`], json: { cancelled: id } };
}

function statusLines(status: GroupStatus): string[] {
  const members = status.members.map((m) => `  ${m.id.padEnd(24)} desired ${m.desired}  running ${m.running}  pending ${m.pending}  health ${m.health}`);
  return [`phase: ${status.phase} — ${status.message}`, ...members];
}

function entryLine(rt: CtlRuntime, p: PrewarmEntry): string {
  return `${p.id}  meeting ${when(rt, p.start)}  wakes ${when(rt, p.wakeAt)}${p.state && p.state !== 'ENABLED' ? `  (${p.state})` : ''}`;
}

/** UTC and, when configured, the operator's own zone. */
function when(rt: CtlRuntime, iso: string): string {
  const zone = rt.timeZone();
  const utc = iso.replace(/\.000Z$/, 'Z');
  return zone === 'UTC' ? utc : `${utc} (${wallClock(new Date(iso), zone).replace('T', ' ')} ${zone})`;
}
