/**
 * Synthesizes every deploy variant of infra/variants.ts into <outdir>/<variant>/ as `cdk synth` would
 * (same tags, cdk-nag on, which fails the synth on any unacknowledged finding), with bundling skipped:
 * the templates are the same, the Lambda code is a placeholder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../infra/app-setup.js';
import { loadConfig } from '../infra/config.js';
import { VARIANT_CONTEXT, VARIANTS } from '../infra/variants.js';

export interface SynthesizedTemplate {
  variant: string;
  stackName: string;
  file: string;
  template: { Resources?: Record<string, { Type: string }> };
}

export function synthVariants(outdir: string): SynthesizedTemplate[] {
  const out: SynthesizedTemplate[] = [];
  for (const [variant, context] of Object.entries(VARIANTS)) {
    const dir = join(outdir, variant);
    mkdirSync(dir, { recursive: true });
    const app = new App({ outdir: dir, context: { 'aws:cdk:bundling-stacks': [], ...VARIANT_CONTEXT } });
    buildApp(app, loadConfig({ context }), { code: 'inline' });
    for (const s of app.synth().stacks) {
      out.push({ variant, stackName: s.stackName, file: join(dir, s.templateFile), template: s.template });
    }
  }
  return out;
}
