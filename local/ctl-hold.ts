import { describeHold, holdStateOf, NO_HOLD_TEXT, planHold, serializeHold } from '../shared/domain/hold.js';
import { holdJson, holdLine } from './ctl-hold-status.js';
import { EXIT, type CommandResult } from './ctl-commands.js';
import type { CtlRuntime } from './ctl-runtime.js';

/** `hold awake|asleep --until <time> [--reason …]`, `hold --clear`, `hold --list`. */
export type HoldArgs = { op: 'set'; kind: string; until?: string; reason?: string } | { op: 'clear' } | { op: 'list' };

export function parseHoldArgs(rest: readonly string[]): HoldArgs | { error: string } {
  if (rest.length === 1 && rest[0] === '--clear') return { op: 'clear' };
  if (rest.length === 1 && rest[0] === '--list') return { op: 'list' };
  const [kind, ...opts] = rest;
  if (kind !== 'awake' && kind !== 'asleep') return { error: 'hold takes awake|asleep --until <time> [--reason <text>], --clear or --list' };
  const values: Record<string, string> = {};
  for (let i = 0; i < opts.length; i += 2) {
    const name = opts[i]!;
    if ((name !== '--until' && name !== '--reason') || opts[i + 1] === undefined || name in values) return { error: `hold ${kind}: unexpected "${opts.slice(i).join(' ')}"` };
    values[name] = opts[i + 1]!;
  }
  if (!values['--until']) return { error: `hold ${kind} needs --until <time> (ISO 8601 with offset, or +90m / +3h / +2d)` };
  return { op: 'set', kind, until: values['--until'], reason: values['--reason'] };
}

function access(rt: CtlRuntime) {
  const holds = rt.holds();
  if (!holds) throw new HoldsNotConfiguredError();
  return holds;
}

export class HoldsNotConfiguredError extends Error {
  constructor() {
    super('holds are not configured: set HOLD_PARAMETER to the stack output HoldParameterName');
    this.name = 'HoldsNotConfiguredError';
  }
}

export async function holdCommand(rt: CtlRuntime, args: HoldArgs): Promise<CommandResult> {
  const { store } = access(rt);
  const now = rt.clock.now();
  if (args.op === 'list') {
    const state = holdStateOf(await store.read(), now);
    return { code: EXIT.ok, lines: [holdLine(state)], json: { hold: holdJson(state) } };
  }
  if (args.op === 'clear') {
    const before = holdStateOf(await store.read(), now);
    await store.write(NO_HOLD_TEXT);
    const head = before.kind === 'active' ? `cleared hold ${describeHold(before.hold)}` : 'no hold was active; stored "none"';
    return { code: EXIT.ok, lines: [head, `functions see the change within ${rt.holdCacheSeconds()} s (their read cache)`], json: { action: 'clear', previous: holdJson(before) } };
  }
  const plan = planHold(args.kind, args.until, args.reason, now, 'ctl');
  if (!plan.ok) return { code: EXIT.usage, lines: [`invalid hold: ${plan.reason}`], json: { error: plan.reason } };
  await store.write(serializeHold(plan.hold));
  const status = await rt.controller.status();
  const awake = status.members.some((m) => m.desired > 0);
  const hint = plan.hold.kind === 'awake'
    ? (awake ? 'the group is awake: idle shutdown and nightly power-down leave it running until then' : 'the group is asleep: the hold keeps it up once woken ("up" wakes it now)')
    : (awake ? 'the group is still awake: meetings go on; "down" stops it for the maintenance' : 'the group is asleep: no wake path starts it until then');
  return {
    code: EXIT.ok,
    lines: [`hold ${describeHold(plan.hold)} set`, hint, `functions see the change within ${rt.holdCacheSeconds()} s (their read cache)`],
    json: { action: 'hold', hold: holdJson({ kind: 'active', hold: plan.hold }), phase: status.phase },
  };
}

