import type { HoldStore } from '../../domain/hold.js';

/** The hold in memory (tests, local mode); `failReads` makes every read fail like an unreachable SSM. */
export class MemoryHoldStore implements HoldStore {
  reads = 0;
  writes: string[] = [];
  failReads?: string;

  constructor(public text?: string) {}

  async read(): Promise<string | undefined> {
    this.reads += 1;
    if (this.failReads) throw new Error(this.failReads);
    return this.text;
  }

  async write(text: string): Promise<void> {
    this.writes.push(text);
    this.text = text;
  }
}
