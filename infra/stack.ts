import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ControllerConfig } from './config-schema.js';
import { ScaleToZeroController, type ScaleToZeroControllerProps } from './constructs/scale-to-zero-controller.js';

export interface ScaleToZeroStackProps extends StackProps, Omit<ScaleToZeroControllerProps, 'config'> {
  config: ControllerConfig;
}

/** The deployable unit: one controller for one Jitsi service group. */
export class ScaleToZeroStack extends Stack {
  readonly controller: ScaleToZeroController;

  constructor(scope: Construct, id: string, props: ScaleToZeroStackProps) {
    const { config, code, functionsDir, functions, sourceMaps, ...stackProps } = props;
    super(scope, id, {
      description: `Scale-to-zero controller for the Jitsi Meet service group "${config.groupName}"`,
      // An explicit environment only when configured; otherwise environment-agnostic, so synth needs no credentials.
      ...(config.account || config.region ? { env: { account: config.account, region: config.region } } : {}),
      ...stackProps,
    });
    this.controller = new ScaleToZeroController(this, 'Controller', { config, code, functionsDir, functions, sourceMaps: sourceMaps ?? config.sourceMaps });
  }
}
