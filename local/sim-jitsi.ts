import type { Clock } from '../shared/domain/service-group.js';

/**
 * The simulated Jitsi behind `npm start`: a meeting page that sends a heartbeat while it is open, and
 * Jicofo-shaped `/stats` counting a participant per page seen within the heartbeat window.
 */
export class SimulatedJitsi {
  private readonly participants = new Map<string, { room: string; lastSeen: number }>();

  constructor(private readonly clock: Clock, private readonly heartbeatWindowMs = 15_000) {}

  heartbeat(id: string, room: string): void {
    this.participants.set(id, { room, lastSeen: this.clock.now().getTime() });
  }

  leave(id: string): void {
    this.participants.delete(id);
  }

  /** Forget everyone, as a stopped service does. */
  reset(): void {
    this.participants.clear();
  }

  /** The fields the controller reads, shaped as Jicofo sends them (test/fixtures/jitsi/README.md). */
  stats(): {
    conferences: number; participants: number; largest_conference: number; visitors: number;
    jibri: { recording_active: number; live_streaming_active: number; sip_call_active: number };
    bridge_selector: { bridge_count: number; operational_bridge_count: number };
  } {
    const now = this.clock.now().getTime();
    const rooms = new Map<string, number>();
    for (const [id, p] of this.participants) {
      if (now - p.lastSeen > this.heartbeatWindowMs) this.participants.delete(id);
      else rooms.set(p.room, (rooms.get(p.room) ?? 0) + 1);
    }
    const sizes = [...rooms.values()];
    return {
      conferences: rooms.size,
      participants: sizes.reduce((a, b) => a + b, 0),
      largest_conference: Math.max(0, ...sizes),
      visitors: 0,
      jibri: { recording_active: 0, live_streaming_active: 0, sip_call_active: 0 },
      bridge_selector: { bridge_count: 1, operational_bridge_count: 1 },
    };
  }
}

const MEETING_SCRIPT = `
(function(){
  var id = Math.random().toString(36).slice(2), room = document.body.getAttribute('data-room');
  function beat(){ fetch('_heartbeat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: id, room: room }) }).catch(function(){}); }
  beat(); setInterval(beat, 5000);
  addEventListener('pagehide', function(){ navigator.sendBeacon('_leave', JSON.stringify({ id: id })); });
})();`;

export function meetingPage(escapedRoom: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Simulated Jitsi: ${escapedRoom}</title></head>
<body data-room="${escapedRoom}" style="font-family:system-ui;margin:2rem"><h1>Simulated Jitsi meeting</h1>
<p>Room: <strong id="room">${escapedRoom}</strong></p><p id="where"></p>
<p>While this page is open it counts as one participant. Close it to let the service go back to sleep.</p>
<script>${MEETING_SCRIPT}</script></body></html>`;
}
