import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import type { DomainSection } from '../../config/domain-section.js';

export interface MeetingFrontProps {
  domain: DomainSection;
  zone: route53.IHostedZone;
  /** For `domain.name`, in us-east-1. */
  certificate: acm.ICertificate;
  /** The Express service's host name (…ecs.<region>.on.aws). */
  expressHost: string;
  /** The wake API's own name and its regional custom domain. */
  apiOriginName: string;
  apiDomain: apigw.IDomainName;
}

/** What a sleeping or starting Express service answers (ALB 503 with no target, 502/504 while starting). */
export const FAILOVER_STATUS_CODES = [500, 502, 503, 504];
/** Jitsi's static files: cached at the edge, so the meeting page loads fast once Jitsi is up. */
export const STATIC_PATHS = ['/libs/*', '/css/*', '/images/*', '/sounds/*', '/fonts/*', '/lang/*'];
/** Jitsi's signalling: POST and WebSocket, so no origin group (it cannot carry POST). */
export const SIGNALLING_PATHS = ['/http-bind*', '/xmpp-websocket*', '/colibri-ws/*'];
/** The controller's own routes (wake, status, pre-warm): a prefix Jitsi never uses. */
export const CONTROLLER_PATH = '/_stz/*';

/** Function environment for the canonical link mode (docs/CONTRACTS.md): probe the origin, never our own page. */
export function canonicalLinkEnvironment(expressHost: string): Record<string, string> {
  return { LINK_MODE: 'canonical', READINESS_BASE_URL: `https://${expressHost}` };
}

/**
 * The canonical meeting link (config section `domain`): CloudFront at https://<domain> in front of the
 * Express service, failing over to the wake API's waiting page while Jitsi sleeps, plus DNS aliases.
 */
export class MeetingFront extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: MeetingFrontProps) {
    super(scope, id);
    const https = cloudfront.OriginProtocolPolicy.HTTPS_ONLY;
    // In the origin group: one attempt with the shortest timeout, so an unreachable origin fails over within
    // about a second (a sleeping service's ALB answers 503 at once anyway).
    const expressFailover = new origins.HttpOrigin(props.expressHost, {
      protocolPolicy: https, connectionAttempts: 1, connectionTimeout: Duration.seconds(1), readTimeout: Duration.seconds(30),
    });
    // Direct: BOSH long-polls hold a request open for up to a minute; 60 s is CloudFront's highest default.
    const expressDirect = new origins.HttpOrigin(props.expressHost, {
      protocolPolicy: https, readTimeout: Duration.seconds(60), keepaliveTimeout: Duration.seconds(60),
    });
    const wake = new origins.HttpOrigin(props.apiOriginName, { protocolPolicy: https, connectionAttempts: 2, connectionTimeout: Duration.seconds(2) });

    // Host header of each origin (Express's listener rule and API Gateway's domain mapping match on it).
    const viewerExceptHost = cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER;
    const uncached = { cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED, originRequestPolicy: viewerExceptHost, viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS };
    const direct: cloudfront.BehaviorOptions = { origin: expressDirect, allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL, ...uncached };
    // Jitsi versions its assets with ?v= (its nginx sends `expires 1y` when v is set), so v must be part of the
    // cache key: the managed CachingOptimized policy drops query strings and would serve the old bundle for a
    // year after an upgrade. Nothing else varies; without an origin request policy the origin gets its own Host.
    const staticCache = new cloudfront.CachePolicy(this, 'StaticAssets', {
      comment: 'Jitsi static files: cache key path + ?v= (asset version)',
      queryStringBehavior: cloudfront.CacheQueryStringBehavior.allowList('v'),
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      defaultTtl: Duration.days(1), minTtl: Duration.seconds(0), maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true,
    });
    const additionalBehaviors: Record<string, cloudfront.BehaviorOptions> = {
      [CONTROLLER_PATH]: { origin: wake, allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL, ...uncached },
      // The old /api/* aliases stay on the wake API's own name only: here they go to Jitsi, never to the controller.
      '/api/*': direct,
      ...Object.fromEntries(SIGNALLING_PATHS.map((p) => [p, direct])),
      ...Object.fromEntries(STATIC_PATHS.map((p) => [p, {
        origin: expressDirect,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: staticCache,
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        compress: true,
      } satisfies cloudfront.BehaviorOptions])),
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Jitsi meeting link ${props.domain.name}: Express service, waiting page while asleep`,
      domainNames: [props.domain.name],
      certificate: props.certificate,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      defaultBehavior: {
        origin: new origins.OriginGroup({ primaryOrigin: expressFailover, fallbackOrigin: wake, fallbackStatusCodes: FAILOVER_STATUS_CODES }),
        // Origin groups fail over for GET, HEAD and OPTIONS only, and cannot allow POST.
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        ...uncached,
      },
      additionalBehaviors,
      // CloudFront caches 5xx answers for 10 s by default (and ignores no-store on them): a 503 "starting" for an
      // asset must not outlive the start, so error answers are never cached.
      errorResponses: FAILOVER_STATUS_CODES.map((httpStatus) => ({ httpStatus, ttl: Duration.seconds(0) })),
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Meetings are for whoever has the link, wherever they are: no geo restriction.' },
      { id: 'AwsSolutions-CFR2', reason: 'AWS WAF costs at least $5/month plus requests, more than the idle service; the wake POST is throttled at the API stage.' },
      { id: 'AwsSolutions-CFR3', reason: 'Access logs would record room names (a room name is all it takes to join) and bill S3; CloudFront metrics remain.' },
    );

    const alias = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution));
    new route53.ARecord(this, 'AliasA', { zone: props.zone, recordName: props.domain.name, target: alias });
    new route53.AaaaRecord(this, 'AliasAaaa', { zone: props.zone, recordName: props.domain.name, target: alias });
    new route53.ARecord(this, 'WakeApiAlias', {
      zone: props.zone,
      recordName: props.apiOriginName,
      target: route53.RecordTarget.fromAlias(new targets.ApiGatewayv2DomainProperties(props.apiDomain.regionalDomainName, props.apiDomain.regionalHostedZoneId)),
    });
    new CfnOutput(this, 'DistributionDomain', { key: 'MeetingDistributionDomain', value: this.distribution.distributionDomainName, description: 'CloudFront host behind the meeting domain' });
  }
}
