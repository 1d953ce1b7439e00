import { EnvReader, type Env } from './env-reader.js';

/** Holds: the SSM String parameter (HOLD_PARAMETER) and how long one read is reused per container. */
export interface HoldConfig {
  /** Absent: holds are not configured and every path acts as before. */
  parameter?: string;
  cacheMs: number;
}

const PARAMETER_NAME = /^(arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter)?\/?[A-Za-z0-9_.\-/]{1,1011}$/;

export function readHoldConfig(r: EnvReader): HoldConfig {
  const parameter = r.optional('HOLD_PARAMETER');
  if (parameter !== undefined && !PARAMETER_NAME.test(parameter)) r.fail(`HOLD_PARAMETER must be an SSM parameter name or ARN (got "${parameter}")`);
  return { parameter, cacheMs: r.int('HOLD_CACHE_SECONDS', 30, 0, 300) * 1000 };
}

export function loadHoldConfig(env: Env = process.env): HoldConfig {
  const r = new EnvReader(env);
  const config = readHoldConfig(r);
  r.done();
  return config;
}
