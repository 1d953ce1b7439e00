/**
 * Fargate on-demand list prices, Linux, USD per hour. A small dated table for common regions; the operator
 * overrides it in configuration (REPORT_VCPU_HOUR / REPORT_GB_HOUR) for any other region or a new price.
 *
 * Sources (read 2026-11-29):
 * - us-east-1, x86 and ARM64: AWS Fargate pricing page as quoted by vantage.sh/blog/fargate-pricing and
 *   wring.co/blog/aws-fargate-pricing-guide (March 2026): x86 $0.04048 vCPU-h, $0.004445 GB-h;
 *   ARM $0.03238 vCPU-h, $0.00356 GB-h.
 * - Other regions, x86: the per-region table of github.com/theuves/fgcalc (src/utils/data.js, "extracted
 *   from the official AWS Fargate documentation"), commit 5049a5e.
 * - ARM64 outside us-east-1 was not found in a source: it is derived as 80 % of x86 (the us-east-1 ratio,
 *   0.03238 / 0.04048 = 0.800) and marked `derived`, and the report says so.
 */
export type Architecture = 'X86_64' | 'ARM64';

export interface FargateRate {
  vcpuHour: number;
  gbHour: number;
  source: string;
  derived?: boolean;
}

export const PRICES_AS_OF = '2026-11-29';

const X86: Record<string, [number, number]> = {
  'us-east-1': [0.04048, 0.004445],
  'us-east-2': [0.04048, 0.004445],
  'us-west-2': [0.04048, 0.004445],
  'eu-west-1': [0.04048, 0.004445],
  'eu-central-1': [0.04656, 0.00511],
  'eu-west-2': [0.04656, 0.00511],
  'eu-west-3': [0.0486, 0.0053],
  'eu-north-1': [0.0445, 0.0049],
  'ca-central-1': [0.04456, 0.004865],
  'ap-southeast-1': [0.05056, 0.00553],
  'ap-southeast-2': [0.04856, 0.00532],
  'ap-northeast-1': [0.05056, 0.00553],
  'ap-south-1': [0.04256, 0.004655],
};
const ARM: Record<string, [number, number]> = { 'us-east-1': [0.03238, 0.00356] };
const ARM_RATIO = 0.8;

/** The list rate for a region and architecture; undefined for a region not in the table. */
export function listRate(region: string, architecture: Architecture): FargateRate | undefined {
  const x86 = X86[region];
  if (architecture === 'X86_64') return x86 && { vcpuHour: x86[0], gbHour: x86[1], source: `list price ${region} x86 (table of ${PRICES_AS_OF})` };
  const arm = ARM[region];
  if (arm) return { vcpuHour: arm[0], gbHour: arm[1], source: `list price ${region} ARM64 (table of ${PRICES_AS_OF})` };
  return x86 && {
    vcpuHour: round(x86[0] * ARM_RATIO), gbHour: round(x86[1] * ARM_RATIO), derived: true,
    source: `ARM64 in ${region} estimated as 80 % of x86 (the us-east-1 ratio; table of ${PRICES_AS_OF})`,
  };
}

/** Cost of one task of the given size for one hour. */
export function hourlyCost(size: { cpuUnits: number; memoryMiB: number }, rate: FargateRate): number {
  return (size.cpuUnits / 1024) * rate.vcpuHour + (size.memoryMiB / 1024) * rate.gbHour;
}

const round = (n: number) => Math.round(n * 1e7) / 1e7;
