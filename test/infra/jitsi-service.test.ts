import { EXPRESS_INFRASTRUCTURE_POLICY } from '../../infra/constructs/jitsi/express-service.js';
import { TUNED } from '../../infra/constructs/jitsi/target-group-tuning.js';
import { logicalIdOf, only, synthVariant, type Resource } from './jitsi-fixtures.js';

describe('Jitsi on Express Mode (config section jitsi)', () => {
  const { template } = synthVariant('jitsi');
  const serviceId = logicalIdOf(template, 'AWS::ECS::ExpressGatewayService');
  const service = only(template, 'AWS::ECS::ExpressGatewayService').Properties;
  const taskSgId = Object.keys(template.findResources('AWS::EC2::SecurityGroup')).find((id) => id.startsWith('JitsiNetworkTaskSecurityGroup'))!;
  const taskSg = { 'Fn::GetAtt': [taskSgId, 'GroupId'] };
  const serviceArn = { 'Fn::GetAtt': [serviceId, 'ServiceArn'] };

  it('builds a new VPC with two public subnets and no NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    for (const s of Object.values(template.findResources('AWS::EC2::Subnet')) as Resource[]) expect(s.Properties.MapPublicIpOnLaunch).toBe(true);
  });

  it('deploys the Express service asleep (min 0, max 1) over its own task definition, in the public subnets', () => {
    expect(service).toMatchObject({
      ServiceName: 'jitsi',
      TaskDefinitionArn: { Ref: logicalIdOf(template, 'AWS::ECS::TaskDefinition') },
      HealthCheckPath: '/http-bind',
      ScalingTarget: { MinTaskCount: 0, MaxTaskCount: 1 },
      NetworkConfiguration: { SecurityGroups: [taskSg] },
    });
    expect((service.NetworkConfiguration as { Subnets: unknown[] }).Subnets).toHaveLength(2);
    // With our own task definition these must not be set on the service.
    for (const key of ['PrimaryContainer', 'ExecutionRoleArn', 'TaskRoleArn', 'Cpu', 'Memory']) expect(service[key]).toBeUndefined();
  });

  it('gives Express an infrastructure role trusted by ECS with the AWS managed Express policy', () => {
    const roleId = (service.InfrastructureRoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const role = template.toJSON().Resources[roleId] as Resource;
    expect(role.Properties.AssumeRolePolicyDocument).toMatchObject({ Statement: [{ Action: 'sts:AssumeRole', Principal: { Service: 'ecs.amazonaws.com' } }] });
    expect(role.Properties.ManagedPolicyArns).toEqual([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::aws:policy/${EXPRESS_INFRASTRUCTURE_POLICY}`]] }]);
  });

  it('admits media on UDP 10000 from anywhere and the web port from the VPC only; no NLB', () => {
    const sg = (template.toJSON().Resources[taskSgId] as Resource).Properties;
    const ingress = sg.SecurityGroupIngress as Record<string, unknown>[];
    expect(ingress.map((r) => [r.IpProtocol, r.FromPort, r.CidrIp ?? r.CidrIpv6]).sort()).toEqual([
      ['tcp', 8000, { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::EC2::VPC'), 'CidrBlock'] }],
      ['udp', 10000, '0.0.0.0/0'],
      ['udp', 10000, '::/0'],
    ]);
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
  });

  it('lets the probe, and only the probe, reach jicofo 8888 and jvb 8080 on the task security group', () => {
    const rules = (Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')) as Resource[]).map((r) => r.Properties);
    expect(rules.map((r) => [r.GroupId, r.IpProtocol, r.FromPort, r.ToPort])).toEqual(expect.arrayContaining([
      [taskSg, 'tcp', 8888, 8888], [taskSg, 'tcp', 8080, 8080],
    ]));
    expect(rules).toHaveLength(2);
    const probeSgId = Object.keys(template.findResources('AWS::EC2::SecurityGroup')).find((id) => id.includes('ProbeSecurityGroup'))!;
    for (const r of rules) expect(r.SourceSecurityGroupId).toEqual({ 'Fn::GetAtt': [probeSgId, 'GroupId'] });
  });

  it('tunes every target group the service lists, re-running with each task definition revision', () => {
    const tune = only(template, 'Custom::TuneTargetGroups');
    expect(tune.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^JitsiTargetGroupTuningTunerFunction/), 'Arn'] },
      // The list attribute, joined by CloudFormation.
      TargetGroupArns: { 'Fn::Join': [',', { 'Fn::GetAtt': [serviceId, 'ECSManagedResourceArns.IngressPath.TargetGroupArns'] }] },
      Revision: { Ref: logicalIdOf(template, 'AWS::ECS::TaskDefinition') },
      ...TUNED,
    });
    expect(TUNED).toEqual({ HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 4, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2, DeregistrationDelaySeconds: 30 });
  });

  it('lets the tuner change target-group health settings and nothing else', () => {
    const policies = (Object.entries(template.findResources('AWS::IAM::Policy')) as [string, Resource][]).filter(([id]) => id.startsWith('JitsiTargetGroupTuningTuner'));
    const statements = policies.flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement);
    const tune = statements.find((s) => s.Sid === 'TuneExpressTargetGroups')!;
    expect(tune.Action).toEqual(['elasticloadbalancing:ModifyTargetGroup', 'elasticloadbalancing:ModifyTargetGroupAttributes']);
    expect(JSON.stringify(tune.Resource)).toContain(':targetgroup/*');
  });

  it('wires the controller to the service: service group, meeting URL, probe subnets', () => {
    const fns = (Object.entries(template.findResources('AWS::Lambda::Function')) as [string, Resource][]);
    const wake = fns.find(([id]) => id.startsWith('ControllerWakeFunction'))![1];
    const env = (wake.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.SERVICE_GROUP).toEqual(serviceArn);
    expect(env.MEETING_BASE_URL).toEqual({ 'Fn::Join': ['', ['https://', expect.anything()]] });
    expect(env.LINK_MODE).toBeUndefined();
    const probe = fns.find(([id]) => id.startsWith('ControllerProbeFunction'))![1];
    expect((probe.Properties.VpcConfig as { SubnetIds: unknown[] }).SubnetIds).toHaveLength(2);
    const updates = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement)
      .filter((s) => s.Sid === 'UpdateGroupServices');
    expect(updates.length).toBeGreaterThan(0);
    for (const s of updates) expect(s.Resource).toEqual(serviceArn);
  });

  it('outputs the meeting URL, the wake URL and the service ARN', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.JitsiServiceArn!.Value).toEqual(serviceArn);
    expect(outputs.MeetingUrl).toBeDefined();
    expect(outputs.WakeUrl).toBeDefined();
  });

  it('uses an existing VPC and its public subnets when configured', () => {
    const { template: t } = synthVariant('jitsi', { jitsi: { vpcId: 'vpc-0abcdef0123456789', vpcCidr: '10.20.0.0/16', publicSubnetIds: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'] } });
    t.resourceCountIs('AWS::EC2::VPC', 0);
    expect(only(t, 'AWS::ECS::ExpressGatewayService').Properties.NetworkConfiguration).toMatchObject({ Subnets: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'] });
    const sg = Object.values(t.findResources('AWS::EC2::SecurityGroup')).find((r) => JSON.stringify(r).includes('UDP 10000')) as Resource;
    expect(sg.Properties.VpcId).toBe('vpc-0abcdef0123456789');
    expect(JSON.stringify(sg.Properties.SecurityGroupIngress)).toContain('10.20.0.0/16');
  });
});
