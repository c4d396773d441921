import type { Properties, ResourceDelete, ResourceRequest, ResourceType, ResourceUpdate } from '../../cloudformation/provider.ts';
import { resourceTags } from '../../cloudformation/provider.ts';
import { detachAll, syncInlinePolicies, syncManagedPolicies, type Kind } from './attachments.ts';
import { inlinePolicies, managedPolicyArns } from './read.ts';

interface IdentityKind {
  kind: Kind;
  /** The create call's input beyond the name (assume-role policy, path, boundary, tags...). */
  createInput(request: ResourceRequest): Properties;
  /** Reads the created identity's ARN and id. */
  attributes(entity: Properties): Record<string, unknown>;
  /** Changes of other properties than policies (role description, trust policy...). */
  update?(request: ResourceUpdate, name: string): Promise<void>;
  afterCreate?(request: ResourceRequest, name: string): Promise<void>;
  /** The kind's own properties, read from the Get call's entity (trust policy, description, groups...). */
  readMore(request: ResourceDelete, entity: Properties): Promise<Properties> | Properties;
  beforeDelete?(request: ResourceDelete, name: string): Promise<void>;
  createOnly: string[];
  /** The kind's own template properties (beyond its name, Path, Policies and ManagedPolicyArns): others fail. */
  properties: string[];
}

/** A role, user or group: created with its name (or a generated one), inline and managed policies kept in sync. */
export function identityType(spec: IdentityKind): ResourceType {
  const { kind } = spec;
  const nameKey = `${kind}Name`;
  const read = async (request: ResourceRequest, name: string) => {
    const out = await request.call<Record<string, Properties>>('iam', `Get${kind}`, { [nameKey]: name });
    return { physicalId: name, attributes: spec.attributes(out[kind]) };
  };
  return {
    async create(request) {
      const name: string = request.properties[nameKey] ?? request.physicalName({ maxLength: 64 });
      await request.call('iam', `Create${kind}`, { [nameKey]: name, Path: request.properties.Path, ...spec.createInput(request) });
      await syncInlinePolicies(request, kind, name, {}, request.properties);
      await syncManagedPolicies(request, kind, name, [], request.properties.ManagedPolicyArns);
      await spec.afterCreate?.(request, name);
      return read(request, name);
    },
    async update(request) {
      const name = request.physicalId;
      await spec.update?.(request, name);
      await syncInlinePolicies(request, kind, name, request.previous, request.properties);
      await syncManagedPolicies(request, kind, name, request.previous.ManagedPolicyArns, request.properties.ManagedPolicyArns);
      return read(request, name);
    },
    async delete(request) {
      await spec.beforeDelete?.(request, request.physicalId);
      await detachAll(request, kind, request.physicalId);
      await request.call('iam', `Delete${kind}`, { [nameKey]: request.physicalId });
    },
    async read(request) {
      const name = request.physicalId;
      const entity = (await request.call<Record<string, Properties>>('iam', `Get${kind}`, { [nameKey]: name }))[kind];
      return {
        [nameKey]: name,
        Path: entity.Path,
        Policies: await inlinePolicies(request, kind, name),
        ManagedPolicyArns: await managedPolicyArns(request, kind, name),
        ...(await spec.readMore(request, entity)),
      };
    },
    // AWS's schemas identify roles, users and groups by their names; an import reads the identity it names.
    primaryIdentifier: [nameKey],
    adopt: (request, identifier) => read(request, identifier[nameKey]),
    createOnly: [nameKey, 'Path', ...spec.createOnly],
    properties: [nameKey, 'Path', 'Policies', 'ManagedPolicyArns', ...spec.properties],
  };
}

export function tagsInput(request: ResourceRequest): Properties {
  const tags = resourceTags(request);
  return tags.length ? { Tags: tags } : {};
}
