/**
 * CI: cfn-lint over every synthesized variant (controller only, jitsi, jitsi + domain, existing service +
 * domain). Every error fails except exactly the stale-schema ones below. Warnings are printed, not fatal:
 * the remaining ones (W3005 on the DependsOn that aws-cdk-lib adds from each Lambda function to its role,
 * W3010 on subnets pinned to looked-up AZs) come from CDK itself.
 * Usage: tsx scripts/cfn-lint-variants.ts [outdir]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthVariants } from './synth-variants.js';

interface Finding { Rule: { Id: string }; Level: string; Message: string; Location: { Path: (string | number)[] } }

/**
 * cfn-lint 1.51 ships resource schemas from May 2026. aws-cdk-lib 2.276's generated L1s (from newer
 * CloudFormation schemas) have properties it does not know yet, so these findings are wrong and ignored,
 * each only on its resource type and with its exact message:
 * - AWS::ECS::ExpressGatewayService: TaskDefinitionArn (our own task definition), and the two properties
 *   the old schema requires because it predates TaskDefinitionArn (with it they must NOT be set).
 * - AWS::CloudWatch::Dashboard: Tags.
 */
const STALE_SCHEMA: { type: string; rule: string; message: RegExp }[] = [
  { type: 'AWS::ECS::ExpressGatewayService', rule: 'E3002', message: /^Additional properties are not allowed \('TaskDefinitionArn' was unexpected\)$/ },
  { type: 'AWS::ECS::ExpressGatewayService', rule: 'E3003', message: /^'(ExecutionRoleArn|PrimaryContainer)' is a required property$/ },
  { type: 'AWS::CloudWatch::Dashboard', rule: 'E3002', message: /^Additional properties are not allowed \('Tags' was unexpected\)$/ },
];

const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  console.error('cfn-lint is not installed (or not on the PATH). Install it with: pip install cfn-lint');
  process.exit(1);
}
const outdir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'stz-variants-'));
let failures = 0;
for (const t of synthVariants(outdir)) {
  const run = spawnSync('cfn-lint', ['--format', 'json', '--', t.file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || (run.status !== 0 && !run.stdout.trim().startsWith('['))) {
    console.error(`cfn-lint could not check ${t.file}: ${run.error?.message ?? run.stderr}`);
    failures++;
    continue;
  }
  const findings = JSON.parse(run.stdout || '[]') as Finding[];
  const kept = findings.filter((f) => {
    const [section, logicalId] = f.Location.Path;
    const type = section === 'Resources' ? t.template.Resources?.[String(logicalId)]?.Type : undefined;
    return !STALE_SCHEMA.some((s) => s.type === type && s.rule === f.Rule.Id && s.message.test(f.Message));
  });
  const errors = kept.filter((f) => f.Level === 'Error');
  const resources = Object.keys(t.template.Resources ?? {}).length;
  console.log(`${errors.length === 0 ? 'ok  ' : 'FAIL'} ${t.variant} / ${t.stackName}: ${resources} resources, `
    + `${errors.length} errors, ${kept.length - errors.length} warnings, ${findings.length - kept.length} stale-schema findings ignored`);
  for (const f of kept) console.log(`     ${f.Rule.Id} ${f.Level} ${f.Location.Path.join('/')}: ${f.Message}`);
  failures += errors.length;
}
process.exit(failures === 0 ? 0 : 1);
