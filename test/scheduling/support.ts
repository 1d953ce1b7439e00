import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import type { Activity } from '../../shared/domain/activity.js';
import { FixedProbe, ManualClock, SimulatedServiceGroup } from '../../shared/adapters/memory/simulated-group.js';
import { SchedulerSchedules } from '../../shared/adapters/aws/scheduler-schedules.js';
import { GroupController } from '../../shared/domain/controller.js';
import { parseMemberRef, type MemberRef } from '../../shared/domain/service-group.js';
import { controllerEvents, logger, metrics } from '../../shared/observability.js';

export const members = ['jitsi/web', 'jitsi/jvb'].map((t) => parseMemberRef(t) as MemberRef);
export const SCHEDULING = { groupName: 'jitsi-controller', roleArn: 'arn:aws:iam::123456789012:role/jitsi-scheduler', timeZone: 'Europe/Berlin' };

/** A fixture from events/ (the same files `npm run invoke` uses). */
export function loadEvent(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(process.cwd(), 'events', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** Captures Powertools' JSON lines (logs and EMF metrics) instead of printing them. */
export function captureOutput() {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((s) => s.write);
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.trimStart().startsWith('{')) {
        lines.push(...text.split('\n').filter(Boolean));
        return true;
      }
      return (originals[i] as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  const json = () => lines.flatMap((l) => { try { return [JSON.parse(l) as Record<string, unknown>]; } catch { return []; } });
  return {
    json,
    /** Log lines whose message contains `text`. */
    logs: (text: string) => json().filter((l) => typeof l.message === 'string' && l.message.includes(text)),
    /** Sum of one EMF metric over every flush. */
    metric: (name: string) => json().reduce((sum, l) => sum + (typeof l[name] === 'number' ? (l[name] as number) : Array.isArray(l[name]) ? (l[name] as number[]).reduce((a, b) => a + b, 0) : 0), 0),
    restore: () => streams.forEach((stream, i) => { stream.write = originals[i]!; }),
  };
}

/** Live activity whose answer tests set; counts reads. */
export class SetActivity {
  reads = 0;
  constructor(public activity: Activity) {}
  async read(): Promise<Activity> {
    this.reads += 1;
    return this.activity;
  }
}

export const meeting: Activity = { kind: 'known', participants: 3, conferences: 1, recording: false };
export const idle: Activity = { kind: 'known', participants: 0, conferences: 0, recording: false };
export const unknown: Activity = { kind: 'unknown', reason: 'jicofo 10.0.1.23: timeout' };

/** Controller over the simulated group (awake and ready, or asleep) with real logging and metrics. */
export async function controllerSetup(options: { awake: boolean; now?: string }) {
  const clock = new ManualClock(new Date(options.now ?? '2026-11-26T21:55:00Z').getTime());
  const group = new SimulatedServiceGroup(members, clock, { startDelayMs: 30_000, stopDelayMs: 2000, healthChecks: true });
  const controller = new GroupController(group, new FixedProbe(true), clock, {
    statusCacheMs: 0, probeSuccessesRequired: 1, probeIntervalMs: 0, expectedWakeSeconds: 60, wakeTimeoutSeconds: 900,
  }, controllerEvents(logger, metrics));
  if (options.awake) {
    await controller.wake('test setup');
    clock.advance(60_000);
    await controller.status();
    clock.advance(60_000);
    if ((await controller.status()).phase !== 'ready') throw new Error('setup: group did not become ready');
    group.calls.length = 0;
  }
  return { clock, group, controller };
}

/** The real Scheduler adapter on a mocked client: tests assert the exact commands. */
export function mockedSchedules() {
  const client = new SchedulerClient({ region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const mock = mockClient(client);
  return { mock, schedules: new SchedulerSchedules(client, SCHEDULING) };
}
