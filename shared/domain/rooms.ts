/**
 * Room names and meeting URLs (DESIGN invariant 7). A room is one path segment of letters and digits in any
 * script, "-" and "_": no dots (so no "..", no file names), no slashes, no markup, at most 100 characters.
 */
export const MAX_ROOM_LENGTH = 100;
const ROOM = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]*$/u;
const RESERVED = new Set(['api', 'robots', 'favicon', 'static', 'libs', 'css', 'images', 'sounds', 'http-bind', 'xmpp-websocket', 'colibri-ws']);

export type RoomCheck = { ok: true; room: string } | { ok: false; reason: string };

/** Validates a room taken from a URL path segment (still percent-encoded). */
export function parseRoomSegment(segment: string): RoomCheck {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return { ok: false, reason: 'the meeting name is not valid URL encoding' };
  }
  return validateRoom(decoded);
}

export function validateRoom(name: string): RoomCheck {
  const room = name.normalize('NFC');
  if (room.length === 0) return { ok: false, reason: 'the meeting name is empty' };
  if ([...room].length > MAX_ROOM_LENGTH) return { ok: false, reason: `the meeting name is longer than ${MAX_ROOM_LENGTH} characters` };
  if (!ROOM.test(room)) return { ok: false, reason: 'a meeting name may contain only letters, digits, "-" and "_"' };
  if (RESERVED.has(room.toLowerCase())) return { ok: false, reason: `"${room}" is reserved` };
  return { ok: true, room };
}

/**
 * The longest query kept: CloudFront's own limit on a whole request URL (8,192 bytes), so any query that
 * reached us is kept. Long Jitsi JWTs (`?jwt=`) must survive the trip into the meeting.
 */
export const MAX_QUERY_LENGTH = 8192;

/**
 * A query string is kept only if it is plain URL-encoded text (no spaces, controls or fragments). The ready
 * redirect and the waiting page's own join both use the URL built from it, so they always agree.
 */
export function safeQuery(raw: string | undefined): string {
  if (!raw) return '';
  return /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/.test(raw) && raw.length <= MAX_QUERY_LENGTH ? raw : '';
}

/**
 * `<base>/<room>` plus the query. Built by encoding the room as one segment and checked again, so the result
 * can never leave the configured base URL.
 */
export function meetingUrl(base: URL, room: string, rawQuery = ''): string {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}/${encodeURIComponent(room)}`;
  const query = safeQuery(rawQuery);
  url.search = query ? `?${query}` : '';
  const prefix = `${base.origin}${base.pathname.replace(/\/+$/, '')}/`;
  if (url.origin !== base.origin || !url.href.startsWith(prefix)) throw new Error('meeting URL escaped the base URL');
  return url.href;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
