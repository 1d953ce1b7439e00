import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { HttpAnswer } from '../../shared/domain/jitsi-stats.js';
import { lambdaContext } from '../../local/lambda-context.js';

/** A body from test/fixtures/jitsi/. */
export function fixture(name: string): string {
  return readFileSync(join(process.cwd(), 'test', 'fixtures', 'jitsi', name), 'utf8');
}

/** An HTTP answer whose body is a fixture (200 JSON unless told otherwise). */
export function answer(name: string, status = 200, contentType = name.endsWith('.json') ? 'application/json' : 'text/html'): HttpAnswer {
  return { kind: 'response', status, contentType, body: fixture(name) };
}

/** An event from events/ (the same files `npm run invoke` uses). */
export function loadEvent<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(process.cwd(), 'events', name), 'utf8')) as T;
}

/** The Lambda context of a function deployed in eu-west-1, account 123456789012 (the events/ alarms). */
export function awsContext(name: string): Context {
  return { ...lambdaContext(name), invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${name}` };
}

/**
 * A Powertools Logger and Metrics whose output is collected instead of printed: `lines()` gives every JSON
 * log line, `counts()` the metrics added (name → sum), as the functions would emit them.
 */
export function observed() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = new Logger({ serviceName: 'test', logLevel: 'DEBUG' });
  const sink = (...args: unknown[]) => { for (const a of args) lines.push(JSON.parse(String(a)) as Record<string, unknown>); };
  // Powertools writes through its own Console; replace its methods so tests stay quiet and can assert.
  const consoleLike = (logger as unknown as { console: Record<string, unknown> }).console;
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace']) consoleLike[method] = sink;
  const metrics = new Metrics({ serviceName: 'test', namespace: 'JitsiScaleToZero' });
  const counts: Record<string, number> = {};
  const add = metrics.addMetric.bind(metrics);
  metrics.addMetric = (name, unit, value) => {
    counts[name] = (counts[name] ?? 0) + value;
    return add(name, unit, value);
  };
  metrics.publishStoredMetrics = () => { metrics.clearMetrics(); return metrics; };
  return { logger, metrics, lines, counts };
}
