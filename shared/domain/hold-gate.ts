import { describeHold, holdStateOf, type Hold, type HoldState, type HoldStore } from './hold.js';
import type { Clock } from './service-group.js';

/** The paths a hold can stop. Stop paths respect `awake` holds; wake paths respect `asleep` holds. */
export type StopPath = 'idle-shutdown' | 'power-down';
export type WakePath = 'wake' | 'prewarm' | 'prewarm-schedule' | 'ctl-up';
export type HoldPath = StopPath | WakePath;

const STOP_PATHS: readonly HoldPath[] = ['idle-shutdown', 'power-down'];

export type HoldVerdict = { allow: true; note?: string } | { allow: false; reason: string; hold: Hold };

/** One decision the hold made (or a hold it ignored), for the log line and the HoldDecisions metric. */
export interface HoldDecision {
  path: HoldPath;
  decision: 'blocked' | 'allowed' | 'ignored';
  reason: string;
  hold?: { kind: string; until: string; reason?: string };
}

/**
 * Reads the one hold through a short per-container cache (so a busy wake endpoint costs one store read per
 * `ttlMs`) and decides for each path. A read that fails is treated as "no hold" and said so: an unreadable
 * hold never blocks anything.
 */
export class HoldGate {
  /** The stored text (or why it could not be read), and when it was read. */
  private cached?: { at: number; text?: string; failure?: string };
  private inflight?: Promise<{ text?: string; failure?: string }>;

  constructor(
    private readonly store: HoldStore,
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly onDecision: (d: HoldDecision) => void = () => undefined,
  ) {}

  /** The hold as it stands now (no log line, no metric): for pages and status. Expiry is exact, not cached. */
  async state(): Promise<HoldState> {
    const fresh = this.cached && this.clock.now().getTime() - this.cached.at < this.ttlMs;
    const read = fresh ? this.cached! : await this.read();
    if (read.failure !== undefined) return { kind: 'ignored', reason: `hold unreadable, ignored: ${read.failure}` };
    return holdStateOf(read.text, this.clock.now());
  }

  private read(): Promise<{ text?: string; failure?: string }> {
    this.inflight ??= this.store.read()
      .then((text) => ({ text }), (error: unknown) => ({ failure: error instanceof Error ? error.message : String(error) }))
      .then((read) => {
        this.cached = { at: this.clock.now().getTime(), ...read };
        return read;
      })
      .finally(() => { this.inflight = undefined; });
    return this.inflight;
  }

  /**
   * May `path` act? `at` is when the action would take effect (a pre-warm's wake time); default now.
   * Every verdict that involved a hold is reported once through `onDecision`.
   */
  async check(path: HoldPath, at: Date = this.clock.now()): Promise<HoldVerdict> {
    const state = await this.state();
    if (state.kind === 'none') return { allow: true };
    if (state.kind === 'ignored') {
      this.onDecision({ path, decision: 'ignored', reason: state.reason, ...(state.hold ? { hold: view(state.hold) } : {}) });
      return { allow: true, note: state.reason };
    }
    const { hold } = state;
    const blocking = STOP_PATHS.includes(path) ? hold.kind === 'awake' : hold.kind === 'asleep';
    if (blocking && at.getTime() < hold.until.getTime()) {
      const reason = hold.kind === 'awake'
        ? `hold ${describeHold(hold)}: ${path} leaves the group running`
        : `maintenance hold ${describeHold(hold)}: ${path} refused`;
      this.onDecision({ path, decision: 'blocked', reason, hold: view(hold) });
      return { allow: false, reason, hold };
    }
    const reason = blocking
      ? `hold ${describeHold(hold)} ends before ${at.toISOString()}: ${path} allowed`
      : `hold ${describeHold(hold)} does not apply to ${path}`;
    this.onDecision({ path, decision: 'allowed', reason, hold: view(hold) });
    return { allow: true, note: reason };
  }
}

function view(hold: Hold): HoldDecision['hold'] {
  return { kind: hold.kind, until: hold.until.toISOString(), ...(hold.reason ? { reason: hold.reason } : {}) };
}
