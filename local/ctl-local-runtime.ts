import type { Env } from '../shared/config/env-reader.js';
import type { Activity } from '../shared/domain/activity.js';
import type { WakeResult } from '../shared/domain/controller.js';
import type { Decision } from '../shared/domain/decisions.js';
import type { GroupStatus } from '../shared/domain/group-state.js';
import type { IdleAlarmReading } from '../shared/domain/operator-view.js';
import type { PrewarmCancelResult, PrewarmCreateResult, PrewarmEntry } from '../shared/domain/prewarm-service.js';
import type { ScheduleEntry } from '../shared/domain/schedules.js';
import { systemClock } from '../shared/domain/service-group.js';
import { pause, type CtlRuntime, type PrewarmControl } from './ctl-runtime.js';
import { LOCAL_CONTROL_PREFIX } from './local-control.js';

type Fetch = typeof fetch;

/** Thrown when the demo answers something the CLI cannot use. */
export class LocalDemoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalDemoError';
  }
}

/**
 * `ctl --local <url>`: the same commands against the running `npm start`, over its local control routes
 * (local/local-control.ts) and its pre-warm API (`/_stz/prewarm`, bearer PREWARM_TOKEN).
 */
export async function localCtlRuntime(baseUrl: string, env: Env, fetchFn: Fetch = fetch): Promise<CtlRuntime> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await request(fetchFn, baseUrl, method, `${LOCAL_CONTROL_PREFIX}${path}`, body);
    if (res.status !== 200) throw new LocalDemoError(`${method} ${path}: ${res.status} ${String((res.body as { error?: unknown })?.error ?? '')}`.trim());
    return res.body as T;
  };
  const settings = await call<{ timeZone: string; views: Record<string, boolean> }>('GET', '/settings').catch((error: unknown) => {
    if (error instanceof LocalDemoError) throw new LocalDemoError(`${baseUrl} is not the local demo (npm start): ${error.message}`);
    throw new LocalDemoError(`cannot reach the local demo at ${baseUrl} (is npm start running?): ${error instanceof Error ? error.message : String(error)}`);
  });
  const { views } = settings;
  return {
    backend: 'local',
    origin: `local demo at ${baseUrl}`,
    clock: systemClock,
    pause,
    controller: {
      status: () => call<GroupStatus>('GET', '/status'),
      wake: (reason?: string) => call<WakeResult>('POST', '/wake', { reason }),
      sleep: (reason: string) => call<{ status: GroupStatus; scaledDown: string[] }>('POST', '/sleep', { reason }),
    },
    activity: { read: () => call<Activity>('GET', '/activity') },
    prewarm: () => localPrewarm(fetchFn, baseUrl, env.PREWARM_TOKEN),
    timeZone: () => env.TIME_ZONE?.trim() || settings.timeZone,
    // Holds live in the stack's SSM parameter; the demo keeps none (SIM_HOLD sets one for the in-process group).
    holds: () => undefined,
    holdCacheSeconds: () => 0,
    report: () => { throw new LocalDemoError(`the demo's session report is at ${baseUrl}/_local/report`); },
    decisions: {
      since: async (from) => (await call<Decision[]>('GET', `/decisions?since=${encodeURIComponent(from.toISOString())}`)).map((d) => ({ ...d, at: new Date(d.at) })),
    },
    ...(views.idleAlarms
      ? { idleAlarms: { read: async () => (await call<IdleAlarmReading[]>('GET', '/alarms')).map((a) => ({ ...a, ...(a.since ? { since: new Date(a.since) } : {}) })) } }
      : {}),
    ...(views.pending ? { pending: () => call<ScheduleEntry[]>('GET', '/pending') } : {}),
    missing: {
      nextNightly: 'the demo runs no nightly power-down: start it with LOCAL_NIGHTLY_SECONDS',
      pending: 'the demo keeps one-time schedules only with LOCAL_NIGHTLY_SECONDS',
      idleAlarms: 'the demo drives a real service group: its alarms are in CloudWatch (use --stack)',
    },
    ...(views.nextNightly
      ? { nextNightly: async () => { const { next } = await call<{ next: string | null }>('GET', '/nightly'); return next ? new Date(next) : undefined; } }
      : {}),
  };
}

/** The demo's pre-warm API, as a user's script would call it. */
function localPrewarm(fetchFn: Fetch, baseUrl: string, token: string | undefined): PrewarmControl {
  const api = async (method: string, path: string, body?: unknown) => {
    if (!token) throw new LocalDemoError('set PREWARM_TOKEN to the demo\'s pre-warm token to use prewarm with --local');
    const res = await request(fetchFn, baseUrl, method, `/_stz/prewarm${path}`, body, token);
    const error = String((res.body as { error?: unknown })?.error ?? '');
    if (res.status === 401) throw new LocalDemoError('the demo refused the pre-warm token (PREWARM_TOKEN)');
    if (res.status === 404 && /not configured/.test(error)) throw new LocalDemoError(`the running demo has no pre-warm API: ${error}`);
    return { status: res.status, body: res.body as Record<string, unknown>, error };
  };
  return {
    async create(start: unknown): Promise<PrewarmCreateResult> {
      const res = await api('POST', '', { start });
      if (res.status === 400) return { kind: 'invalid', reason: res.error };
      if (res.status === 202) return { kind: 'woke-now', start: String(res.body.start), status: res.body.status as GroupStatus, scaledUp: [] };
      if (res.status !== 200 && res.status !== 201) throw new LocalDemoError(`pre-warm failed: ${res.status} ${res.error}`);
      const { created, ...entry } = res.body as unknown as PrewarmEntry & { created: boolean };
      return { kind: 'scheduled', created, entry };
    },
    async list(): Promise<PrewarmEntry[]> {
      const res = await api('GET', '');
      if (res.status !== 200) throw new LocalDemoError(`pre-warm list failed: ${res.status} ${res.error}`);
      return res.body.prewarms as PrewarmEntry[];
    },
    async cancel(id: string): Promise<PrewarmCancelResult> {
      const res = await api('DELETE', `/${encodeURIComponent(id)}`);
      if (res.status === 200) return 'cancelled';
      if (res.status === 400) return 'invalid-id';
      if (res.status === 404) return 'not-found';
      throw new LocalDemoError(`pre-warm cancel failed: ${res.status} ${res.error}`);
    },
  };
}

async function request(fetchFn: Fetch, baseUrl: string, method: string, path: string, body?: unknown, token?: string) {
  const send = () => fetchFn(`${baseUrl}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  // One retry when the connection itself failed (a kept-alive socket the server had just closed): every
  // route is safe to repeat (wake and sleep are idempotent, the rest only read).
  const res = await send().catch((error: unknown) => {
    if (error instanceof TypeError) return send();
    throw error;
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: res.status, body: parsed };
}
