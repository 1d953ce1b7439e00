import { timelineLines } from '../../local/ctl-timeline.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { timelineView } from '../../shared/domain/wake-timeline.js';

const T0 = new Date('2026-11-29T10:00:00Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const status = (timeline?: GroupStatus['timeline']): GroupStatus => ({ phase: 'waking', message: 'Starting', members: [], retryable: true, checkedAt: at(25).toISOString(), timeline });

describe('ctl status: wake timeline lines', () => {
  it('prints the current wake phase by phase, with time so far for the current one', () => {
    const lines = timelineLines(status(timelineView({ requestedAt: T0, pullStartedAt: at(10) }, at(25))));

    expect(lines).toEqual([
      'wake 2026-11-29T10:00:00.000Z: now image-pull',
      '  provisioning         10.0 s  done',
      '  image-pull           15.0 s  so far',
      '  container-start          –  pending',
      '  health-checks            –  pending',
      '  load-balancer            –  pending',
      '  confirming               –  pending',
    ]);
  });

  it('prints nothing when there is no wake to show (asleep)', () => {
    expect(timelineLines(status())).toEqual([]);
  });
});
