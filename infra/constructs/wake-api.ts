import { CfnOutput, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface WakeApiProps {
  wake: lambda.IFunction;
  /** The pre-warm API function; its paths get their own routes, everything else goes to `wake`. */
  prewarmApi?: lambda.IFunction;
  throttleRateLimit: number;
  throttleBurstLimit: number;
  logRetention: logs.RetentionDays;
  /** Optional custom domain with an existing ACM certificate in the stack's region. */
  domainName?: string;
  certificateArn?: string;
  /** The URL people use when something else fronts the custom domain (CloudFront: https://<meeting domain>/). */
  publicUrl?: string;
}

/** The pre-warm API under the controller prefix and its older alias (functions/prewarm-api/routes.ts). */
export const PREWARM_PATHS = ['/_stz/prewarm', '/api/prewarm'] as const;

/**
 * The meeting links point here: one HTTP API whose `$default` route sends every path to the wake
 * function (waiting page, wake and status API); the pre-warm paths go to the pre-warm API function. Stage throttling caps what a flood of
 * requests can cost; wake requests are coalesced by the function anyway.
 */
export class WakeApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly url: string;
  readonly domain?: apigw.DomainName;

  constructor(scope: Construct, id: string, props: WakeApiProps) {
    super(scope, id);
    const customDomain = Boolean(props.domainName && props.certificateArn);
    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-wake`,
      description: 'Jitsi scale-to-zero wake endpoint',
      // With a custom domain the meeting links use it; the execute-api address would be a second way in
      // that bypasses whatever sits in front of the domain.
      disableExecuteApiEndpoint: customDomain,
      createDefaultStage: false,
      defaultIntegration: new HttpLambdaIntegration('Wake', props.wake, { payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0 }),
    });
    if (props.prewarmApi) {
      const integration = new HttpLambdaIntegration('PrewarmApi', props.prewarmApi, { payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0 });
      for (const base of PREWARM_PATHS) {
        this.api.addRoutes({ path: base, methods: [apigw.HttpMethod.ANY], integration });
        this.api.addRoutes({ path: `${base}/{id}`, methods: [apigw.HttpMethod.ANY], integration });
      }
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'Meeting links must open without credentials. A GET only renders the waiting page; the wake POST is idempotent, '
        + 'coalesced and throttled at the stage; /api/prewarm checks a token from SSM inside the function.',
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    const domain = customDomain && props.domainName && props.certificateArn
      ? new apigw.DomainName(this, 'Domain', {
        domainName: props.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
      })
      : undefined;

    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRateLimit, burstLimit: props.throttleBurstLimit },
      // No path: it carries room names, and a room name is all it takes to join a meeting.
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: AccessLogField.contextRequestId(),
          time: AccessLogField.contextRequestTime(),
          ip: AccessLogField.contextIdentitySourceIp(),
          method: AccessLogField.contextHttpMethod(),
          status: AccessLogField.contextStatus(),
          latencyMs: AccessLogField.contextResponseLatency(),
          integrationError: '$context.integrationErrorMessage',
        })),
      },
      ...(domain ? { domainMapping: { domainName: domain } } : {}),
    });

    this.domain = domain;
    this.url = props.publicUrl ?? (domain ? `https://${props.domainName}/` : this.stage.url);
    new CfnOutput(this, 'WakeUrl', { key: 'WakeUrl', value: this.url, description: 'Meeting links: <WakeUrl><room name>' });
    if (domain && !props.publicUrl) {
      new CfnOutput(this, 'DomainTarget', {
        key: 'CustomDomainTarget',
        value: domain.regionalDomainName,
        description: `Point a CNAME (or alias) for ${props.domainName} at this name`,
      });
    }
  }
}
