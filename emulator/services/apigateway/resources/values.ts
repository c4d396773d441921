import type { PatchOperation } from '@aws-sdk/client-api-gateway';
import { randomSuffix, resourceTags, type Properties, type ResourceRequest } from '../../cloudformation/provider.ts';

/** A template boolean (templates may give `true` or `"true"`), or undefined when not given. */
export function flag(value: unknown): boolean | undefined {
  return value === undefined ? undefined : value === true || value === 'true';
}

/** A template number (templates may give strings), or undefined when not given. */
export function count(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** The stack's and the resource's tags as API Gateway takes them (a map), or undefined when there are none. */
export function tagMap(request: ResourceRequest): Record<string, string> | undefined {
  const tags = resourceTags(request);
  return tags.length ? Object.fromEntries(tags.map((t) => [t.Key, t.Value])) : undefined;
}

/**
 * The physical id CloudFormation gives API Gateway resources that have no id of their own (methods, accounts):
 * five characters of the stack name and of the logical id, and a random tail, e.g. `mysta-metho-01234B567890`.
 */
export function generatedId(request: ResourceRequest): string {
  return `${request.stackName.slice(0, 5)}-${request.logicalId.slice(0, 5)}-${randomSuffix()}`.toLowerCase();
}

/**
 * Patch operations replacing the scalar properties that changed (template name -> API patch path), removing those
 * dropped, for the Update* operations of API Gateway.
 */
export function patchChanges(previous: Properties, properties: Properties, paths: Record<string, string>): PatchOperation[] {
  const ops: PatchOperation[] = [];
  for (const [name, path] of Object.entries(paths)) {
    const before = previous[name];
    const after = properties[name];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    if (after === undefined) ops.push({ op: 'remove', path });
    else ops.push({ op: 'replace', path, value: typeof after === 'object' ? JSON.stringify(after) : String(after) });
  }
  return ops;
}
