import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { toDependencyError } from '../../domain/errors.js';
import type { SecretToken } from '../../domain/secret-token.js';
import type { Clock } from '../../domain/service-group.js';

/**
 * The pre-warm token from an SSM SecureString, decrypted and cached per container for `ttlMs`, so a rotated
 * token takes effect within the TTL and requests do not each pay for a GetParameter.
 */
export class SsmSecretToken implements SecretToken {
  private cached?: { at: number; value: string };
  private inflight?: Promise<string>;

  constructor(
    private readonly ssm: SSMClient,
    private readonly parameterName: string,
    private readonly ttlMs: number,
    private readonly clock: Clock,
  ) {}

  value(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.at < this.ttlMs) return Promise.resolve(this.cached.value);
    this.inflight ??= this.ssm
      .send(new GetParameterCommand({ Name: this.parameterName, WithDecryption: true }))
      .then((out) => {
        const value = out.Parameter?.Value;
        if (!value) throw new Error(`parameter ${this.parameterName} has no value`);
        this.cached = { at: this.clock.now().getTime(), value };
        return value;
      })
      .catch((error: unknown) => {
        throw toDependencyError(`read SSM parameter ${this.parameterName}`, error);
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}

/** A fixed token for tests and local mode. */
export class FixedSecretToken implements SecretToken {
  reads = 0;
  constructor(private readonly token: string) {}
  async value(): Promise<string> {
    this.reads += 1;
    return this.token;
  }
}
