import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { jitsiImage } from './images.js';
import { JVB_MEDIA_PORT, WEB_PORT } from './jitsi-network.js';

export interface JitsiTaskDefinitionProps {
  architecture: 'ARM64' | 'X86_64';
  cpu: number;
  memoryMiB: number;
  stunServers: readonly string[];
  /** https://<domain> when a canonical domain fronts the service; absent: clients use relative BOSH. */
  publicUrl?: string;
  logRetention: logs.RetentionDays;
}

/** The named port mapping Express routes to (a container named `Main` with one named TCP port). */
export const MAIN_PORT_NAME = 'http';
/** The JSON key of the generated secret (see below for why there is one). */
export const PASSWORD_KEY = 'componentPassword';

/**
 * Jicofo's HTTP server must listen on 0.0.0.0 for the probe (JICOFO_ENABLE_REST=1), which also exposes
 * state-changing endpoints, all on by default (jicofo reference.conf `jicofo.rest.*`). Jicofo loads its
 * config with Typesafe `ConfigFactory.load()` (jicoco JitsiConfig), where JVM system properties override
 * the files, and the JVM reads JAVA_TOOL_OPTIONS from the environment: so these turn them off without a
 * custom config file. conference-request is only used by JaaS (web sets conferenceRequestUrl for JaaS only).
 */
export const JICOFO_REST_LOCKDOWN = [
  '-Djicofo.rest.debug.enabled=false',
  '-Djicofo.rest.move-endpoints.enabled=false',
  '-Djicofo.rest.pin.enabled=false',
  '-Djicofo.rest.conference-request.enabled=false',
].join(' ');

/** The images' own health scripts (curl to 127.0.0.1): jicofo /about/health, jvb /about/health, prosody /health. */
const HEALTH = (startSeconds: number): ecs.HealthCheck => ({
  command: ['CMD', '/usr/local/bin/healthcheck.sh'],
  // The smallest interval ECS allows: `Main` waits for HEALTHY, so every second here is wake time.
  interval: Duration.seconds(5),
  timeout: Duration.seconds(3),
  retries: 3,
  startPeriod: Duration.seconds(startSeconds),
});

/**
 * One Fargate task = one Jitsi shard: web (`Main`) + prosody + jicofo + jvb over localhost. `Main` starts
 * only when the other three are HEALTHY, so a healthy target in the load balancer means the whole Jitsi is
 * ready (jicofo's health fails while it has no operational bridge).
 */
export class JitsiTaskDefinition extends Construct {
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly secret: secretsmanager.Secret;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: JitsiTaskDefinitionProps) {
    super(scope, id);
    // GenerateSecretString generates one JSON key per secret. Both XMPP accounts (focus, jvb) live on the
    // prosody inside this task on localhost (5222 is not reachable from outside), so one generated password
    // serves both rather than paying for a second secret.
    this.secret = new secretsmanager.Secret(this, 'ComponentPasswords', {
      description: 'Jitsi XMPP component password (jicofo and jvb accounts on the task-local prosody)',
      generateSecretString: { secretStringTemplate: '{}', generateStringKey: PASSWORD_KEY, excludePunctuation: true, passwordLength: 40 },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The password is only used between containers of one task on localhost; a rotation would need a redeploy (a new revision '
        + 'and canary task) to reach prosody, jicofo and jvb together. Redeploy while idle to rotate.',
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      cpu: props.cpu,
      memoryLimitMiB: props.memoryMiB,
      runtimePlatform: {
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        cpuArchitecture: props.architecture === 'ARM64' ? ecs.CpuArchitecture.ARM64 : ecs.CpuArchitecture.X86_64,
      },
    });
    Validations.of(this.taskDefinition).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason: 'The environment holds only non-secret Jitsi settings (hosts, ports, heap sizes); the password comes from Secrets Manager via `secrets`.',
    });
    const password = ecs.Secret.fromSecretsManager(this.secret, PASSWORD_KEY);
    const logging = (prefix: string) => ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: prefix });
    const heaps = jvmHeaps(props.memoryMiB);
    // One task: every component finds prosody on localhost (the compose alias xmpp.meet.jitsi does not exist).
    const xmpp = { XMPP_SERVER: '127.0.0.1', ENABLE_IPV6: '0' };
    const publicUrl: Record<string, string> = props.publicUrl ? { PUBLIC_URL: props.publicUrl } : {};

    const prosody = this.taskDefinition.addContainer('prosody', {
      image: ecs.ContainerImage.fromRegistry(jitsiImage('prosody')),
      essential: true,
      environment: { ...publicUrl, ENABLE_IPV6: '0' },
      secrets: { JICOFO_AUTH_PASSWORD: password, JVB_AUTH_PASSWORD: password },
      healthCheck: HEALTH(10),
      logging: logging('prosody'),
    });
    const jvb = this.taskDefinition.addContainer('jvb', {
      image: ecs.ContainerImage.fromRegistry(jitsiImage('jvb')),
      essential: true,
      environment: {
        ...xmpp,
        JVB_PORT: String(JVB_MEDIA_PORT),
        // The public address changes on every wake; STUN finds it. The AWS harvester needs EC2 metadata (not on Fargate).
        JVB_STUN_SERVERS: props.stunServers.join(','),
        DISABLE_AWS_HARVESTER: 'true',
        VIDEOBRIDGE_MAX_MEMORY: `${heaps.jvb}m`,
      },
      secrets: { JVB_AUTH_PASSWORD: password },
      portMappings: [{ containerPort: JVB_MEDIA_PORT, protocol: ecs.Protocol.UDP, name: 'media' }],
      healthCheck: HEALTH(20),
      logging: logging('jvb'),
    });
    const jicofo = this.taskDefinition.addContainer('jicofo', {
      image: ecs.ContainerImage.fromRegistry(jitsiImage('jicofo')),
      essential: true,
      environment: {
        ...xmpp,
        // Stats on 0.0.0.0:8888 for the probe (admitted from the probe's security group only) ...
        JICOFO_ENABLE_REST: '1',
        // ... and /about/health, which fails until a bridge is operational.
        JICOFO_ENABLE_HEALTH_CHECKS: '1',
        JICOFO_MAX_MEMORY: `${heaps.jicofo}m`,
        JAVA_TOOL_OPTIONS: JICOFO_REST_LOCKDOWN,
      },
      secrets: { JICOFO_AUTH_PASSWORD: password },
      healthCheck: HEALTH(20),
      logging: logging('jicofo'),
    });
    const web = this.taskDefinition.addContainer('Main', {
      image: ecs.ContainerImage.fromRegistry(jitsiImage('web')),
      essential: true,
      environment: {
        ...publicUrl,
        // TLS ends at the load balancer: plain HTTP on 8000, no redirect (else 301 forever), no self-signed 8443.
        DISABLE_HTTPS: '1',
        ENABLE_HTTP_REDIRECT: '0',
        ENABLE_IPV6: '0',
        XMPP_BOSH_URL_BASE: 'http://127.0.0.1:5280',
        // Without a canonical domain the public host is only known after the service exists (a task definition
        // cannot name its own service's endpoint): BOSH relative to the page, no WebSocket URL to get wrong.
        ...(props.publicUrl ? {} : { BOSH_RELATIVE: 'true', ENABLE_XMPP_WEBSOCKET: '0' } as Record<string, string>),
      },
      portMappings: [{ containerPort: WEB_PORT, protocol: ecs.Protocol.TCP, name: MAIN_PORT_NAME, appProtocol: ecs.AppProtocol.http }],
      logging: logging('web'),
    });
    jvb.addContainerDependencies({ container: prosody, condition: ecs.ContainerDependencyCondition.HEALTHY });
    jicofo.addContainerDependencies({ container: prosody, condition: ecs.ContainerDependencyCondition.HEALTHY });
    web.addContainerDependencies(
      { container: prosody, condition: ecs.ContainerDependencyCondition.HEALTHY },
      { container: jicofo, condition: ecs.ContainerDependencyCondition.HEALTHY },
      { container: jvb, condition: ecs.ContainerDependencyCondition.HEALTHY },
    );
  }
}

/**
 * JVM heap caps: the bridge gets 3/8 and jicofo 3/16 of the task memory (3072 / 1536 MiB in 8 GB), which
 * leaves the rest for JVM overhead (metaspace, threads, direct buffers), prosody and nginx.
 */
export function jvmHeaps(memoryMiB: number): { jvb: number; jicofo: number } {
  return { jvb: Math.floor((memoryMiB * 3) / 8), jicofo: Math.floor((memoryMiB * 3) / 16) };
}
