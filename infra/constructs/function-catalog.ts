import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';

/** The Lambda entries of docs/CONTRACTS.md. */
export const FUNCTION_NAMES = ['wake', 'watch', 'probe', 'idle-shutdown', 'power-down', 'prewarm', 'prewarm-api'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface FunctionSpec {
  description: string;
  /** ARM64 CPU scales with memory; the interactive wake path gets more for a faster cold start. */
  memorySize: number;
  timeout: Duration;
  /**
   * Budget for the minified ESM bundle, all files together (bytes), checked by test/infra/bundles.test.ts:
   * about 15 % above the size measured with env-only credentials (infra/lambda-bundling.ts), so pulling in
   * another SDK client fails the test. The probe has no SDK at all and must stay small.
   */
  bundleBudgetBytes: number;
  /**
   * Budget for what a cold start loads: index.mjs and the chunks it imports statically, without the chunks
   * only a lazy import reaches (shared/lazy.ts). Set where a person waits on the cold start.
   */
  coldStartBudgetBytes?: number;
}

const KB = 1024;

export const FUNCTION_SPECS: Record<FunctionName, FunctionSpec> = {
  // Behind API Gateway (30 s integration limit); a status poll is one DescribeServices plus two 3 s probes at most.
  // Wake: 495,150 B in one file (ECS, autoscaling, Lambda for bridge readiness, CloudWatch for the estimate and
  // alarm reset, SSM for the operator hold). Split, the last three are chunks loaded on first use
  // (shared/lazy.ts): a cold start loads 303,232 B of 529,294 B (2026-11-29, docs/wake-time.md). The
  // cold-start budget is issue 12's goal, 300 KiB, not measured + 15 %: the wake path must not grow back.
  wake: {
    description: 'Waiting page and wake API', memorySize: 512, timeout: Duration.seconds(15),
    bundleBudgetBytes: 600 * KB, coldStartBudgetBytes: 300 * KB,
  },

  // Every minute; DescribeTasks plus one probe invocation.
  watch: { description: 'Reads Jitsi activity every minute and publishes it', memorySize: 256, timeout: Duration.seconds(30), bundleBudgetBytes: 420 * KB },
  // HTTP only, to private task IPs, a couple of seconds per IP at most.
  probe: { description: 'Reads Jicofo/JVB stats on private task IPs (in the VPC)', memorySize: 128, timeout: Duration.seconds(10), bundleBudgetBytes: 64 * KB },
  // Re-checks activity (probe), then autoscaling + UpdateService per member.
  // Idle shutdown, power-down and pre-warm also carry the SSM client: they read the operator's hold.
  'idle-shutdown': { description: 'Idle alarm action: re-checks activity, then sleeps the group', memorySize: 256, timeout: Duration.seconds(60), bundleBudgetBytes: 600 * KB },
  'power-down': { description: 'Nightly power-down with defer/force policy', memorySize: 256, timeout: Duration.seconds(60), bundleBudgetBytes: 600 * KB },
  prewarm: { description: 'Wakes the group ahead of a planned meeting', memorySize: 256, timeout: Duration.seconds(30), bundleBudgetBytes: 520 * KB },
  // Behind API Gateway: token from SSM, then Scheduler calls (or a wake when the meeting is near).
  'prewarm-api': { description: 'Authenticated pre-warm API (schedules wakes)', memorySize: 256, timeout: Duration.seconds(15), bundleBudgetBytes: 460 * KB },
};

/** The entry file of a function, following the one-entry-per-function layout. */
export function entryPath(functionsDir: string, name: FunctionName): string {
  return join(functionsDir, name, 'index.ts');
}

/** Which entries exist right now; colleagues land functions one by one. */
export function existingEntries(functionsDir: string): FunctionName[] {
  return FUNCTION_NAMES.filter((name) => existsSync(entryPath(functionsDir, name)));
}
