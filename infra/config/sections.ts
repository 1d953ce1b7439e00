import type { ConfigKey, ControllerConfig } from '../config-schema.js';
import { domainProblems, parseDomainSection, type DomainSection } from './domain-section.js';
import { parseJitsiSection, type JitsiSection } from './jitsi-section.js';
import type { Problems } from './section.js';

/** Nested sections next to the flat FIELDS keys; each maps to one construct. */
export const SECTION_KEYS = ['jitsi', 'domain'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface DeploySections {
  jitsi?: JitsiSection;
  domain?: DomainSection;
}

/** What `loadConfig` returns: the flat controller settings plus the parsed sections. */
export type DeployConfig = ControllerConfig & DeploySections;

/**
 * Flat keys whose values only exist once the stack builds the Jitsi service or the front: the service
 * ARN, its VPC, subnets and task security group, and the public URL. They are filled with a marker at load
 * time (so the shared cross-field rules see them as present) and replaced with the real references in
 * infra/stack.ts; a user value for them would be ignored, so it is refused.
 */
export const DERIVED_BY_JITSI: readonly ConfigKey[] = ['serviceGroup', 'meetingBaseUrl', 'vpcId', 'subnetIds', 'taskSecurityGroupIds'];
export const DERIVED_BY_DOMAIN: readonly ConfigKey[] = ['meetingBaseUrl'];
export const DERIVED_MARKER = 'derived-by-stack';

export function derivedKeys(raw: Partial<Record<SectionKey, unknown>>): Set<ConfigKey> {
  return new Set([...(raw.jitsi != null ? DERIVED_BY_JITSI : []), ...(raw.domain != null ? DERIVED_BY_DOMAIN : [])]);
}

export function derivedPlaceholder(key: ConfigKey): string | string[] {
  return ['serviceGroup', 'subnetIds', 'taskSecurityGroupIds'].includes(key) ? [DERIVED_MARKER] : DERIVED_MARKER;
}

export function parseSections(raw: Partial<Record<SectionKey, unknown>>, flat: ControllerConfig, problems: Problems): DeploySections {
  const jitsi = parseJitsiSection(raw.jitsi, problems);
  const domain = parseDomainSection(raw.domain, problems);
  if (domain) problems.push(...domainProblems(domain, flat, jitsi !== undefined));
  if (jitsi && flat.activitySource !== 'probe') {
    problems.push('activitySource must be "probe" with the jitsi section (the stack admits the probe to the task security group)');
  }
  return { ...(jitsi ? { jitsi } : {}), ...(domain ? { domain } : {}) };
}
