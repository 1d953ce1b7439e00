import type { ReadinessProbe } from '../../domain/service-group.js';
import { CONTROLLER_HEADER } from './controller-header.js';

/**
 * Probes the meeting URL (READINESS_BASE_URL: the origin behind any CloudFront failover): every path must
 * answer 200 (Jitsi web serves index.html on "/" and Prosody's page on "/http-bind"). A response carrying the
 * wake function's own marker header is our waiting page or 503, never Jitsi, so it is not ready whatever its
 * status (DESIGN "two traps", 1).
 */
export class HttpReadinessProbe implements ReadinessProbe {
  constructor(
    private readonly baseUrl: URL,
    private readonly paths: readonly string[],
    private readonly timeoutMs: number,
  ) {}

  async check(): Promise<{ ok: boolean; detail: string }> {
    const results = await Promise.all(this.paths.map((path) => this.get(path)));
    const failed = results.filter((r) => !r.ok);
    return failed.length === 0
      ? { ok: true, detail: results.map((r) => r.detail).join(', ') }
      : { ok: false, detail: failed.map((r) => r.detail).join(', ') };
  }

  private async get(path: string): Promise<{ ok: boolean; detail: string }> {
    const url = new URL(this.baseUrl.href.replace(/\/$/, '') + (path.startsWith('/') ? path : `/${path}`));
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      await response.body?.cancel();
      if (response.headers.has(CONTROLLER_HEADER)) return { ok: false, detail: `${url.pathname} ${response.status} from the wake function, not Jitsi` };
      return { ok: response.status === 200, detail: `${url.pathname} ${response.status}` };
    } catch (error) {
      // By name, not instanceof: the DOMException may come from another realm (Node internals vs a test VM).
      const reason = (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timeout' : 'unreachable';
      return { ok: false, detail: `${url.pathname} ${reason}` };
    }
  }
}
