import { HOST_NAME, isObject, readString, unknownKeys, type Problems } from './section.js';

/**
 * The optional `domain` section: the canonical meeting link `https://<name>/<room>` served by CloudFront
 * (infra/constructs/meeting-front/), failing over to the waiting page while Jitsi sleeps.
 */
export interface DomainSection {
  /** The meeting host name, e.g. meet.example.com. */
  name: string;
  /** The Route 53 public hosted zone that holds `name` (alias A/AAAA records are created there). */
  hostedZoneId: string;
  hostedZoneName: string;
  /** Existing ACM certificate for `name` in us-east-1 (CloudFront); absent: one is created with DNS validation. */
  certificateArn?: string;
  /**
   * Existing ACM certificate in the stack's region for the wake API's origin name; absent: created with DNS
   * validation. The API serves CloudFront under `<originLabel>.<name>` so its execute-api endpoint can be off.
   */
  apiCertificateArn?: string;
  originLabel: string;
  /** Host name of an existing Express service (…ecs.<region>.on.aws); required without the `jitsi` section. */
  expressEndpoint?: string;
}

export const DOMAIN_KEYS = ['name', 'hostedZoneId', 'hostedZoneName', 'certificateArn', 'apiCertificateArn', 'originLabel', 'expressEndpoint'] as const;

const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[0-9a-f-]{36}$/;

export function parseDomainSection(raw: unknown, problems: Problems): DomainSection | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    problems.push('domain must be a JSON object');
    return undefined;
  }
  const s = 'domain';
  unknownKeys(s, raw, DOMAIN_KEYS, problems);
  const name = readString(s, raw, 'name', HOST_NAME, 'a lower-case host name such as meet.example.com', problems);
  const hostedZoneName = readString(s, raw, 'hostedZoneName', HOST_NAME, 'the hosted zone\'s domain, e.g. example.com', problems);
  const hostedZoneId = readString(s, raw, 'hostedZoneId', /^Z[A-Z0-9]{4,32}$/, 'a Route 53 hosted zone id (Z…)', problems);
  if (name === undefined && raw.name === undefined) problems.push('domain.name is required (e.g. meet.example.com)');
  if (hostedZoneId === undefined && raw.hostedZoneId === undefined) problems.push('domain.hostedZoneId is required (the Route 53 zone that holds domain.name)');
  if (hostedZoneName === undefined && raw.hostedZoneName === undefined) problems.push('domain.hostedZoneName is required');
  if (name && hostedZoneName && name !== hostedZoneName && !name.endsWith(`.${hostedZoneName}`)) {
    problems.push(`domain.name "${name}" is not inside domain.hostedZoneName "${hostedZoneName}"`);
  }
  const certificateArn = readString(s, raw, 'certificateArn', CERTIFICATE_ARN, 'an ACM certificate ARN', problems);
  if (certificateArn && CERTIFICATE_ARN.exec(certificateArn)?.[1] !== 'us-east-1') {
    problems.push('domain.certificateArn must be in us-east-1: CloudFront only uses certificates from that region');
  }
  const section: DomainSection = {
    name: name ?? '',
    hostedZoneId: hostedZoneId ?? '',
    hostedZoneName: hostedZoneName ?? '',
    certificateArn,
    apiCertificateArn: readString(s, raw, 'apiCertificateArn', CERTIFICATE_ARN, 'an ACM certificate ARN', problems),
    originLabel: readString(s, raw, 'originLabel', /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'one DNS label', problems) ?? 'stz-origin',
    expressEndpoint: readString(s, raw, 'expressEndpoint', HOST_NAME, 'a host name without https://', problems),
  };
  return section;
}

/** The wake API's own host name behind CloudFront. */
export function apiOriginName(domain: DomainSection): string {
  return `${domain.originLabel}.${domain.name}`;
}

/** Rules that involve the flat keys (region) and the other section. */
export function domainProblems(domain: DomainSection, c: { region?: string; account?: string; domainName?: string; certificateArn?: string }, hasJitsi: boolean): Problems {
  const problems: Problems = [];
  if (c.domainName || c.certificateArn) {
    problems.push('domainName/certificateArn (a custom domain on the wake API alone) and the domain section exclude each other: '
      + 'with the domain section the meeting link itself wakes the service');
  }
  if (!hasJitsi && !domain.expressEndpoint) problems.push('domain.expressEndpoint is required without the jitsi section (the existing Express service\'s host name)');
  if (hasJitsi && domain.expressEndpoint) problems.push('domain.expressEndpoint is set by the jitsi section; remove it');
  if (!domain.certificateArn && c.region !== 'us-east-1' && !(c.region && c.account)) {
    problems.push('creating the CloudFront certificate needs account and region set (it is made in us-east-1 by a companion stack '
      + 'with cross-region references), or give domain.certificateArn (us-east-1)');
  }
  if (domain.apiCertificateArn && c.region && CERTIFICATE_ARN.exec(domain.apiCertificateArn)?.[1] !== c.region) {
    problems.push(`domain.apiCertificateArn must be in the stack's region ${c.region} (API Gateway regional custom domain)`);
  }
  return problems;
}
