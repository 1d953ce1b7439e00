import type { PrewarmSettings } from '../domain/prewarm.js';
import { readCoreConfig, readWakeConfig, type CoreConfig, type WakeConfig } from './core-config.js';
import { EnvReader, type Env } from './env-reader.js';
import { RANGES } from './limits.js';
import { readEstimateConfig, type EstimateConfig } from './estimate-config.js';
import { readFunctionArn, readSchedulingConfig, type SchedulingConfig } from './schedule-config.js';

/** Creating pre-warms (wake API and CLI): the schedule target and the time rules. */
export interface PrewarmConfig extends SchedulingConfig, PrewarmSettings {
  /** PREWARM_FUNCTION_ARN: the schedules' target, functions/prewarm. */
  functionArn: string;
}

/** The wake API's bearer token: an SSM SecureString name and how long one read is reused. */
export interface PrewarmAuthConfig {
  tokenParameter: string;
  tokenTtlMs: number;
}

const PARAMETER_NAME = /^(arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/)?[A-Za-z0-9_.\-/]{1,1011}$/;

export function readPrewarmConfig(r: EnvReader): PrewarmConfig {
  return {
    ...readSchedulingConfig(r),
    functionArn: readFunctionArn(r, 'PREWARM_FUNCTION_ARN'),
    leadMinutes: r.inRange('PREWARM_LEAD_MINUTES', RANGES.prewarmLeadMinutes),
    maxDaysAhead: r.inRange('PREWARM_MAX_DAYS_AHEAD', RANGES.prewarmMaxDaysAhead),
  };
}

export function readPrewarmAuthConfig(r: EnvReader, tokenParameter: string): PrewarmAuthConfig {
  if (tokenParameter !== '' && !PARAMETER_NAME.test(tokenParameter)) r.fail(`PREWARM_TOKEN_PARAMETER must be an SSM parameter name or ARN (got "${tokenParameter}")`);
  return { tokenParameter, tokenTtlMs: r.int('PREWARM_TOKEN_TTL_SECONDS', 300, 0, 3600) * 1000 };
}

export interface WakeFunctionConfig {
  wake: WakeConfig;
  estimate: EstimateConfig;
}

/** The wake function: the wake settings only (the pre-warm API is its own function). */
export function loadWakeFunctionConfig(env: Env = process.env): WakeFunctionConfig {
  const r = new EnvReader(env);
  const wake = readWakeConfig(r);
  const estimate = readEstimateConfig(r);
  r.done();
  return { wake, estimate };
}

export interface PrewarmApiFunctionConfig {
  core: CoreConfig;
  prewarm: PrewarmConfig & PrewarmAuthConfig;
}

/** functions/prewarm-api: the common settings, the schedule target and the token, validated together. */
export function loadPrewarmApiFunctionConfig(env: Env = process.env): PrewarmApiFunctionConfig {
  const r = new EnvReader(env);
  const core = readCoreConfig(r);
  const prewarm = { ...readPrewarmConfig(r), ...readPrewarmAuthConfig(r, r.string('PREWARM_TOKEN_PARAMETER')) };
  r.done();
  return { core, prewarm };
}

/** functions/prewarm only wakes the group: the common settings are all it needs. */
export function loadPrewarmFunctionConfig(env: Env = process.env): CoreConfig {
  const r = new EnvReader(env);
  const core = readCoreConfig(r);
  r.done();
  return core;
}
