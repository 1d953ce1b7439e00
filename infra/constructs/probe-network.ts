import { Annotations, Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export interface ProbeNetworkProps {
  vpcId: string;
  subnetIds: readonly string[];
  /** Security groups of the Jitsi tasks (web/Jicofo and JVB). */
  taskSecurityGroupIds: readonly string[];
  /** Jicofo `:8888/stats` and JVB `:8080/colibri/stats`. */
  statsPorts: readonly number[];
}

/**
 * Where the probe runs: the service's own VPC and subnets, imported from configured ids (no lookup, so
 * `cdk synth` needs no credentials). The probe only makes HTTP calls to task IPs, so it needs neither
 * NAT nor VPC endpoints: its security group allows egress to the task security groups on the stats
 * ports and nothing else, and each task security group admits the probe on exactly those ports.
 */
export class ProbeNetwork extends Construct {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.ISubnet[];
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ProbeNetworkProps) {
    super(scope, id);
    this.subnets = props.subnetIds.map((subnetId, i) => ec2.Subnet.fromSubnetId(this, `Subnet${i}`, subnetId));
    Annotations.of(this).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId',
      'The subnets are only handed to the probe function; nothing here reads their route tables.');
    // fromVpcAttributes needs AZs only for subnet selection by type, which is not used: the subnets are
    // given explicitly. Fn.getAzs keeps the stack environment-agnostic.
    this.vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: props.vpcId,
      availabilityZones: Fn.getAzs(),
    });
    Annotations.of(this).acknowledgeWarning('@aws-cdk/aws-ec2:vpcAttributeIsListTokenavailabilityZones',
      'No construct selects subnets from this VPC by AZ or type; the probe gets its subnets explicitly.');
    this.securityGroup = new ec2.SecurityGroup(this, 'ProbeSecurityGroup', {
      vpc: this.vpc,
      description: 'Jitsi stats probe: egress to the Jitsi tasks on the stats ports only',
      allowAllOutbound: false,
    });
    const egress: ec2.CfnSecurityGroup.EgressProperty[] = [];
    props.taskSecurityGroupIds.forEach((sgId, i) => {
      // mutable: the ingress rule is added as a separate AWS::EC2::SecurityGroupIngress resource on the
      // existing group; the group itself is not otherwise changed and is left alone on destroy.
      const taskGroup = ec2.SecurityGroup.fromSecurityGroupId(this, `TaskSecurityGroup${i}`, sgId, { mutable: true, allowAllOutbound: false });
      for (const port of props.statsPorts) {
        taskGroup.addIngressRule(this.securityGroup, ec2.Port.tcp(port), `Jitsi stats probe to port ${port}`);
        egress.push({ ipProtocol: 'tcp', fromPort: port, toPort: port, destinationSecurityGroupId: sgId, description: `Jitsi stats on port ${port}` });
      }
    });
    // Inline egress rules on the group itself: only the SecurityGroupEgress property reliably replaces EC2's
    // default allow-all outbound rule (separate SecurityGroupEgress resources would sit beside it).
    (this.securityGroup.node.defaultChild as ec2.CfnSecurityGroup).addPropertyOverride('SecurityGroupEgress', egress.map((rule) => ({
      IpProtocol: rule.ipProtocol, FromPort: rule.fromPort, ToPort: rule.toPort,
      DestinationSecurityGroupId: rule.destinationSecurityGroupId, Description: rule.description,
    })));
  }
}
