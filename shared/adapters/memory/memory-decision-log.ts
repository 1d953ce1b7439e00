import { orderDecisions, type Decision, type DecisionLog } from '../../domain/decisions.js';

/** In-memory DecisionLog: the local runtime records into it, tests fill it. */
export class MemoryDecisionLog implements DecisionLog {
  readonly entries: Decision[] = [];

  record(decision: Decision): void {
    this.entries.push(decision);
    if (this.entries.length > 1000) this.entries.shift();
  }

  async since(from: Date): Promise<Decision[]> {
    return orderDecisions(this.entries.filter((d) => d.at.getTime() >= from.getTime()));
  }
}
