import { describeActivity, type Activity } from '../shared/domain/activity.js';
import { isStop, isWake, type Decision } from '../shared/domain/decisions.js';
import type { GroupStatus } from '../shared/domain/group-state.js';
import { formatDuration, formatInZone, msUntilFire } from '../shared/domain/operator-view.js';
import { PREWARM_PREFIX } from '../shared/domain/prewarm.js';
import { activityReadability, readabilityLine } from './ctl-activity-check.js';
import type { CtlRuntime } from './ctl-runtime.js';

/**
 * `ctl status` as a list of small sections, each built from one question. Add a section by appending a
 * builder to STATUS_SECTIONS under its `--json` key; a builder that cannot answer says why in its lines instead of throwing.
 */
export interface StatusContext {
  rt: CtlRuntime;
  status: GroupStatus;
  awake: boolean;
  now: Date;
  /** The last day of decisions, read once for every section that needs it. */
  decisions(): Promise<Decision[] | undefined>;
  /** One live reading while awake (undefined while asleep), shared by the sections that need it. */
  activity(): Promise<Activity | undefined>;
}

export interface StatusSection {
  /** Key in `--json` output (the section's key in STATUS_SECTIONS). */
  key: string;
  lines: string[];
  json: unknown;
}

type SectionBuilder = (ctx: StatusContext) => Promise<Omit<StatusSection, 'key'> | undefined>;

export const DECISION_WINDOW_MS = 24 * 3_600_000;

export function at(rt: CtlRuntime, when: Date): string {
  return formatInZone(when, rt.timeZone());
}

function ago(ctx: StatusContext, when: Date): string {
  return `${at(ctx.rt, when)}, ${formatDuration(ctx.now.getTime() - when.getTime())} ago`;
}

/** The phase and one line per member; a member mid-deployment says so (Express starts a canary task). */
export function statusLines(status: GroupStatus): string[] {
  const members = status.members.map((m) => `  ${m.id.padEnd(24)} desired ${m.desired}  running ${m.running}  pending ${m.pending}  health ${m.health}`
    + (m.deploying ? '  DEPLOYMENT IN PROGRESS (a canary task may split a live meeting)' : ''));
  return [`phase: ${status.phase} — ${status.message}`, ...members];
}

export const groupSection: SectionBuilder = async ({ status }) => ({ lines: statusLines(status), json: status });

export const activitySection: SectionBuilder = async (ctx) => {
  const activity = await ctx.activity();
  if (!activity) return { lines: ['activity: not read (asleep: nothing runs to ask)'], json: null };
  return { lines: [`activity: ${describeActivity(activity)}`], json: activity };
};

/** Whether the idle path can see the meeting at all: unreadable means no automatic stop (ctl-activity-check.ts). */
export const readabilitySection: SectionBuilder = async (ctx) => {
  const activity = await ctx.activity();
  if (!activity) return undefined;
  const readability = activityReadability(activity);
  return { lines: [readabilityLine(readability)], json: readability };
};

export const lastActionsSection: SectionBuilder = async (ctx) => {
  const decisions = await ctx.decisions();
  if (!decisions) return { lines: [`last wake/stop: unknown (${ctx.rt.missing?.decisions ?? 'no decision log: use --stack, or set LOG_GROUPS'})`], json: null };
  const lastWake = decisions.filter(isWake).at(-1);
  const lastStop = decisions.filter(isStop).at(-1);
  const line = (label: string, d: Decision | undefined) => (d
    ? `${label}: ${ago(ctx, d.at)} by ${d.source} — ${d.reason}`
    : `${label}: none in the last ${formatDuration(DECISION_WINDOW_MS)}`);
  return { lines: [line('last wake', lastWake), line('last stop', lastStop)], json: { lastWake: lastWake ?? null, lastStop: lastStop ?? null } };
};

export const idleAlarmsSection: SectionBuilder = async ({ rt, awake, now }) => {
  if (!rt.idleAlarms) return { lines: [`idle alarms: unknown (${rt.missing?.idleAlarms ?? 'use --stack, or set NO_JOIN_ALARM_NAME and EMPTY_ALARM_NAME'})`], json: null };
  const readings = await rt.idleAlarms.read();
  const lines = readings.map((a) => {
    const since = a.since ? ` since ${at(rt, a.since)}` : '';
    const label = a.timer === 'no-join' ? 'nobody-joined timer' : 'empty-room timer';
    const eta = !awake ? '' : a.state === 'ALARM'
      ? ' — fired: the idle shutdown re-checks before it stops anything'
      : ` — fires after ${formatDuration(msUntilFire(a))} more of an empty room (empty for ${formatDuration(a.breachingNow * a.periodSeconds * 1000)} of ${formatDuration(a.periods * a.periodSeconds * 1000)} so far)`;
    return `${label} (${a.name}): ${a.state}${since}${eta}`;
  });
  const fires = awake ? readings.filter((a) => a.state !== 'ALARM').map((a) => msUntilFire(a)) : [];
  if (fires.length > 0) {
    const soonest = Math.min(...fires);
    lines.push(`an idle stop could fire at the earliest in ${formatDuration(soonest)}, at ${at(rt, new Date(now.getTime() + soonest))} (it re-checks live activity first)`);
  }
  return { lines, json: readings };
};

export const nightlySection: SectionBuilder = async ({ rt, now }) => {
  if (!rt.nextNightly) return { lines: [`nightly power-down: unknown (${rt.missing?.nextNightly ?? 'use --stack, or set POWER_DOWN_TIME'})`], json: null };
  const next = await rt.nextNightly();
  if (!next) return { lines: ['nightly power-down: switched off'], json: { enabled: false } };
  return { lines: [`next nightly power-down: ${at(rt, next)} (in ${formatDuration(next.getTime() - now.getTime())})`], json: { enabled: true, next } };
};

export const pendingSection: SectionBuilder = async ({ rt }) => {
  if (!rt.pending) return { lines: [`pending re-checks and pre-warms: unknown (${rt.missing?.pending ?? 'use --stack, or set SCHEDULE_GROUP_NAME'})`], json: null };
  const entries = await rt.pending();
  const prewarms = entries.filter((e) => e.name.startsWith(PREWARM_PREFIX));
  const rechecks = entries.filter((e) => !e.name.startsWith(PREWARM_PREFIX));
  const names = (list: typeof entries) => (list.length === 0 ? 'none' : list.map((e) => e.name).join(', '));
  return {
    lines: [`pending power-down re-checks: ${names(rechecks)}`, `pending pre-warms: ${names(prewarms)}`],
    json: { rechecks, prewarms },
  };
};

export const deploymentSection: SectionBuilder = async ({ rt }) => {
  if (!rt.deployment) return undefined;
  const progress = await rt.deployment();
  return { lines: [`deployment: ${progress ?? 'none in progress'}`], json: progress ?? null };
};

/** In order of printing, by `--json` key. Other concerns add their own builders here. */
const STATUS_SECTIONS: Record<string, SectionBuilder> = {
  group: groupSection, activity: activitySection, activityReadable: readabilitySection, lastActions: lastActionsSection,
  idleAlarms: idleAlarmsSection, nightly: nightlySection, pending: pendingSection, deployment: deploymentSection,
};

/** Runs every builder; a failing one becomes a line that says so (under its own key), and the others still print. */
export async function buildStatus(ctx: StatusContext): Promise<StatusSection[]> {
  const built = await Promise.all(Object.entries(STATUS_SECTIONS).map(async ([key, build]) => {
    try {
      const section = await build(ctx);
      return section && { key, ...section };
    } catch (error) {
      return { key, lines: [`(could not read: ${error instanceof Error ? error.message : String(error)})`], json: { error: String(error) } };
    }
  }));
  return built.filter((s): s is StatusSection => s !== undefined);
}
