/**
 * The optional `alerts` section of the deploy configuration:
 *
 *   "alerts": { "email": ["ops@example.org"], "activityUnknownMinutes": 30 }
 *
 * Absent (the default): no topic, no alarms, no cost. Present: one SNS topic with an email subscription per
 * address and the alarms of infra/constructs/controller-alerts.ts. `STZ_ALERTS` may carry the same JSON.
 */
export interface AlertsConfig {
  emails: string[];
  /** Awake with unreadable activity for this long (no automatic stop can happen meanwhile). */
  activityUnknownMinutes: number;
}

export const ALERTS_KEY = 'alerts';
export const ALERTS_ENV = 'STZ_ALERTS';
const EMAIL = /^[^\s@,;<>"]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;
const KNOWN = ['email', 'activityUnknownMinutes'];

/** Parses the section; pushes one problem per mistake and returns undefined when it is absent or wrong. */
export function parseAlerts(value: unknown, from: string, problems: string[]): AlertsConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const section = typeof value === 'string' ? tryJson(value) : value;
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    problems.push(`alerts (from ${from}) must be an object like {"email": ["ops@example.org"]}`);
    return undefined;
  }
  const s = section as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(s)) if (!KNOWN.includes(key) && !key.startsWith('//')) problems.push(`unknown key "alerts.${key}" in ${from} (known: ${KNOWN.join(', ')})`);
  const raw = s.email;
  const emails = typeof raw === 'string' ? raw.split(',').map((e) => e.trim()).filter(Boolean) : Array.isArray(raw) ? raw.map((e) => String(e).trim()) : undefined;
  if (!emails || emails.length === 0) problems.push(`alerts.email is required in ${from}: one address or a list`);
  else {
    const bad = emails.filter((e) => !EMAIL.test(e));
    if (bad.length > 0) problems.push(`alerts.email has invalid addresses ${bad.map((b) => `"${b}"`).join(', ')} (from ${from})`);
    if (emails.length > 10) problems.push(`alerts.email may list at most 10 addresses (from ${from})`);
  }
  const minutes = s.activityUnknownMinutes ?? 30;
  const n = typeof minutes === 'string' ? Number(minutes) : minutes;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > 1440) {
    problems.push(`alerts.activityUnknownMinutes must be an integer from 2 to 1440 (got ${JSON.stringify(minutes)}, from ${from})`);
  }
  if (problems.length > before) return undefined;
  return { emails: emails!, activityUnknownMinutes: n as number };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
