import { existsSync } from 'node:fs';
import { httpEvent } from './events.js';

/**
 * What each function's cold-init run handles: one representative event on the in-memory ports
 * (CONTROLLER_BACKEND=simulated), so no run reaches AWS.
 */
export interface FunctionBench {
  name: string;
  entry: string;
  event: unknown;
  env: Record<string, string>;
}

const COMMON = {
  CONTROLLER_BACKEND: 'simulated',
  SERVICE_GROUP: 'jitsi/web,jitsi/jvb',
  MEETING_BASE_URL: 'https://meet.example.com',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_REGION: 'eu-west-1',
};

const TABLE: FunctionBench[] = [
  { name: 'wake', entry: 'functions/wake/index.ts', event: httpEvent('GET', '/api/status'), env: {} },
];

export function benchFunctions(): FunctionBench[] {
  return TABLE.filter((f) => existsSync(f.entry)).map((f) => ({ ...f, env: { ...COMMON, ...f.env } }));
}
