import type { PatchOperation } from '@aws-sdk/client-api-gateway';
import { buildArn } from '../../../core/arn.ts';
import { randomSuffix, resourceTags, type Properties, type ResourceDelete, type ResourceListRequest, type ResourceRequest } from '../../cloudformation/provider.ts';
import { listUnder } from '../../cloudformation/read-back.ts';

/** A template boolean (templates may give `true` or `"true"`), or undefined when not given. */
export function flag(value: unknown): boolean | undefined {
  return value === undefined ? undefined : value === true || value === 'true';
}

/** A template number (templates may give strings), or undefined when not given. */
export function count(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/**
 * The stack's and the resource's tags as API Gateway takes them (a map), or undefined when there are none. Types
 * whose schema says `cloudFormationSystemTags: false` pass `systemTags: false`: they get no `aws:cloudformation:*` tags.
 */
export function tagMap(request: ResourceRequest, { systemTags = true } = {}): Record<string, string> | undefined {
  const tags = resourceTags(request).filter((t) => systemTags || !t.Key.startsWith('aws:cloudformation:'));
  return tags.length ? Object.fromEntries(tags.map((t) => [t.Key, t.Value])) : undefined;
}

/** Replaces the tags CloudFormation manages on an API Gateway resource: the stack's and the template's. */
export async function retag(request: ResourceRequest & { previous: Properties }, arn: string, options?: { systemTags?: boolean }): Promise<void> {
  const tags = tagMap(request, options) ?? {};
  const gone = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key).filter((k) => !Object.hasOwn(tags, k));
  if (gone.length) await request.call('apigateway', 'UntagResource', { resourceArn: arn, tagKeys: gone });
  if (Object.keys(tags).length) await request.call('apigateway', 'TagResource', { resourceArn: arn, tags });
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

/** API Gateway's resource ARNs have no account: `arn:aws:apigateway:<region>::/usageplans/<id>`. */
export function arnOf(request: ResourceRequest, path: string): string {
  return buildArn({ service: 'apigateway', region: request.region, accountId: '', resource: path });
}

/**
 * `list` of a child of a REST API (Cloud Control lists it under the ResourceModel's RestApiId): every item the Get
 * operation pages through (`items`, or a stage listing's `item`), named by `idName` from the item's `member`.
 */
export function listUnderApi(idName: string, read: (request: ResourceDelete) => Promise<Properties>, operation: string, member: string) {
  return listUnder(['RestApiId'], idName, read, async (request: ResourceListRequest, { RestApiId }) => {
    const found: string[] = [];
    let position: string | undefined;
    do {
      const page = await request.call('apigateway', operation, { restApiId: RestApiId, position, limit: 500 });
      found.push(...((page.items ?? page.item ?? []) as Properties[]).map((item) => String(item[member])));
      position = page.position;
    } while (position);
    return found;
  });
}
