import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DecisionLog } from '../shared/domain/decisions.js';
import type { IdleAlarmView } from '../shared/domain/operator-view.js';
import type { ScheduleEntry } from '../shared/domain/schedules.js';
import type { LiveActivity } from '../shared/domain/stop-check.js';
import type { GroupControl } from './ctl-runtime.js';

/**
 * The local demo's stand-in for the AWS APIs `ctl` reads (ECS, CloudWatch alarms and Logs, Scheduler), so
 * `npm run ctl -- --local http://localhost:8080 …` drives the running demo. Plain JSON under /_local/ctl/;
 * it exists only in `npm start`, never in the product's API. Bound to the same host as the demo.
 */
export const LOCAL_CONTROL_PREFIX = '/_local/ctl';

export interface LocalControlDeps {
  controller: GroupControl;
  activity?: LiveActivity;
  decisions: DecisionLog;
  idleAlarms?: IdleAlarmView;
  pending?: () => Promise<ScheduleEntry[]>;
  nextNightly?: () => Promise<Date | undefined>;
  timeZone: string;
}

export function localControlRoutes(deps: LocalControlDeps) {
  return async (req: IncomingMessage, res: ServerResponse, body: string): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!url.pathname.startsWith(`${LOCAL_CONTROL_PREFIX}/`)) return false;
    const route = `${req.method ?? 'GET'} ${url.pathname.slice(LOCAL_CONTROL_PREFIX.length)}`;
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));
      return true;
    };
    const reason = () => {
      try {
        const r = (JSON.parse(body || '{}') as { reason?: unknown }).reason;
        return typeof r === 'string' ? r.slice(0, 300) : undefined;
      } catch {
        return undefined;
      }
    };
    try {
      return await answer(route, url, send, reason);
    } catch (error) {
      // The CLI prints this as "failed: …", as it would an AWS error.
      return send(500, { error: error instanceof Error ? error.message : String(error) });
    }
  };

  async function answer(route: string, url: URL, send: (status: number, value: unknown) => boolean, reason: () => string | undefined): Promise<boolean> {
    switch (route) {
      case 'GET /settings':
        return send(200, { timeZone: deps.timeZone, views: { activity: Boolean(deps.activity), idleAlarms: Boolean(deps.idleAlarms), pending: Boolean(deps.pending), nextNightly: Boolean(deps.nextNightly) } });
      case 'GET /status':
        return send(200, await deps.controller.status());
      case 'POST /wake':
        return send(200, await deps.controller.wake(reason() ?? 'operator CLI (local)'));
      case 'POST /sleep':
        return send(200, await deps.controller.sleep(reason() ?? 'operator CLI (local)'));
      case 'GET /activity':
        return deps.activity ? send(200, await deps.activity.read()) : send(404, { error: 'no activity reader' });
      case 'GET /decisions': {
        const since = new Date(url.searchParams.get('since') ?? 0);
        if (Number.isNaN(since.getTime())) return send(400, { error: 'since must be an ISO time' });
        return send(200, await deps.decisions.since(since));
      }
      case 'GET /alarms':
        return deps.idleAlarms ? send(200, await deps.idleAlarms.read()) : send(404, { error: 'no idle alarms' });
      case 'GET /pending':
        return deps.pending ? send(200, await deps.pending()) : send(404, { error: 'no schedules' });
      case 'GET /nightly': {
        if (!deps.nextNightly) return send(404, { error: 'the local nightly power-down is off (set LOCAL_NIGHTLY_SECONDS)' });
        const next = await deps.nextNightly();
        return send(200, { next: next?.toISOString() ?? null });
      }
      default:
        return send(404, { error: `no local control route ${route}` });
    }
  }
}
