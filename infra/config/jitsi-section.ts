import { HOST_NAME, isObject, readInt, readList, readString, unknownKeys, type Problems } from './section.js';

/**
 * The optional `jitsi` section of the deploy config: with it, the app deploys the Jitsi service itself
 * on ECS Express Mode (infra/constructs/jitsi/) and wires the controller to it.
 */
export interface JitsiSection {
  /** Express service name; create-only (changing it replaces the service and its URL). */
  serviceName: string;
  architecture: 'ARM64' | 'X86_64';
  /** Fargate task size in CPU units and MiB (a valid Fargate combination). */
  cpu: number;
  memoryMiB: number;
  /** An existing VPC with public subnets; absent: a new VPC with two public subnets and no NAT. */
  vpcId?: string;
  /** The existing VPC's IPv4 CIDR: the load balancer reaches the web container from inside it. */
  vpcCidr?: string;
  publicSubnetIds: string[];
  /** host:port STUN servers the JVB asks for its public address. */
  stunServers: string[];
}

export const JITSI_KEYS = ['serviceName', 'architecture', 'cpu', 'memoryMiB', 'vpcId', 'vpcCidr', 'publicSubnetIds', 'stunServers'] as const;

/** docker-jitsi-meet's own default for JVB_STUN_SERVERS (jvb/rootfs/defaults/jvb.conf). */
export const DEFAULT_STUN_SERVERS = ['meet-jit-si-turnrelay.jitsi.net:443'];

/** Fargate CPU units and the memory sizes (MiB) each allows. Below 2 vCPU a JVB plus three JVMs do not fit well. */
export const FARGATE_SIZES: Record<number, readonly number[]> = {
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

export function parseJitsiSection(raw: unknown, problems: Problems): JitsiSection | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) {
    problems.push('jitsi must be a JSON object');
    return undefined;
  }
  const s = 'jitsi';
  unknownKeys(s, raw, JITSI_KEYS, problems);
  const architecture = readString(s, raw, 'architecture', /^(ARM64|X86_64)$/, 'ARM64 or X86_64', problems) as JitsiSection['architecture'] | undefined;
  const cpu = readInt(s, raw, 'cpu', Object.keys(FARGATE_SIZES).map(Number), problems) ?? 4096;
  const memoryRaw = raw.memoryMiB;
  const memoryMiB = memoryRaw === undefined ? Math.max(8192, FARGATE_SIZES[cpu]?.[0] ?? 8192) : readInt(s, raw, 'memoryMiB', FARGATE_SIZES[cpu] ?? [], problems);
  const section: JitsiSection = {
    serviceName: readString(s, raw, 'serviceName', /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/, 'an ECS service name', problems) ?? 'jitsi',
    architecture: architecture ?? 'ARM64',
    cpu,
    memoryMiB: memoryMiB ?? 8192,
    vpcId: readString(s, raw, 'vpcId', /^vpc-[0-9a-f]{8,17}$/, 'vpc-…', problems),
    vpcCidr: readString(s, raw, 'vpcCidr', /^\d{1,3}(\.\d{1,3}){3}\/(1[6-9]|2[0-8])$/, 'an IPv4 CIDR such as 10.0.0.0/16', problems),
    publicSubnetIds: readList(s, raw, 'publicSubnetIds', /^subnet-[0-9a-f]{8,17}$/, 'subnet-… ids', problems) ?? [],
    stunServers: readList(s, raw, 'stunServers', new RegExp(`^(${HOST_NAME.source.slice(1, -1)}|\\d{1,3}(\\.\\d{1,3}){3}):\\d{1,5}$`), 'host:port', problems) ?? DEFAULT_STUN_SERVERS,
  };
  if (Boolean(section.vpcId) !== (section.publicSubnetIds.length > 0) || Boolean(section.vpcId) !== Boolean(section.vpcCidr)) {
    problems.push('jitsi.vpcId, jitsi.vpcCidr and jitsi.publicSubnetIds must be set together (or none, for a new VPC)');
  } else if (section.publicSubnetIds.length === 1) {
    problems.push('jitsi.publicSubnetIds needs at least two subnets in different Availability Zones (the Express load balancer spans two)');
  }
  if (section.stunServers.length === 0) problems.push('jitsi.stunServers must not be empty: the JVB finds its public address by STUN');
  return section;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n += step) out.push(n);
  return out;
}
