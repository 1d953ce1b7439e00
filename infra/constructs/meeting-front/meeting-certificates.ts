import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { apiOriginName, type DomainSection } from '../../config/domain-section.js';

export interface MeetingCertificatesProps {
  domain: DomainSection;
  stackName: string;
}

/**
 * The hosted zone and the two certificates of the canonical link:
 * - CloudFront's, for the meeting domain, which must live in us-east-1: taken from `domain.certificateArn`,
 *   made in this stack when it is in us-east-1, or else made by a companion stack `<stack>-Certificate` in
 *   us-east-1 whose ARN this stack reads with CDK cross-region references (an SSM parameter in us-east-1 and
 *   a reader custom resource here; the reference makes this stack depend on the companion, and
 *   `cdk deploy --all` deploys the companion first).
 * - the wake API's, for its origin name `<originLabel>.<domain>` in the stack's own region (API Gateway
 *   regional custom domain), so CloudFront reaches the API by a name of ours and execute-api can be off.
 * Both are validated by DNS in the hosted zone; ACM renews them as long as the records stay.
 */
export class MeetingCertificates extends Construct {
  readonly zone: route53.IHostedZone;
  readonly distributionCertificate: acm.ICertificate;
  readonly apiOriginName: string;
  readonly apiCertificateArn: string;
  /** The us-east-1 companion stack, when one is needed. */
  readonly companion?: Stack;

  constructor(scope: Construct, id: string, props: MeetingCertificatesProps) {
    super(scope, id);
    const d = props.domain;
    const stack = Stack.of(this);
    this.zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: d.hostedZoneId, zoneName: d.hostedZoneName });
    this.apiOriginName = apiOriginName(d);
    this.apiCertificateArn = d.apiCertificateArn ?? new acm.Certificate(this, 'ApiCertificate', {
      domainName: this.apiOriginName,
      validation: acm.CertificateValidation.fromDns(this.zone),
    }).certificateArn;

    if (d.certificateArn) {
      this.distributionCertificate = acm.Certificate.fromCertificateArn(this, 'DistributionCertificate', d.certificateArn);
    } else if (stack.region === 'us-east-1') {
      this.distributionCertificate = new acm.Certificate(this, 'DistributionCertificate', { domainName: d.name, validation: acm.CertificateValidation.fromDns(this.zone) });
    } else {
      this.companion = new Stack(stack.node.scope as Construct, `${props.stackName}-Certificate`, {
        description: `CloudFront certificate for ${d.name} (us-east-1), used by the stack ${props.stackName}`,
        env: { account: stack.account, region: 'us-east-1' },
        crossRegionReferences: true,
      });
      const zone = route53.HostedZone.fromHostedZoneAttributes(this.companion, 'Zone', { hostedZoneId: d.hostedZoneId, zoneName: d.hostedZoneName });
      this.distributionCertificate = new acm.Certificate(this.companion, 'DistributionCertificate', { domainName: d.name, validation: acm.CertificateValidation.fromDns(zone) });
    }
  }
}
