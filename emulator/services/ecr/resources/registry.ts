import type { RegistryScanningRule, ReplicationRule } from '@aws-sdk/client-ecr';
import { jsonText, templateJson, type Properties, type ResourceDelete, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';

/**
 * A setting of the stack's registry (one per account and region): Ref is the registry id; GetAtt RegistryId. `put`
 * applies the template's properties (on create and update); `reset` gives the registry its default back on delete.
 */
function registrySetting(
  put: (request: ResourceRequest) => Promise<unknown>,
  reset: (request: ResourceRequest) => Promise<unknown>,
  read: (request: ResourceDelete) => Promise<Properties>,
  properties: string[],
): ResourceType {
  const state = (request: ResourceRequest) => ({ physicalId: request.accountId, attributes: { RegistryId: request.accountId } });
  return {
    async create(request) {
      await put(request);
      return state(request);
    },
    async update(request) {
      await put(request);
      return state(request);
    },
    async delete(request) {
      await reset(request);
    },
    read,
    properties,
  };
}

/** `AWS::ECR::RegistryPolicy`: the registry's permissions policy. */
export const registryPolicy = registrySetting(
  (request) => request.call('ecr', 'PutRegistryPolicy', { policyText: jsonText(request.properties.PolicyText) }),
  (request) => request.call('ecr', 'DeleteRegistryPolicy', {}),
  async (request) => {
    const { policyText } = await request.call('ecr', 'GetRegistryPolicy', {});
    return { PolicyText: templateJson(request.properties.PolicyText, policyText) };
  },
  ['PolicyText'],
);

const filters = (list: Properties[] | undefined) => list?.map((f) => ({ filter: f.Filter, filterType: f.FilterType }));
const templateFilters = (list: Properties[] | undefined) => list?.map((f) => ({ Filter: f.filter, FilterType: f.filterType }));

/** `AWS::ECR::ReplicationConfiguration`: the registry's replication rules; deleting it leaves none. */
export const replicationConfiguration = registrySetting(
  (request) => {
    const rules = ((request.properties.ReplicationConfiguration?.Rules ?? []) as Properties[]).map(
      (rule): ReplicationRule => ({
        destinations: (rule.Destinations as Properties[] | undefined)?.map((d) => ({ region: d.Region, registryId: d.RegistryId })),
        repositoryFilters: filters(rule.RepositoryFilters),
      }),
    );
    return request.call('ecr', 'PutReplicationConfiguration', { replicationConfiguration: { rules } });
  },
  (request) => request.call('ecr', 'PutReplicationConfiguration', { replicationConfiguration: { rules: [] } }),
  async (request) => {
    const { replicationConfiguration } = await request.call('ecr', 'DescribeRegistry', {});
    const rules = ((replicationConfiguration?.rules ?? []) as ReplicationRule[]).map((rule) => ({
      Destinations: rule.destinations?.map((d) => ({ Region: d.region, RegistryId: d.registryId })),
      ...(rule.repositoryFilters?.length ? { RepositoryFilters: templateFilters(rule.repositoryFilters) } : {}),
    }));
    return { ReplicationConfiguration: { Rules: rules } };
  },
  ['ReplicationConfiguration'],
);

/** `AWS::ECR::RegistryScanningConfiguration`: the registry's scan type and rules; deleting it restores BASIC, no rules. */
export const registryScanningConfiguration = registrySetting(
  (request) => {
    const rules = ((request.properties.Rules ?? []) as Properties[]).map((rule): RegistryScanningRule => ({ scanFrequency: rule.ScanFrequency, repositoryFilters: filters(rule.RepositoryFilters) }));
    return request.call('ecr', 'PutRegistryScanningConfiguration', { scanType: request.properties.ScanType, rules });
  },
  (request) => request.call('ecr', 'PutRegistryScanningConfiguration', { scanType: 'BASIC', rules: [] }),
  async (request) => {
    const { scanningConfiguration: c } = await request.call('ecr', 'GetRegistryScanningConfiguration', {});
    const rules = ((c?.rules ?? []) as RegistryScanningRule[]).map((rule) => ({ ScanFrequency: rule.scanFrequency, RepositoryFilters: templateFilters(rule.repositoryFilters) }));
    return { ScanType: c?.scanType, Rules: rules };
  },
  ['ScanType', 'Rules'],
);
