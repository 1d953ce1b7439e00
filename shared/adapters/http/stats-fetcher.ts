import type { StatsFetcher } from '../../domain/activity-ports.js';
import type { HttpAnswer } from '../../domain/jitsi-stats.js';

/**
 * Plain HTTP GET of a stats endpoint on a task IP, for the probe function. No redirects are followed (a
 * redirect could lead anywhere), the whole exchange has one timeout, and bodies are capped.
 */
export class HttpStatsFetcher implements StatsFetcher {
  constructor(private readonly timeoutMs: number, private readonly maxBytes = 256 * 1024) {}

  async get(ip: string, port: number, path: string, accept = 'application/json'): Promise<HttpAnswer> {
    const url = `http://${ip}:${port}${path}`;
    try {
      const response = await fetch(url, { redirect: 'manual', headers: { accept }, signal: AbortSignal.timeout(this.timeoutMs) });
      const body = await readCapped(response, this.maxBytes);
      if (body === undefined) return { kind: 'failed', reason: `${path}: response larger than ${this.maxBytes} bytes` };
      return { kind: 'response', status: response.status, contentType: response.headers.get('content-type') ?? undefined, body };
    } catch (error) {
      return { kind: 'failed', reason: `${path}: ${failureReason(error, this.timeoutMs)}` };
    }
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function failureReason(error: unknown, timeoutMs: number): string {
  // By shape, not instanceof: fetch's errors may come from another realm (Node internals vs a test VM).
  const e = (error ?? {}) as { name?: unknown; message?: unknown; cause?: { code?: unknown } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timeout after ${timeoutMs} ms`;
  const code = typeof e.cause?.code === 'string' ? e.cause.code : undefined;
  if (code === 'ECONNREFUSED') return 'connection refused';
  return code ? `unreachable (${code})` : `unreachable (${String(e.message ?? error)})`;
}
