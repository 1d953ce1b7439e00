import { createCloudFormationClient } from '../shared/adapters/aws/operator-clients.js';
import { describeStack, type DeployedStack } from '../shared/adapters/aws/stack-outputs.js';
import { envNameOfOutput } from '../shared/config/ctl-env-outputs.js';
import type { Env } from '../shared/config/env-reader.js';

/**
 * `--stack <name>`: everything the CLI needs comes from the stack's outputs (shared/config/ctl-env-outputs.ts),
 * under the operator's own environment: what the operator sets wins.
 */
export function envFromStack(stack: DeployedStack, env: Env): Env {
  const fromStack: Env = { CONTROLLER_BACKEND: 'aws' };
  for (const [key, value] of Object.entries(stack.outputs)) {
    const name = envNameOfOutput(key);
    if (name) fromStack[name] = value;
  }
  const own = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  return { ...fromStack, ...own };
}

/** The stack to read: `--stack`, else STZ_STACK_NAME (the same variable that names it at `cdk deploy`). */
export function stackNameFrom(flag: string | undefined, env: Env): string | undefined {
  return flag ?? (env.STZ_STACK_NAME?.trim() || undefined);
}

/** One DescribeStacks; the client is passed in tests (aws-sdk-client-mock). */
export async function loadStack(stackName: string, cfn = createCloudFormationClient()): Promise<DeployedStack> {
  return describeStack(cfn, stackName);
}

/** `UPDATE_IN_PROGRESS` and friends mean a deployment is running right now. */
export function stackDeployment(stack: DeployedStack): string | undefined {
  return /_IN_PROGRESS$/.test(stack.status) ? `stack ${stack.name} is ${stack.status}` : undefined;
}
