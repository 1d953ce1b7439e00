import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DECISION_FILTER_PATTERN, decisionFromLine, orderDecisions, type Decision, type DecisionLog } from '../../domain/decisions.js';

/** Pages per log group: a day of decisions fits in one or two; the bound keeps a runaway log cheap. */
const MAX_PAGES = 10;

/**
 * The decisions in the functions' log groups (Powertools JSON lines), filtered server-side by
 * FilterLogEvents so only decision lines travel; one query per log group, merged by time.
 */
export class CloudWatchDecisionLog implements DecisionLog {
  constructor(private readonly logs: CloudWatchLogsClient, private readonly logGroups: Readonly<Record<string, string>>) {}

  async since(from: Date): Promise<Decision[]> {
    const all = await Promise.all(Object.entries(this.logGroups).map(([source, group]) => this.read(source, group, from)));
    return orderDecisions(all.flat());
  }

  private async read(source: string, logGroupName: string, from: Date): Promise<Decision[]> {
    const out: Decision[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await this.logs.send(new FilterLogEventsCommand({
        logGroupName, startTime: from.getTime(), filterPattern: DECISION_FILTER_PATTERN, nextToken,
      }));
      for (const e of answer.events ?? []) {
        const decision = decisionFromLine(e.message ?? '', { at: new Date(e.timestamp ?? 0), source });
        if (decision) out.push(decision);
      }
      nextToken = answer.nextToken;
      if (!nextToken) break;
    }
    return out;
  }
}
