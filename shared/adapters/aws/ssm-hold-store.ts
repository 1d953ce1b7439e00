import { GetParameterCommand, ParameterNotFound, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { HoldStore } from '../../domain/hold.js';
import { createSsmClient } from './schedule-clients.js';

/** The store with its own client (the functions import this module on first use: shared/compose-holds.ts). */
export function createSsmHoldStore(parameterName: string): SsmHoldStore {
  return new SsmHoldStore(createSsmClient(), parameterName);
}

/**
 * The hold in one SSM String parameter (HOLD_PARAMETER, created by the stack with the value "none").
 * Functions only read it; the operator CLI overwrites it. A missing parameter reads as "no hold".
 */
export class SsmHoldStore implements HoldStore {
  constructor(private readonly ssm: SSMClient, private readonly parameterName: string) {}

  async read(): Promise<string | undefined> {
    try {
      const out = await this.ssm.send(new GetParameterCommand({ Name: this.parameterName }));
      return out.Parameter?.Value;
    } catch (error) {
      if (error instanceof ParameterNotFound || (error as { name?: string }).name === 'ParameterNotFound') return undefined;
      throw error;
    }
  }

  async write(text: string): Promise<void> {
    await this.ssm.send(new PutParameterCommand({ Name: this.parameterName, Value: text, Type: 'String', Overwrite: true }));
  }
}
