import type { StatsReading, TaskReading } from './activity.js';

/**
 * The probe function's input and output. The probe runs inside the VPC and can reach private addresses, so
 * its input is checked strictly: it must never become a way to send requests anywhere else (SSRF).
 */
export interface ProbeTarget {
  member: string;
  ip: string;
}

export type ProbeResponse = { ok: true; readings: TaskReading[] } | { ok: false; error: string };

export const MAX_PROBE_TARGETS = 50;
const MEMBER = /^[A-Za-z0-9][A-Za-z0-9/_:.-]{0,299}$/;
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/**
 * True only for a dotted-quad IPv4 literal in the RFC 1918 private ranges (10/8, 172.16/12, 192.168/16).
 * Everything else is refused: host names (DNS rebinding), loopback, link-local (169.254.169.254, the
 * metadata service), public addresses, IPv6, octal or hex forms.
 */
export function isPrivateIpv4(ip: string): boolean {
  const m = IPV4.exec(ip);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

export function parseProbeRequest(event: unknown): { ok: true; targets: ProbeTarget[] } | { ok: false; error: string } {
  if (!isObject(event) || !Array.isArray(event.targets)) return { ok: false, error: 'expected { "targets": [{ "member": "...", "ip": "10.x.x.x" }] }' };
  if (event.targets.length === 0) return { ok: false, error: 'targets is empty' };
  if (event.targets.length > MAX_PROBE_TARGETS) return { ok: false, error: `at most ${MAX_PROBE_TARGETS} targets` };
  const problems: string[] = [];
  const targets: ProbeTarget[] = [];
  event.targets.forEach((t: unknown, i) => {
    if (!isObject(t) || typeof t.member !== 'string' || typeof t.ip !== 'string') problems.push(`targets[${i}] needs string "member" and "ip"`);
    else if (!MEMBER.test(t.member)) problems.push(`targets[${i}].member is not a service id`);
    else if (!isPrivateIpv4(t.ip)) problems.push(`targets[${i}].ip ${JSON.stringify(t.ip.slice(0, 64))} is not a private IPv4 address`);
    else targets.push({ member: t.member, ip: t.ip });
  });
  return problems.length > 0 ? { ok: false, error: problems.join('; ') } : { ok: true, targets };
}

/** Checks what came back from the probe; anything unexpected is a string (the caller treats it as unknown). */
export function parseProbeResponse(payload: unknown, targets: readonly ProbeTarget[]): TaskReading[] | string {
  if (!isObject(payload)) return 'probe returned no JSON object';
  if (payload.ok === false) return `probe refused the request: ${String(payload.error)}`;
  if (payload.ok !== true || !Array.isArray(payload.readings)) return 'probe response without readings';
  const readings = payload.readings as unknown[];
  const valid = readings.filter(
    (r): r is TaskReading => isObject(r) && typeof r.member === 'string' && typeof r.ip === 'string' && isReading(r.jicofo) && isReading(r.jvb),
  );
  if (valid.length !== readings.length) return 'probe response has malformed readings';
  const missing = targets.filter((t) => !valid.some((r) => r.ip === t.ip && r.member === t.member));
  if (missing.length > 0 || valid.length !== targets.length) return `probe response does not match the targets (${missing.map((t) => t.ip).join(', ') || 'extra readings'})`;
  return valid;
}

function isReading(value: unknown): value is StatsReading {
  if (!isObject(value)) return false;
  if (value.ok === false) return typeof value.reason === 'string';
  const n = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  return value.ok === true && n(value.participants) && n(value.conferences) && typeof value.recording === 'boolean'
    && (value.bridges === undefined || n(value.bridges));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
