import type { GroupStatus } from '../shared/domain/group-state.js';

/**
 * `ctl status`: the current (or last) wake's phases, one line each, e.g.
 *   wake 2026-11-29T10:00:00.000Z: now image-pull
 *     provisioning        10.0 s  done
 *     image-pull          15.0 s  so far
 */
export function timelineLines(status: GroupStatus): string[] {
  const t = status.timeline;
  if (!t) return [];
  const head = `wake ${t.requestedAt}: ${t.current === 'ready' ? 'ready' : `now ${t.current}`}`;
  const rows = t.phases.map((p) => `  ${p.phase.padEnd(18)} ${p.seconds === undefined ? '      –' : `${p.seconds.toFixed(1).padStart(6)} s`}  ${p.state === 'current' ? 'so far' : p.state}`);
  return [head, ...rows];
}
