import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildLambdaBundle, CREATE_REQUIRE_BANNER } from '../lambda-bundling.js';

/** Repository root (infra/constructs/ → ../..): project root and lock file for esbuild. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export { CREATE_REQUIRE_BANNER };

/** How function code is produced: esbuild bundles of the real entries, or inline stubs for fast unit tests. */
export type CodeMode = 'bundle' | 'inline';

export interface ControllerFunctionProps {
  entry: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
  code: CodeMode;
  /**
   * Off by default. Measured (test/infra/bundles.test.ts, docs/deploy.md): source maps more than double
   * the upload and need NODE_OPTIONS=--enable-source-maps, which slows every cold start; the handlers
   * log structured reasons, so readable stack traces are not worth that on the wake path.
   */
  sourceMap?: boolean;
  vpc?: { vpc: ec2.IVpc; subnets: ec2.ISubnet[]; securityGroups: ec2.ISecurityGroup[] };
}

/**
 * House construct over NodejsFunction: pinned runtime and architecture, ESM bundle with the AWS SDK
 * inside (no dependence on the runtime's SDK version), its own log group with retention, and its own
 * role that starts with nothing but write access to that log group.
 */
export class ControllerFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ControllerFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role: ${props.description}`,
    });
    // Only this log group; no logs:CreateLogGroup and no AWSLambdaBasicExecutionRole (logs:* on *).
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [this.logGroup.logGroupArn],
    }));

    const common: lambda.FunctionOptions = {
      description: props.description,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        ...props.environment,
        ...(props.sourceMap ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
      },
      ...(props.vpc
        ? { vpc: props.vpc.vpc, vpcSubnets: { subnets: props.vpc.subnets }, securityGroups: props.vpc.securityGroups, allowPublicSubnet: false }
        : {}),
    };

    this.function = props.code === 'inline'
      ? new lambda.Function(this, 'Function', {
        ...common,
        runtime: lambda.Runtime.NODEJS_24_X,
        handler: 'index.handler',
        code: lambda.Code.fromInline('exports.handler = async () => { throw new Error("inline test stub"); };'),
      })
      : new lambda.Function(this, 'Function', {
        ...common,
        runtime: lambda.Runtime.NODEJS_24_X,
        handler: 'index.handler',
        code: bundledCode(props),
      });
  }
}

/**
 * The entry bundled by esbuild during synth (infra/lambda-bundling.ts, the build the bench measures). Hashed
 * by output, like NodejsFunction; skipped, like every bundling, for stacks outside `aws:cdk:bundling-stacks`.
 * esbuild is a devDependency, so synth needs `npm ci` but never Docker.
 */
function bundledCode(props: ControllerFunctionProps): lambda.Code {
  return lambda.Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always answers (or throws with esbuild's errors).
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
      command: ['sh', '-c', 'echo "functions are bundled by the local esbuild: run npm ci" >&2; exit 1'],
      // Part of CDK's bundling cache key: without them every function would get the first one's bundle.
      environment: { STZ_ENTRY: relative(REPO_ROOT, props.entry), STZ_SOURCE_MAP: String(props.sourceMap ?? false) },
      local: {
        tryBundle(outputDir: string) {
          buildLambdaBundle(props.entry, outputDir, { sourceMap: props.sourceMap, cwd: REPO_ROOT });
          return true;
        },
      },
    },
  });
}
