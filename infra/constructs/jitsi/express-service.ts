import { Fn, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface JitsiExpressServiceProps {
  serviceName: string;
  vpc: ec2.IVpc;
  subnetIds: readonly string[];
  taskSecurityGroup: ec2.ISecurityGroup;
  taskDefinition: ecs.TaskDefinition;
  /** Path the load balancer checks on the web container. */
  healthCheckPath: string;
}

/** The managed policy Express needs to build and manage the load balancer, target groups and scaling. */
export const EXPRESS_INFRASTRUCTURE_POLICY = 'service-role/AmazonECSInfrastructureRoleforExpressGatewayServices';

/**
 * The Express Mode service over our own task definition: public subnets (internet-facing ALB, public task
 * IPs), min 0 / max 1 tasks. It deploys asleep; the controller wakes it. Max 1 because one task is one
 * Jitsi shard: a second task would split a meeting between two bridges that do not know each other.
 */
export class JitsiExpressService extends Construct {
  readonly service: ecs.CfnExpressGatewayService;
  readonly cluster: ecs.Cluster;
  readonly infrastructureRole: iam.Role;
  /** arn:aws:ecs:<region>:<account>:service/<cluster>/<name> */
  readonly serviceArn: string;
  /** The Express URL's host name (…ecs.<region>.on.aws), with any scheme or path taken off. */
  readonly endpointHost: string;

  constructor(scope: Construct, id: string, props: JitsiExpressServiceProps) {
    super(scope, id);
    this.cluster = new ecs.Cluster(this, 'Cluster', { vpc: props.vpc, containerInsightsV2: ecs.ContainerInsights.DISABLED });
    Validations.of(this.cluster).acknowledge({
      id: 'AwsSolutions-ECS4',
      reason: 'Container Insights bills custom metrics for every task; the controller publishes the metrics that matter '
        + '(participants, wakes, stops) and the task logs go to CloudWatch Logs.',
    });
    this.infrastructureRole = new iam.Role(this, 'InfrastructureRole', {
      assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
      description: 'ECS Express Mode infrastructure role for the Jitsi service (load balancer, target groups, scaling)',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName(EXPRESS_INFRASTRUCTURE_POLICY)],
    });
    Validations.of(this.infrastructureRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices]',
      reason: 'Express Mode requires this AWS managed policy on its infrastructure role; AWS maintains it as Express gains features.',
    });

    this.service = new ecs.CfnExpressGatewayService(this, 'Service', {
      serviceName: props.serviceName,
      cluster: this.cluster.clusterName,
      infrastructureRoleArn: this.infrastructureRole.roleArn,
      taskDefinitionArn: props.taskDefinition.taskDefinitionArn,
      healthCheckPath: props.healthCheckPath,
      networkConfiguration: { subnets: [...props.subnetIds], securityGroups: [props.taskSecurityGroup.securityGroupId] },
      scalingTarget: { minTaskCount: 0, maxTaskCount: 1 },
    });
    this.serviceArn = this.service.attrServiceArn;
    // Works whether Endpoint is a bare host name or a URL: drop "https://", then anything after the first "/".
    this.endpointHost = Fn.select(0, Fn.split('/', Fn.join('', Fn.split('https://', this.service.attrEndpoint))));
  }
}
