import { CfnOutput } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { JitsiSection } from '../../config/jitsi-section.js';
import type { CodeMode } from '../controller-function.js';
import { JitsiExpressService } from './express-service.js';
import { JitsiNetwork } from './jitsi-network.js';
import { JitsiTaskDefinition } from './jitsi-task-definition.js';
import { TargetGroupTuning } from './target-group-tuning.js';

export interface JitsiOnExpressProps {
  jitsi: JitsiSection;
  /** https://<domain> when the canonical-link front is deployed. */
  publicUrl?: string;
  logRetention: logs.RetentionDays;
  code: CodeMode;
  /** functions/tune-target-groups/index.ts */
  tunerEntry: string;
}

/**
 * The meeting service itself (config section `jitsi`): network, one task definition holding the whole
 * Jitsi, the Express service deployed asleep, and the target-group tuning. Exposes what the controller
 * and the front need: service ARN, endpoint host, VPC, subnets and task security group.
 */
export class JitsiOnExpress extends Construct {
  readonly network: JitsiNetwork;
  readonly task: JitsiTaskDefinition;
  readonly express: JitsiExpressService;
  readonly tuning: TargetGroupTuning;

  constructor(scope: Construct, id: string, props: JitsiOnExpressProps) {
    super(scope, id);
    const j = props.jitsi;
    this.network = new JitsiNetwork(this, 'Network', {
      existing: j.vpcId && j.vpcCidr ? { vpcId: j.vpcId, vpcCidr: j.vpcCidr, publicSubnetIds: j.publicSubnetIds } : undefined,
    });
    this.task = new JitsiTaskDefinition(this, 'Task', {
      architecture: j.architecture,
      cpu: j.cpu,
      memoryMiB: j.memoryMiB,
      stunServers: j.stunServers,
      publicUrl: props.publicUrl,
      logRetention: props.logRetention,
    });
    this.express = new JitsiExpressService(this, 'Express', {
      serviceName: j.serviceName,
      vpc: this.network.vpc,
      subnetIds: this.network.subnetIds,
      taskSecurityGroup: this.network.taskSecurityGroup,
      taskDefinition: this.task.taskDefinition,
      // nginx → prosody: 200 only while the BOSH backend answers, so a dead prosody takes the target out.
      healthCheckPath: '/http-bind',
    });
    this.tuning = new TargetGroupTuning(this, 'TargetGroupTuning', {
      targetGroupArns: this.express.service.attrEcsManagedResourceArnsIngressPathTargetGroupArns,
      revision: this.task.taskDefinition.taskDefinitionArn,
      entry: props.tunerEntry,
      code: props.code,
      logRetention: props.logRetention,
    });
    new CfnOutput(this, 'ServiceArn', { key: 'JitsiServiceArn', value: this.express.serviceArn, description: 'The Jitsi Express Mode service (the controller\'s service group)' });
    new CfnOutput(this, 'ExpressEndpoint', { key: 'JitsiExpressEndpoint', value: this.express.endpointHost, description: 'The Express Mode host name of the Jitsi service' });
  }
}
