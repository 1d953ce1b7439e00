/**
 * Small helpers for the nested deploy-config sections (`jitsi`, `domain`): each section module reads a
 * plain JSON object, collects every problem with its key path, and never throws on its own.
 */
export type Problems = string[];

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys the section does not know are an error, so a typo never silently falls back to a default. */
export function unknownKeys(section: string, raw: Record<string, unknown>, known: readonly string[], problems: Problems): void {
  for (const key of Object.keys(raw)) {
    if (key.startsWith('//') || key === '$comment') continue;
    if (!known.includes(key)) problems.push(`unknown key "${section}.${key}" (known: ${known.join(', ')})`);
  }
}

export function readString(section: string, raw: Record<string, unknown>, key: string, pattern: RegExp, hint: string, problems: Problems): string | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !pattern.test(value.trim())) {
    problems.push(`${section}.${key} must be ${hint} (got ${JSON.stringify(value)})`);
    return undefined;
  }
  return value.trim();
}

export function readInt(section: string, raw: Record<string, unknown>, key: string, allowed: readonly number[], problems: Problems): number | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!allowed.includes(n)) {
    problems.push(`${section}.${key} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
    return undefined;
  }
  return n;
}

export function readList(section: string, raw: Record<string, unknown>, key: string, pattern: RegExp, hint: string, problems: Problems): string[] | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : undefined;
  if (!items) {
    problems.push(`${section}.${key} must be a list of ${hint}`);
    return undefined;
  }
  const list = items.map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((s) => !pattern.test(s));
  if (bad.length) {
    problems.push(`${section}.${key} has invalid entries ${bad.map((b) => `"${b}"`).join(', ')} (${hint})`);
    return undefined;
  }
  return list;
}

/** A lower-case DNS host name (the same rule as the flat `domainName` key). */
export const HOST_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
