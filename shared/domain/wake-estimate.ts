import type { GroupStatus } from './group-state.js';
import type { Clock } from './service-group.js';

/** Recent wakes: each entry is `count` wakes whose wake-to-ready times averaged `seconds` (one metric bucket). */
export interface WakeSample {
  seconds: number;
  count: number;
}

/** Port: wake-to-ready times recorded in a time range (the `WakeToReadySeconds` metric). */
export interface WakeHistory {
  wakeSeconds(from: Date, to: Date): Promise<WakeSample[]>;
}

export interface WakeEstimate {
  /** What the page promises: "usually about …". */
  seconds: number;
  /** `learned` from recent wakes, or the `configured` EXPECTED_WAKE_SECONDS. */
  source: 'learned' | 'configured';
  /** How many recorded wakes the learned value rests on (0 when configured). */
  samples: number;
}

export const ESTIMATE_WINDOW_DAYS = 30;
export const MIN_SAMPLES = 3;
export const ESTIMATE_PERCENTILE = 0.75;

/**
 * The 75th percentile of recent wake-to-ready times once there are at least MIN_SAMPLES, else the configured
 * value. p75 rather than the mean: one wake that hit a slow image pull does not move it much, and three in
 * four people wait no longer than promised. Nearest rank over the weighted samples.
 */
export function learnedEstimate(samples: readonly WakeSample[], configuredSeconds: number): WakeEstimate {
  const usable = samples.filter((s) => Number.isFinite(s.seconds) && s.seconds > 0 && Number.isFinite(s.count) && s.count > 0);
  const total = usable.reduce((sum, s) => sum + s.count, 0);
  if (total < MIN_SAMPLES) return { seconds: configuredSeconds, source: 'configured', samples: 0 };
  const sorted = [...usable].sort((a, b) => a.seconds - b.seconds);
  const rank = Math.ceil(ESTIMATE_PERCENTILE * total);
  let seen = 0;
  const at = sorted.find((s) => (seen += s.count) >= rank)!;
  return { seconds: Math.round(at.seconds), source: 'learned', samples: Math.round(total) };
}

/**
 * The estimate, read once per container and reused for `ttlMs` (a failed read falls back to the configured
 * value and is retried after `retryMs`). Concurrent callers share one read.
 */
export class CachedWakeEstimate {
  private cached?: { until: number; value: WakeEstimate };
  private inflight?: Promise<WakeEstimate>;

  constructor(
    private readonly history: WakeHistory | undefined,
    private readonly configuredSeconds: number,
    private readonly clock: Clock,
    private readonly options: { ttlMs: number; retryMs: number; onError?(error: unknown): void } = { ttlMs: 3_600_000, retryMs: 300_000 },
  ) {}

  current(): Promise<WakeEstimate> {
    const now = this.clock.now().getTime();
    if (this.cached && now < this.cached.until) return Promise.resolve(this.cached.value);
    if (!this.history) return Promise.resolve(learnedEstimate([], this.configuredSeconds));
    this.inflight ??= this.history
      .wakeSeconds(new Date(now - ESTIMATE_WINDOW_DAYS * 86_400_000), new Date(now))
      .then((samples) => this.keep(learnedEstimate(samples, this.configuredSeconds), this.options.ttlMs))
      .catch((error: unknown) => {
        this.options.onError?.(error);
        return this.keep(learnedEstimate([], this.configuredSeconds), this.options.retryMs);
      })
      .finally(() => { this.inflight = undefined; });
    return this.inflight;
  }

  private keep(value: WakeEstimate, forMs: number): WakeEstimate {
    this.cached = { until: this.clock.now().getTime() + forMs, value };
    return value;
  }
}

/** The status with the estimate in it; the time left is counted against the estimate, never below 0. */
export function withEstimate(status: GroupStatus, estimate: WakeEstimate): GroupStatus {
  const timing = status.elapsedSeconds === undefined
    ? {}
    : { estimatedSecondsLeft: Math.max(0, estimate.seconds - status.elapsedSeconds), overEstimate: status.elapsedSeconds > estimate.seconds };
  return { ...status, estimate, ...timing };
}
