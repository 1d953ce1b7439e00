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
   * Budget for the minified ESM bundle (bytes), checked by test/infra/bundles.test.ts: about 15 % above
   * the size measured with env-only credentials (infra/lambda-bundling.ts), so pulling in another SDK client
   * fails the test. The probe has no SDK at all and must stay small.
   */
  bundleBudgetBytes: number;
}

const KB = 1024;

export const FUNCTION_SPECS: Record<FunctionName, FunctionSpec> = {
  // Behind API Gateway (30 s integration limit); a status poll is one DescribeServices plus two 3 s probes at most.
  // Wake: 616,805 bytes measured (2026-11-29) once it carried the Lambda client (bridge readiness) and the
  // CloudWatch client (alarm reset); 390 KiB after the issue-12 levers (env-only credentials, pre-warm API split).
  // Without the bridge-readiness Lambda client it measured 297 KiB (docs/wake-time.md).
  // Measured 495,150 B after the merge: ECS, autoscaling, Lambda (bridge readiness), CloudWatch (estimate),
  // SSM (operator hold). Issue 12's 300 KB goal needs the last three off the wake path.
  wake: { description: 'Waiting page and wake API', memorySize: 512, timeout: Duration.seconds(15), bundleBudgetBytes: 520 * KB },
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
