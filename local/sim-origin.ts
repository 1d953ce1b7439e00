import { escapeHtml, validateRoom } from '../shared/domain/rooms.js';
import { meetingPage, type SimulatedJitsi } from './sim-jitsi.js';

/** One HTTP answer, before it is written (so the local CloudFront can decide to fail over). */
export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Simulation {
  jitsi: SimulatedJitsi;
  isRunning(): Promise<boolean>;
}

const answer = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'text/plain' }): LocalResponse => ({ status, headers, body });

/**
 * The simulated Express endpoint: what a sleeping Express service answers (503 from its load balancer) and,
 * while the simulated group runs, a Jitsi-like site: `/` and `/http-bind` for the readiness probe, a meeting
 * page per room, and the heartbeat that makes an open meeting page count as a participant.
 */
export async function simulatedOrigin(method: string, path: string, body: string, sim: Simulation): Promise<LocalResponse> {
  if (!(await sim.isRunning())) return answer(503, '503 Service Temporarily Unavailable (simulated service is not running)');
  if (path === '' || path === '/' || path === '/http-bind') {
    return answer(200, path === '/http-bind' ? 'It works! (simulated Prosody)' : 'Simulated Jitsi web', { 'content-type': 'text/html' });
  }
  // The simulated site has no icon; a 404 here would only add console noise to every meeting page.
  if (path === '/favicon.ico') return answer(204, '', {});
  if (method === 'POST' && (path === '/_heartbeat' || path === '/_leave')) {
    try {
      const { id, room } = JSON.parse(body) as { id?: unknown; room?: unknown };
      if (typeof id === 'string' && path === '/_leave') sim.jitsi.leave(id);
      if (typeof id === 'string' && typeof room === 'string' && path === '/_heartbeat') sim.jitsi.heartbeat(id, room);
      return answer(204, '', {});
    } catch {
      return answer(400, '', {});
    }
  }
  const segment = path.slice(1);
  let room: string | undefined;
  try {
    const check = validateRoom(decodeURIComponent(segment));
    room = check.ok ? check.room : undefined;
  } catch {
    room = undefined;
  }
  if (!room || segment.includes('/')) return answer(404, 'no such meeting');
  return answer(200, meetingPage(escapeHtml(room)), { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
}
