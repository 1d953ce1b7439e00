import type { ReadinessProbe } from '../../domain/service-group.js';

/**
 * Probes the public meeting URL the way a browser will reach it: every path must answer 200
 * (Jitsi web serves index.html on "/" and Prosody's page on "/http-bind").
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
      return { ok: response.status === 200, detail: `${url.pathname} ${response.status}` };
    } catch (error) {
      // By name, not instanceof: the DOMException may come from another realm (Node internals vs a test VM).
      const reason = (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'timeout' : 'unreachable';
      return { ok: false, detail: `${url.pathname} ${reason}` };
    }
  }
}
