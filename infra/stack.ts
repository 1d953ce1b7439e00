import { join } from 'node:path';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ControllerConfig } from './config-schema.js';
import type { DeployConfig } from './config/sections.js';
import { REPO_ROOT } from './constructs/controller-function.js';
import { JitsiOnExpress } from './constructs/jitsi/jitsi-on-express.js';
import { canonicalLinkEnvironment, MeetingFront } from './constructs/meeting-front/meeting-front.js';
import { MeetingCertificates } from './constructs/meeting-front/meeting-certificates.js';
import { ScaleToZeroController, type ScaleToZeroControllerProps } from './constructs/scale-to-zero-controller.js';

export interface ScaleToZeroStackProps extends StackProps, Omit<ScaleToZeroControllerProps, 'config' | 'apiDomain'> {
  config: DeployConfig;
}

/**
 * The deployable unit: one controller for one Jitsi service group; with the `jitsi` section also the
 * Jitsi service itself, and with the `domain` section the canonical-link front (CloudFront) before it.
 */
export class ScaleToZeroStack extends Stack {
  readonly controller: ScaleToZeroController;
  readonly jitsi?: JitsiOnExpress;
  readonly front?: MeetingFront;
  readonly certificates?: MeetingCertificates;

  constructor(scope: Construct, id: string, props: ScaleToZeroStackProps) {
    const { config, code, functionsDir, functions, sourceMaps, ...stackProps } = props;
    const { jitsi, domain, ...flat } = config;
    const certificateElsewhere = Boolean(domain && !domain.certificateArn && config.region !== 'us-east-1');
    super(scope, id, {
      description: `Scale-to-zero controller for the Jitsi Meet service group "${config.groupName}"`
        + (jitsi ? ' with the Jitsi service on ECS Express Mode' : '') + (domain ? ` behind https://${domain.name}` : ''),
      // An explicit environment only when configured; otherwise environment-agnostic, so synth needs no credentials.
      ...(config.account || config.region ? { env: { account: config.account, region: config.region } } : {}),
      // The CloudFront certificate is made in us-east-1 by a companion stack and read here across regions.
      ...(certificateElsewhere ? { crossRegionReferences: true } : {}),
      ...stackProps,
    });
    const publicUrl = domain ? `https://${domain.name}` : undefined;
    const codeMode = code ?? 'bundle';
    let controllerConfig: ControllerConfig = flat;
    let expressHost = domain?.expressEndpoint;

    if (jitsi) {
      this.jitsi = new JitsiOnExpress(this, 'Jitsi', {
        jitsi,
        publicUrl,
        logRetention: config.logRetentionDays,
        code: codeMode,
        tunerEntry: join(functionsDir ?? join(REPO_ROOT, 'functions'), 'tune-target-groups', 'index.ts'),
      });
      expressHost = this.jitsi.express.endpointHost;
      controllerConfig = {
        ...controllerConfig,
        serviceGroup: [this.jitsi.express.serviceArn],
        meetingBaseUrl: publicUrl ?? `https://${expressHost}`,
        vpcId: this.jitsi.network.vpcId,
        subnetIds: this.jitsi.network.subnetIds,
        taskSecurityGroupIds: [this.jitsi.network.taskSecurityGroup.securityGroupId],
      };
    } else if (publicUrl) {
      controllerConfig = { ...controllerConfig, meetingBaseUrl: publicUrl };
    }

    if (domain) {
      this.certificates = new MeetingCertificates(this, 'Certificates', { domain, stackName: this.stackName });
    }
    this.controller = new ScaleToZeroController(this, 'Controller', {
      config: controllerConfig,
      code,
      functionsDir,
      functions,
      sourceMaps: sourceMaps ?? config.sourceMaps,
      apiDomain: domain && this.certificates
        ? { domainName: this.certificates.apiOriginName, certificateArn: this.certificates.apiCertificateArn, publicUrl: `${publicUrl}/` }
        : undefined,
    });

    if (domain && this.certificates && expressHost) {
      const api = this.controller.api;
      if (!api?.domain) throw new Error('the domain section needs the wake function (functions/wake/index.ts): CloudFront fails over to it');
      for (const [name, fn] of Object.entries(this.controller.functions)) {
        if (name === 'probe') continue;
        for (const [key, value] of Object.entries(canonicalLinkEnvironment(expressHost))) fn.function.addEnvironment(key, value);
      }
      this.front = new MeetingFront(this, 'Front', {
        domain,
        zone: this.certificates.zone,
        certificate: this.certificates.distributionCertificate,
        expressHost,
        apiOriginName: this.certificates.apiOriginName,
        apiDomain: api.domain,
      });
    }
    new CfnOutput(this, 'MeetingUrl', {
      key: 'MeetingUrl',
      value: controllerConfig.meetingBaseUrl,
      description: domain ? 'Meeting links: <MeetingUrl>/<room> (the link itself wakes the service)' : 'Jitsi\'s own address (answers 503 while asleep; share the WakeUrl links)',
    });
  }
}
