import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../infra/config.js';
import { ScaleToZeroStack } from '../../infra/stack.js';
import { VARIANT_CONTEXT, VARIANTS } from '../../infra/variants.js';

/** One of the named variants of infra/variants.ts (the ones CI lints), optionally changed, synthesized with stub code. */
export function synthVariant(name: keyof typeof VARIANTS, overrides: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...VARIANT_CONTEXT } });
  const stack = new ScaleToZeroStack(app, 'TestStack', { config: loadConfig({ context: { ...VARIANTS[name], ...overrides } }), code: 'inline' });
  return { app, stack, template: Template.fromStack(stack) };
}

export type Resource = { Type: string; Properties: Record<string, unknown> };

export function only(template: Template, type: string): Resource {
  const all = Object.values(template.findResources(type)) as Resource[];
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0]!;
}

export function logicalIdOf(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0]!;
}
