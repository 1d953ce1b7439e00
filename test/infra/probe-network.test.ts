import { logicalId, synthStack } from './infra-fixtures.js';

describe('probe network', () => {
  const { stack, template } = synthStack();
  const probeSg = { 'Fn::GetAtt': [logicalId(stack, 'ProbeNetwork/ProbeSecurityGroup'), 'GroupId'] };

  it('runs the probe in the configured subnets with its own security group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'], SecurityGroupIds: [probeSg] },
    });
    // Only the probe is in the VPC: the others need AWS APIs and there is no NAT.
    const inVpc = Object.values(template.findResources('AWS::Lambda::Function')).filter((f) => f.Properties.VpcConfig);
    expect(inVpc).toHaveLength(1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
  });

  it('admits the probe into each task security group on the stats ports only', () => {
    const ingress = Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);

    expect(ingress).toHaveLength(4);
    for (const taskSg of ['sg-0123456789abcdef0', 'sg-0fedcba9876543210']) {
      const rules = ingress.filter((p) => p.GroupId === taskSg);
      expect(rules.map((p) => [p.IpProtocol, p.FromPort, p.ToPort]).sort()).toEqual([['tcp', 8080, 8080], ['tcp', 8888, 8888]]);
      for (const rule of rules) expect(rule.SourceSecurityGroupId).toEqual(probeSg);
    }
    expect(ingress.some((p) => p.CidrIp || p.CidrIpv6)).toBe(false);
  });

  it('lets the probe reach nothing but those ports', () => {
    // Inline, so the group's rules replace EC2's default allow-all outbound rule.
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
    const group = Object.values(template.findResources('AWS::EC2::SecurityGroup'))[0]!.Properties;
    const egress = group.SecurityGroupEgress as Record<string, unknown>[];

    expect(group.VpcId).toBe('vpc-0123456789abcdef0');
    expect(egress.every((p) => p.IpProtocol === 'tcp' && p.FromPort === p.ToPort && !p.CidrIp)).toBe(true);
    expect(egress.map((p) => `${p.DestinationSecurityGroupId}:${p.FromPort}`).sort()).toEqual([
      'sg-0123456789abcdef0:8080', 'sg-0123456789abcdef0:8888', 'sg-0fedcba9876543210:8080', 'sg-0fedcba9876543210:8888',
    ]);
  });

  it('follows configured stats ports', () => {
    const custom = synthStack({ jicofoStatsPort: 18888, jvbStatsPort: 18080 });
    const ports = Object.values(custom.template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties.FromPort);

    expect(new Set(ports)).toEqual(new Set([18888, 18080]));
  });
});
