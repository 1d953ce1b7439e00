import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { CachedWakeEstimate, learnedEstimate, withEstimate, type WakeHistory, type WakeSample } from '../../shared/domain/wake-estimate.js';
import type { GroupStatus } from '../../shared/domain/group-state.js';
import { durationWords, estimateWords } from '../../functions/wake/wake-words.js';

const one = (...seconds: number[]): WakeSample[] => seconds.map((s) => ({ seconds: s, count: 1 }));

describe('learned wake estimate', () => {
  it('uses the configured value with no history', () => {
    expect(learnedEstimate([], 240)).toEqual({ seconds: 240, source: 'configured', samples: 0 });
  });

  it('uses the configured value with fewer than 3 recorded wakes', () => {
    expect(learnedEstimate(one(95, 101), 240)).toEqual({ seconds: 240, source: 'configured', samples: 0 });
  });

  it('learns from 3 wakes: the 75th percentile (nearest rank)', () => {
    expect(learnedEstimate(one(90, 100, 110), 240)).toEqual({ seconds: 110, source: 'learned', samples: 3 });
  });

  it('is not pulled up by one slow outlier among many', () => {
    const history = one(95, 98, 100, 100, 101, 102, 99, 97, 600);

    expect(learnedEstimate(history, 240)).toEqual({ seconds: 101, source: 'learned', samples: 9 });
  });

  it('weights a bucket that holds several wakes by its count, and ignores unusable buckets', () => {
    const history = [{ seconds: 80, count: 3 }, { seconds: 200, count: 1 }, { seconds: Number.NaN, count: 2 }, { seconds: 50, count: 0 }];

    expect(learnedEstimate(history, 240)).toEqual({ seconds: 80, source: 'learned', samples: 4 });
  });

  it('says it plainly on the page', () => {
    expect(estimateWords({ seconds: 100 })).toBe('usually about 1 min 40 s');
    expect(durationWords(240)).toBe('4 min');
    expect(durationWords(43)).toBe('45 s');
    expect(durationWords(1)).toBe('5 s');
  });
});

class FakeHistory implements WakeHistory {
  reads: Array<{ from: Date; to: Date }> = [];
  constructor(public samples: WakeSample[] | Error) {}
  async wakeSeconds(from: Date, to: Date) {
    this.reads.push({ from, to });
    if (this.samples instanceof Error) throw this.samples;
    return this.samples;
  }
}

describe('CachedWakeEstimate', () => {
  const options = { ttlMs: 3_600_000, retryMs: 300_000 };

  it('reads the last 30 days once and reuses the answer for an hour, sharing one read between concurrent callers', async () => {
    const clock = new ManualClock();
    const history = new FakeHistory(one(90, 100, 110));
    const estimate = new CachedWakeEstimate(history, 240, clock, options);

    const [a, b] = await Promise.all([estimate.current(), estimate.current()]);
    clock.advance(3_599_000);
    await estimate.current();

    expect(a).toEqual({ seconds: 110, source: 'learned', samples: 3 });
    expect(b).toEqual(a);
    expect(history.reads).toHaveLength(1);
    expect(history.reads[0]!.to.getTime() - history.reads[0]!.from.getTime()).toBe(30 * 86_400_000);
    clock.advance(2000);
    await estimate.current();
    expect(history.reads).toHaveLength(2);
  });

  it('falls back to the configured value when the history cannot be read, reports it, and retries after 5 minutes', async () => {
    const clock = new ManualClock();
    const history = new FakeHistory(new Error('AccessDenied'));
    const errors: unknown[] = [];
    const estimate = new CachedWakeEstimate(history, 240, clock, { ...options, onError: (e) => errors.push(e) });

    expect(await estimate.current()).toEqual({ seconds: 240, source: 'configured', samples: 0 });
    history.samples = one(60, 60, 60);
    clock.advance(299_000);
    expect((await estimate.current()).source).toBe('configured');
    clock.advance(2000);
    expect(await estimate.current()).toEqual({ seconds: 60, source: 'learned', samples: 3 });
    expect(errors).toHaveLength(1);
  });
});

describe('withEstimate', () => {
  const status = (elapsedSeconds?: number): GroupStatus => ({ phase: 'waking', message: 'Starting', members: [], retryable: true, checkedAt: '2026-11-29T10:00:00Z', elapsedSeconds });

  it('counts the time left against the estimate and says when the wake runs past it', () => {
    const estimate = { seconds: 100, source: 'learned' as const, samples: 5 };

    expect(withEstimate(status(40), estimate)).toMatchObject({ estimate, estimatedSecondsLeft: 60, overEstimate: false });
    expect(withEstimate(status(130), estimate)).toMatchObject({ estimatedSecondsLeft: 0, overEstimate: true, phase: 'waking' });
    expect(withEstimate(status(), estimate)).not.toHaveProperty('overEstimate');
  });
});
