import { Fn, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

/** The web container's nginx port in docker-jitsi-meet (web/rootfs/defaults/default: `listen 8000`). */
export const WEB_PORT = 8000;
/** JVB media (jvb/rootfs/defaults/jvb.conf: JVB_PORT default 10000). */
export const JVB_MEDIA_PORT = 10000;

export interface JitsiNetworkProps {
  /** An existing VPC with public subnets (ids and CIDR); absent: a new VPC. */
  existing?: { vpcId: string; vpcCidr: string; publicSubnetIds: readonly string[] };
}

/**
 * Where the Jitsi task runs: public subnets (Express gives the task a public IP and builds an
 * internet-facing load balancer), no NAT gateway. The task security group admits UDP 10000 from anywhere
 * (media, no NLB) and the web port from inside the VPC only (the load balancer); the probe's own rule
 * on the stats ports is added by the controller's probe network.
 */
export class JitsiNetwork extends Construct {
  readonly vpc: ec2.IVpc;
  readonly vpcId: string;
  readonly subnetIds: string[];
  readonly taskSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: JitsiNetworkProps) {
    super(scope, id);
    let cidr: string;
    if (props.existing) {
      this.vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', { vpcId: props.existing.vpcId, availabilityZones: Fn.getAzs(), vpcCidrBlock: props.existing.vpcCidr });
      this.subnetIds = [...props.existing.publicSubnetIds];
      cidr = props.existing.vpcCidr;
    } else {
      const vpc = new ec2.Vpc(this, 'Vpc', {
        maxAzs: 2,
        natGateways: 0,
        subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }],
      });
      Validations.of(vpc).acknowledge({
        id: 'AwsSolutions-VPC7',
        reason: 'Flow logs would bill for every media packet of every meeting; the task security group is the control that matters here '
          + '(UDP 10000 and the web port from the VPC only). Add flow logs yourself if you need them.',
      });
      this.vpc = vpc;
      this.subnetIds = vpc.publicSubnets.map((s) => s.subnetId);
      cidr = vpc.vpcCidrBlock;
    }
    this.vpcId = this.vpc.vpcId;

    this.taskSecurityGroup = new ec2.SecurityGroup(this, 'TaskSecurityGroup', {
      vpc: this.vpc,
      description: 'Jitsi task: JVB media UDP 10000 from anywhere, web port from the VPC (Express load balancer)',
      // Image pulls from Docker Hub, STUN, and the JVB's media to every participant: outbound must be open.
      allowAllOutbound: true,
    });
    this.taskSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.udp(JVB_MEDIA_PORT), 'Jitsi media (JVB) over UDP');
    this.taskSecurityGroup.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.udp(JVB_MEDIA_PORT), 'Jitsi media (JVB) over UDP, IPv6');
    this.taskSecurityGroup.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(WEB_PORT), 'Express load balancer to the web container');
    Validations.of(this.taskSecurityGroup).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'Jitsi media must reach the bridge from every participant: UDP 10000 from anywhere is the service (there is no NLB in front). '
        + 'No TCP port is open to the internet.',
    });
  }
}
