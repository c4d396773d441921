import { buildArn } from '../../../core/arn.ts';
import { resourceTags, type Properties, type ResourceDelete, type ResourceListRequest, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { adoptByReading, listUnder } from '../../cloudformation/read-back.ts';

/** The template's properties an operation takes: API Gateway V2's members are named as the template's properties. */
export function pick(p: Properties, names: readonly string[]): Properties {
  return Object.fromEntries(names.filter((n) => p[n] !== undefined).map((n) => [n, p[n]]));
}

/** The stack's tags and the resource's own `Tags`, which API Gateway V2 templates give as a map. */
export function tagMap(request: ResourceRequest): Record<string, string> | undefined {
  const tags = Object.fromEntries(resourceTags(request).map((t) => [t.Key, t.Value]));
  return Object.keys(tags).length ? tags : undefined;
}

/** The named members of a service's answer, each present (undefined when the answer has none: a member removed reads as gone). */
export function members(answer: Properties, names: readonly string[]): Properties {
  return Object.fromEntries(names.map((n) => [n, answer[n]]));
}

/** API Gateway V2's resource ARNs have no account: `arn:aws:apigateway:<region>::/apis/<id>`. */
export function arnOf(request: ResourceRequest, path: string): string {
  return buildArn({ service: 'apigateway', region: request.region, accountId: '', resource: path });
}

/** Replaces the tags CloudFormation manages on a resource: the stack's and the template's. */
export async function retag(request: ResourceRequest & { previous: Properties }, arn: string): Promise<void> {
  const tags = tagMap(request) ?? {};
  const gone = Object.keys((request.previous.Tags ?? {}) as Record<string, string>).filter((k) => !Object.hasOwn(tags, k));
  if (gone.length) await request.call('apigatewayv2', 'UntagResource', { ResourceArn: arn, TagKeys: gone });
  if (Object.keys(tags).length) await request.call('apigatewayv2', 'TagResource', { ResourceArn: arn, Tags: tags });
}

/** The `member` of every item a Get…s operation pages through (NextToken) under the given parents. */
export async function allIds(request: ResourceListRequest, operation: string, parents: Properties, member: string): Promise<string[]> {
  const found: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await request.call('apigatewayv2', operation, { ...parents, NextToken });
    found.push(...((page.Items ?? []) as Properties[]).map((item) => String(item[member])));
    NextToken = page.NextToken;
  } while (NextToken);
  return found;
}

interface PartOptions {
  /** The parts the part belongs to (default: the API), whose change makes a new part. */
  parents?: readonly string[];
  /** The template's members as the Create and Update operations take them. */
  convert?: (p: Properties) => Properties;
  /** Members AWS's schema makes write-only: not read back. */
  writeOnly?: readonly string[];
  /** The Get operation's members in the template's form, given the template's properties. */
  readBack?: (answer: Properties, given: Properties) => Properties;
  /** AWS's primary identifier, in its schema's order (default: the parents, then the part's id). */
  primaryIdentifier?: readonly string[];
}

/**
 * A part of an API (route, integration, authorizer, deployment, model, route or integration response) created,
 * updated and deleted by its id, under its `parents` (the API, and the route or integration of a response), which a
 * change of makes a new part. Ref and GetAtt `<kind>Id` give the id.
 */
export function apiPart(kind: string, names: readonly string[], options: PartOptions = {}): ResourceType {
  const { parents = ['ApiId'], convert = (p) => p, writeOnly = [], readBack = (answer) => answer } = options;
  const idMember = `${kind}Id`;
  const parentIds = (p: Properties) => pick(p, parents);
  const read = async (request: ResourceDelete) => {
    const answer = await request.call('apigatewayv2', `Get${kind}`, { ...parentIds(request.properties), [idMember]: request.physicalId });
    const readable = names.filter((name) => !writeOnly.includes(name));
    return { ...parentIds(request.properties), ...readBack(members(answer, readable), request.properties) };
  };
  return {
    async create(request) {
      const created = await request.call('apigatewayv2', `Create${kind}`, { ...parentIds(request.properties), ...convert(pick(request.properties, names)) });
      return { physicalId: created[idMember], attributes: { [idMember]: created[idMember] } };
    },
    async update(request) {
      await request.call('apigatewayv2', `Update${kind}`, { ...parentIds(request.properties), [idMember]: request.physicalId, ...convert(pick(request.properties, names)) });
      return { physicalId: request.physicalId, attributes: request.attributes };
    },
    async delete(request) {
      await request.call('apigatewayv2', `Delete${kind}`, { ...parentIds(request.properties), [idMember]: request.physicalId });
    },
    read,
    // Cloud Control names a part by its parents' ids and its own (`<ApiId>|<RouteId>`).
    primaryIdentifier: options.primaryIdentifier ?? [...parents, idMember],
    adopt: adoptByReading(read, (id) => id[idMember], (id) => ({ [idMember]: id[idMember] })),
    ...listUnder(parents, idMember, read, (request, named) => allIds(request, `Get${kind}s`, named, idMember)),
    createOnly: parents,
    properties: [...parents, ...names],
  };
}
