import { wallClock } from '../shared/adapters/aws/at-expression.js';
import type { Activity } from '../shared/domain/activity.js';
import type { GroupStatus } from '../shared/domain/group-state.js';
import type { PrewarmEntry } from '../shared/domain/prewarm-service.js';
import { activityBlocksStop } from '../shared/domain/stop-check.js';
import type { Decision } from '../shared/domain/decisions.js';
import { formatDuration } from '../shared/domain/operator-view.js';
import type { CtlRuntime } from './ctl-runtime.js';
import { holdStatusLines } from './ctl-hold-status.js';
import { at, buildStatus, DECISION_WINDOW_MS, statusLines, type StatusContext } from './ctl-status.js';
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
  let decisions: Promise<Decision[] | undefined> | undefined;
  let activity: Promise<Activity | undefined> | undefined;
  const now = rt.clock.now();
  const ctx: StatusContext = {
    rt, status, awake: awake(status), now,
    decisions: () => (decisions ??= rt.decisions ? rt.decisions.since(new Date(now.getTime() - DECISION_WINDOW_MS)) : Promise.resolve(undefined)),
    activity: () => (activity ??= awake(status) ? rt.activity.read() : Promise.resolve(undefined)),
  };
  const sections = await buildStatus(ctx);
  const hold = await holdStatusLines(rt);
  // The wake's phases right under the group's phase and members (ctl-timeline.ts).
  const [group, ...rest] = sections;
  const lines = [`${rt.origin}; times in ${rt.timeZone()}`, ...(group?.lines ?? []), ...timelineLines(status), ...rest.flatMap((s) => s.lines), ...hold.lines];
  const json: Record<string, unknown> = { ...status, origin: rt.origin, timeZone: rt.timeZone() };
  for (const s of sections) if (s.key !== 'group') json[s.key] = s.json;
  if (hold.json) json.hold = hold.json;
  return { code: EXIT.ok, lines, json };
}

/** `ctl log [--since 24h]`: the controller's decisions, oldest first, one line each. */
export async function logCommand(rt: CtlRuntime, sinceMs: number): Promise<CommandResult> {
  if (!rt.decisions) {
    return { code: EXIT.usage, lines: ['no decision log: use --stack <name> (or set LOG_GROUPS=wake=<log group>,…)'], json: { error: 'no decision log' } };
  }
  const from = new Date(rt.clock.now().getTime() - sinceMs);
  const decisions = await rt.decisions.since(from);
  const lines = decisions.length === 0
    ? [`no decisions since ${at(rt, from)}`]
    : decisions.map((d) => `${at(rt, d.at)}  ${d.source.padEnd(13)} ${d.action.padEnd(8)} ${d.reason}`);
  return { code: EXIT.ok, lines, json: { since: from.toISOString(), decisions } };
}

export async function upCommand(rt: CtlRuntime, wait = false): Promise<CommandResult> {
  const held = await rt.holds()?.gate.check('ctl-up');
  if (held && !held.allow) {
    return { code: EXIT.refused, lines: [`refused: ${held.reason}`, 'nothing was woken; "hold --clear" ends the maintenance hold'], json: { action: 'refused', reason: held.reason } };
  }
  const { status, scaledUp } = await rt.controller.wake('operator CLI: ctl up');
  if (status.phase === 'error') return errorResult(status, 'up');
  const head = scaledUp.length > 0 ? `woke ${scaledUp.join(', ')} (desired 0 → 1)` : 'already awake: nothing to do';
  const final = wait ? await waitForReady(rt, status) : status;
  const noJoin = (await rt.idleAlarms?.read().catch(() => undefined))?.find((a) => a.timer === 'no-join');
  const timer = noJoin ? `after ${formatDuration(noJoin.periods * noJoin.periodSeconds * 1000)}` : 'after its configured minutes';
  const note = `note: if nobody joins, the nobody-joined timer puts it back to sleep ${timer}, unless a hold is set`;
  const failed = wait && final.phase !== 'ready';
  return {
    code: failed ? EXIT.refused : EXIT.ok,
    lines: [head, ...(wait ? [failed ? `not ready: ${final.phase} — ${final.message}` : `ready after ${final.elapsedSeconds ?? '?'} s`] : []), ...statusLines(final), note],
    json: { action: scaledUp.length > 0 ? 'wake' : 'none', scaledUp, status: final, ...(wait ? { ready: !failed } : {}) },
  };
}

/** Polls until ready, an error, or the controller's wake timeout. */
async function waitForReady(rt: CtlRuntime, first: GroupStatus): Promise<GroupStatus> {
  let status = first;
  const deadline = rt.clock.now().getTime() + WAIT_LIMIT_MS;
  while (status.phase !== 'ready' && status.phase !== 'error' && rt.clock.now().getTime() < deadline) {
    await rt.pause(WAIT_POLL_MS);
    status = await rt.controller.status();
  }
  return status;
}

/** A status in phase error (a member that does not exist, a wake that failed) is no "nothing to do". */
function errorResult(status: GroupStatus, command: string): CommandResult {
  return {
    code: EXIT.refused,
    lines: [`${command} failed: ${status.message}`, ...statusLines(status)],
    json: { action: 'error', reason: status.message, status },
  };
}

const WAIT_POLL_MS = 5000;
/** The controller reports a wake as an error after WAKE_TIMEOUT_SECONDS (900 s by default); wait a little longer. */
const WAIT_LIMIT_MS = 16 * 60_000;

/** Without --force, the same live-activity rule as every automatic stop path: live or unknown refuses. */
export async function downCommand(rt: CtlRuntime, force: boolean): Promise<CommandResult> {
  const before = await rt.controller.status();
  if (before.phase === 'error' && !awake(before)) return errorResult(before, 'down');
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
  if (result.kind === 'refused') return { code: EXIT.refused, lines: [`refused: ${result.reason}`], json: { action: 'refused', reason: result.reason } };
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

function entryLine(rt: CtlRuntime, p: PrewarmEntry): string {
  return `${p.id}  meeting ${when(rt, p.start)}  wakes ${when(rt, p.wakeAt)}${p.state && p.state !== 'ENABLED' ? `  (${p.state})` : ''}`;
}

/** UTC and, when configured, the operator's own zone. */
function when(rt: CtlRuntime, iso: string): string {
  const zone = rt.timeZone();
  const utc = iso.replace(/\.000Z$/, 'Z');
  return zone === 'UTC' ? utc : `${utc} (${wallClock(new Date(iso), zone).replace('T', ' ')} ${zone})`;
}
