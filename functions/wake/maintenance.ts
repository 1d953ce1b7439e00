import type { GroupStatus } from '../../shared/domain/group-state.js';
import type { Hold } from '../../shared/domain/hold.js';
import { json, type Response } from './http.js';
import { HTML_HEADERS, messagePage } from './page.js';

/** What people read during an `asleep` (maintenance) hold: until when, and whom to ask. */
export function maintenanceText(hold: Hold, supportContact?: string): string {
  const until = hold.until.toISOString().replace(/:\d{2}\.\d{3}Z$/, ' UTC').replace('T', ' ');
  return `The meeting service is under maintenance until ${until}.${supportContact ? ` Questions: ${supportContact}.` : ''}`;
}

/** GET of a meeting link during maintenance: a page without a script, so nothing can try to wake. */
export function maintenancePage(hold: Hold, supportContact?: string): Response {
  return { statusCode: 503, headers: { ...HTML_HEADERS, 'retry-after': retryAfter(hold) }, body: messagePage('Under maintenance', maintenanceText(hold, supportContact)) };
}

/** POST wake during maintenance: a status the open waiting page renders as it is (phase error, not retryable). */
export function maintenanceRefusal(hold: Hold, now: Date, supportContact?: string): Response {
  const status: GroupStatus & { hold: { kind: string; until: string } } = {
    phase: 'error', message: maintenanceText(hold, supportContact), members: [], retryable: false, checkedAt: now.toISOString(),
    hold: { kind: hold.kind, until: hold.until.toISOString() },
  };
  return json(503, status, { 'retry-after': retryAfter(hold, now) });
}

function retryAfter(hold: Hold, now: Date = new Date(hold.setAt)): string {
  return String(Math.max(60, Math.min(3600, Math.ceil((hold.until.getTime() - now.getTime()) / 1000))));
}
