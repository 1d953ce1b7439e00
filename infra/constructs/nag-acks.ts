import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag AwsSolutions-IAM5 finding (a wildcard resource) on the construct that owns
 * the statement. cdk-nag names each finding after the flattened resource (`Ref` → `<Name>`, `GetAtt` →
 * `<Name.Attr>`, `Fn::Join` joined), so the id is computed from the same ARN the statement uses.
 */
export function acknowledgeWildcard(owner: IConstruct, resource: string, reason: string): void {
  const flat = flatten(Stack.of(owner).resolve(resource));
  Validations.of(owner).acknowledge({ id: `AwsSolutions-IAM5[Resource::${flat}]`, reason });
}

function flatten(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['Fn::Join'])) {
      const [delimiter, items] = o['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (Array.isArray(o['Fn::GetAtt'])) {
      const [resource, attribute] = o['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if ('Ref' in o) return `<${flatten(o.Ref)}>`;
  }
  return JSON.stringify(node);
}
