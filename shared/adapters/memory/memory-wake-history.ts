import type { WakeHistory, WakeSample } from '../../domain/wake-estimate.js';

/** In-memory WakeHistory: the local demo records its own wakes, so its page learns like the deployed one. */
export class MemoryWakeHistory implements WakeHistory {
  private readonly wakes: Array<{ at: Date; seconds: number }> = [];

  record(at: Date, seconds: number): void {
    this.wakes.push({ at, seconds });
  }

  async wakeSeconds(from: Date, to: Date): Promise<WakeSample[]> {
    return this.wakes.filter((w) => w.at >= from && w.at <= to).map((w) => ({ seconds: w.seconds, count: 1 }));
  }
}
