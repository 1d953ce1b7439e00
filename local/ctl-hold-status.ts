import { describeHold, type HoldState } from '../shared/domain/hold.js';
import type { CtlRuntime } from './ctl-runtime.js';

/** One line for `status`: the active hold, or why a stored one is ignored; nothing when there is none. */
export async function holdStatusLines(rt: CtlRuntime): Promise<{ lines: string[]; json?: ReturnType<typeof holdJson> }> {
  const holds = rt.holds();
  if (!holds) return { lines: [] };
  const state = await holds.gate.state();
  return state.kind === 'none' ? { lines: [] } : { lines: [holdLine(state)], json: holdJson(state) };
}

export function holdLine(state: HoldState): string {
  if (state.kind === 'none') return 'no hold';
  if (state.kind === 'ignored') return `no hold in force: ${state.reason}`;
  return `hold: ${describeHold(state.hold)}${state.hold.setBy ? `, set by ${state.hold.setBy} at ${state.hold.setAt.toISOString()}` : ''}`;
}

export function holdJson(state: HoldState) {
  if (state.kind === 'none') return { state: 'none' as const };
  if (state.kind === 'ignored') return { state: 'ignored' as const, reason: state.reason };
  const { hold } = state;
  return { state: 'active' as const, kind: hold.kind, until: hold.until.toISOString(), setAt: hold.setAt.toISOString(), reason: hold.reason, setBy: hold.setBy };
}
