import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crossFieldProblems, canonicalise, FIELDS, type ConfigKey, type ControllerConfig, type Field } from './config-schema.js';

export { FIELDS, type ControllerConfig } from './config-schema.js';

/** The cdk.json context key that holds the defaults (and, for small setups, the whole configuration). */
export const CONTEXT_KEY = 'jitsi-scale-to-zero';
/** Context key / environment variable naming an optional JSON config file. */
export const CONFIG_FILE_CONTEXT = 'configFile';
export const CONFIG_FILE_ENV = 'STZ_CONFIG_FILE';
export const ENV_PREFIX = 'STZ_';

/** One error that names every problem, so a bad configuration is fixed in one round. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid jitsi-scale-to-zero configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`
      + problems.map((p) => `  - ${p}`).join('\n')
      + `\nSet values in cdk.json context "${CONTEXT_KEY}", a JSON file (-c ${CONFIG_FILE_CONTEXT}=<path> or ${CONFIG_FILE_ENV}) `
      + `or ${ENV_PREFIX}* environment variables; see docs/deploy.md.`);
    this.name = 'ConfigError';
  }
}

export interface ConfigSources {
  /** The `jitsi-scale-to-zero` context object (cdk.json or `-c`). */
  context?: unknown;
  /** Path of the JSON config file, if any. */
  configFile?: string;
  env?: Record<string, string | undefined>;
}

/** `noJoinMinutes` → `STZ_NO_JOIN_MINUTES`. */
export function envName(key: ConfigKey): string {
  return ENV_PREFIX + key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** Reads the sources in order of precedence: schema defaults < context < config file < environment. */
export function loadConfig(sources: ConfigSources): ControllerConfig {
  const problems: string[] = [];
  const raw = new Map<ConfigKey, { value: unknown; from: string }>();
  const layer = (values: unknown, from: string) => {
    if (values === undefined || values === null) return;
    const parsed = typeof values === 'string' ? tryJson(values) : values;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      problems.push(`${from} must be a JSON object`);
      return;
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (key.startsWith('//') || key === '$comment') continue;
      if (!(key in FIELDS)) problems.push(`unknown key "${key}" in ${from}`);
      else if (value !== null && value !== undefined) raw.set(key as ConfigKey, { value, from });
    }
  };
  layer(sources.context, `context "${CONTEXT_KEY}"`);
  if (sources.configFile) {
    try {
      layer(JSON.parse(readFileSync(resolve(sources.configFile), 'utf8')), `config file ${sources.configFile}`);
    } catch (e) {
      problems.push(`config file ${sources.configFile} cannot be read as JSON: ${(e as Error).message}`);
    }
  }
  const env = sources.env ?? {};
  for (const key of Object.keys(FIELDS) as ConfigKey[]) {
    const value = env[envName(key)];
    if (value !== undefined && value.trim() !== '') raw.set(key, { value, from: envName(key) });
  }

  const config: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(FIELDS) as [ConfigKey, Field][]) {
    const given = raw.get(key);
    if (!given) {
      if (field.default === undefined && !field.optional) problems.push(`${key} is required (${field.hint ?? field.kind}; env ${envName(key)})`);
      config[key] = field.default ?? (field.kind === 'list' ? [] : undefined);
      continue;
    }
    const result = coerce(field, given.value);
    if (typeof result === 'object' && result !== null && 'problem' in result) {
      problems.push(`${key} ${result.problem} (from ${given.from})`);
      config[key] = field.default ?? (field.kind === 'list' ? [] : undefined);
    } else {
      config[key] = result;
    }
  }
  const deployRegion = env.CDK_DEFAULT_REGION ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  problems.push(...crossFieldProblems(config as unknown as ControllerConfig, deployRegion || undefined));
  if (problems.length > 0) throw new ConfigError(problems);
  return canonicalise(config as unknown as ControllerConfig);
}

type Coerced = string | number | boolean | string[] | Record<string, string> | { problem: string };

function coerce(field: Field, value: unknown): Coerced {
  const describe = field.hint ? ` (${field.hint})` : '';
  switch (field.kind) {
    case 'int': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isInteger(n) || n < (field.min ?? -Infinity) || n > (field.max ?? Infinity)) {
        return { problem: `must be an integer from ${field.min} to ${field.max} (got ${JSON.stringify(value)})` };
      }
      return n;
    }
    case 'bool': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (['true', '1', 'yes'].includes(text)) return true;
      if (['false', '0', 'no'].includes(text)) return false;
      return { problem: `must be true or false (got ${JSON.stringify(value)})` };
    }
    case 'list': {
      const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : undefined;
      if (!items) return { problem: `must be a list or a comma-separated string${describe}` };
      const list = items.map((s) => s.trim()).filter(Boolean);
      if (list.length === 0 && field.default === undefined && !field.optional) return { problem: `must not be empty${describe}` };
      const bad = list.filter((s) => field.pattern && !field.pattern.test(s));
      return bad.length ? { problem: `has invalid entries ${bad.map((b) => `"${b}"`).join(', ')}${describe}` } : list;
    }
    case 'map': {
      if (typeof value === 'string') return parsePairs(value);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: 'must be an object or "k=v,k=v"' };
      const entries = Object.entries(value);
      if (entries.some(([, v]) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
        return { problem: 'must map names to plain values' };
      }
      return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
    }
    default: {
      if (typeof value !== 'string' && typeof value !== 'number') return { problem: `must be a string${describe}` };
      const text = String(value).trim();
      if (field.oneOf && !field.oneOf.includes(text)) return { problem: `must be one of ${field.oneOf.join(', ')} (got "${text}")` };
      if (field.pattern && !field.pattern.test(text)) return { problem: `must be ${field.hint ?? `like ${field.pattern}`} (got "${text}")` };
      return text;
    }
  }
}

function parsePairs(text: string): Record<string, string> | { problem: string } {
  const out: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) return { problem: `must be "k=v,k=v" (bad pair "${pair}")` };
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
