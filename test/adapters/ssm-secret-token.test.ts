import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { SsmSecretToken } from '../../shared/adapters/aws/ssm-secret-token.js';
import { ManualClock } from '../../shared/adapters/memory/simulated-group.js';
import { DependencyError } from '../../shared/domain/errors.js';

function setup() {
  const client = new SSMClient({ region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const mock = mockClient(client);
  const clock = new ManualClock();
  return { mock, clock, token: new SsmSecretToken(client, '/jitsi/prewarm-token', 300_000, clock) };
}

describe('SsmSecretToken', () => {
  it('reads the SecureString with decryption once per TTL, shared by concurrent requests', async () => {
    const { mock, clock, token } = setup();
    mock.on(GetParameterCommand).resolvesOnce({ Parameter: { Value: 'first-token-0123456789' } }).resolves({ Parameter: { Value: 'rotated-token-0123456789' } });

    const [a, b] = await Promise.all([token.value(), token.value()]);
    clock.advance(299_000);
    const c = await token.value();
    clock.advance(1_000);
    const d = await token.value();

    expect([a, b, c, d]).toEqual(['first-token-0123456789', 'first-token-0123456789', 'first-token-0123456789', 'rotated-token-0123456789']);
    expect(mock.commandCalls(GetParameterCommand).map((call) => call.args[0].input)).toEqual([
      { Name: '/jitsi/prewarm-token', WithDecryption: true },
      { Name: '/jitsi/prewarm-token', WithDecryption: true },
    ]);
  });

  it('fails with a DependencyError and retries on the next request', async () => {
    const { mock, token } = setup();
    mock.on(GetParameterCommand).rejectsOnce(Object.assign(new Error('denied'), { name: 'AccessDeniedException' })).resolves({ Parameter: { Value: 'token-after-fix-0123' } });
    await expect(token.value()).rejects.toThrow(DependencyError);
    await expect(token.value()).resolves.toBe('token-after-fix-0123');
  });
});
