import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';

export interface DeployedStack {
  name: string;
  /** e.g. CREATE_COMPLETE, UPDATE_IN_PROGRESS */
  status: string;
  outputs: Record<string, string>;
}

export class StackNotFoundError extends Error {
  constructor(readonly stackName: string, cause?: unknown) {
    super(`stack "${stackName}" not found (check --stack, the region in AWS_REGION, and your credentials)`, { cause });
    this.name = 'StackNotFoundError';
  }
}

/** One DescribeStacks call: the stack's status and its outputs by key. */
export async function describeStack(cfn: CloudFormationClient, stackName: string): Promise<DeployedStack> {
  let answer;
  try {
    answer = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  } catch (error) {
    // CloudFormation answers a missing stack with a ValidationError "Stack with id … does not exist".
    if ((error as { name?: string }).name === 'ValidationError' && /does not exist/.test(String((error as Error).message))) {
      throw new StackNotFoundError(stackName, error);
    }
    throw error;
  }
  const stack = answer.Stacks?.[0];
  if (!stack) throw new StackNotFoundError(stackName);
  const outputs: Record<string, string> = {};
  for (const o of stack.Outputs ?? []) if (o.OutputKey && o.OutputValue !== undefined) outputs[o.OutputKey] = o.OutputValue;
  return { name: stack.StackName ?? stackName, status: stack.StackStatus ?? 'UNKNOWN', outputs };
}
