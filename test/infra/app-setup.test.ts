import { App } from 'aws-cdk-lib';
import { buildApp } from '../../infra/app-setup.js';
import { loadConfig } from '../../infra/config.js';
import { VARIANT_CONTEXT, VARIANTS } from '../../infra/variants.js';

type Tag = { Key: string; Value: string };

describe('the app as cdk synth builds it', () => {
  it('tags every stack, the us-east-1 certificate companion too', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...VARIANT_CONTEXT } });
    buildApp(app, loadConfig({ context: VARIANTS['jitsi-domain'] }), { code: 'inline' });

    const stacks = app.synth().stacks;
    const companion = stacks.find((s) => s.stackName.endsWith('-Certificate'));
    const certificate = Object.values((companion?.template as { Resources: Record<string, { Type: string; Properties: { Tags?: Tag[] } }> }).Resources)
      .find((r) => r.Type === 'AWS::CertificateManager::Certificate');

    expect(stacks.length).toBeGreaterThanOrEqual(2);
    expect(certificate?.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'app', Value: 'jitsi-scale-to-zero' }, { Key: 'jitsi-group', Value: expect.any(String) }]));
    for (const stack of stacks) expect(stack.tags).toMatchObject({ app: 'jitsi-scale-to-zero' });
  });
});
