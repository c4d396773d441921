import { randomUUID } from 'node:crypto';
import type { Emulator } from '../../../core/emulator.ts';
import { RESOURCE_TYPE_LOADERS, RESOURCE_TYPE_SERVICES } from '../../index.ts';
import type { ResourceType } from '../provider.ts';
import type { Template } from '../template/parse.ts';
import { changeSetType } from './change-set-type.ts';
import { customResource } from './custom-resource.ts';
import { generatedTemplateType } from './generated-template.ts';
import { nestedStack } from './nested-stack.ts';
import { stackSetType } from './stack-set.ts';
import { waitCondition, waitConditionHandle } from './wait-condition.ts';
import { macroType } from '../transforms/macros.ts';
import { REGISTRY_TYPES } from '../registry/resource-types.ts';

/** A resource CloudFormation keeps itself, with no resource behind it (CDK's metadata). */
const bookkeeping: ResourceType = {
  async create(request) {
    return { physicalId: `${request.stackId.split('/').slice(0, 2).join('/')}/${randomUUID()}/${request.logicalId}`, attributes: {} };
  },
  async update(request) {
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete() {},
};

/** Types the engine provides itself; every other type belongs to a service (see RESOURCE_TYPE_SERVICES). */
const ENGINE_TYPES = new Map<string, ResourceType>([
  ['AWS::CDK::Metadata', bookkeeping],
  ['AWS::CloudFormation::WaitConditionHandle', waitConditionHandle],
  ['AWS::CloudFormation::WaitCondition', waitCondition],
  ['AWS::CloudFormation::Stack', nestedStack],
  ['AWS::CloudFormation::CustomResource', customResource],
  ['AWS::CloudFormation::Macro', macroType],
  ['AWS::CloudFormation::StackSet', stackSetType],
  ...REGISTRY_TYPES,
  ['AWS::CloudFormation::GeneratedTemplate', generatedTemplateType],
  ['AWS::CloudFormation::ChangeSet', changeSetType],
]);

/** The types the engine provides itself (the registry lists them with the services' types). */
export const ENGINE_TYPE_NAMES: readonly string[] = [...ENGINE_TYPES.keys()];

function isCustom(type: string): boolean {
  return type.startsWith('Custom::');
}

/** Whether twinstack can create resources of a type (with the services this emulator serves). */
export function isKnownType(type: string, emulator: Emulator): boolean {
  if (ENGINE_TYPES.has(type) || isCustom(type)) return true;
  return Object.hasOwn(RESOURCE_TYPE_SERVICES, type) && emulator.isEnabled(RESOURCE_TYPE_SERVICES[type]);
}

/**
 * Starts loading the services behind a template's resource types, without waiting: a service's code loads on its
 * first call, and a change set is executed only after its client has read it, so its resources need not wait then.
 */
export function warmServices(template: Template, emulator: Emulator): void {
  const services = new Set<string>();
  for (const resource of Object.values(template.Resources ?? {})) {
    if (typeof resource?.Type === 'string' && Object.hasOwn(RESOURCE_TYPE_SERVICES, resource.Type)) services.add(RESOURCE_TYPE_SERVICES[resource.Type]);
  }
  // A service that fails to load fails its resources' calls later, with its error; nothing to report here.
  for (const service of services) emulator.loadService(service).catch(() => undefined);
}

/** The handlers of a type, loaded from its service's `resources/` folder on first use. */
export async function resourceType(type: string): Promise<ResourceType> {
  if (isCustom(type)) return customResource;
  const own = ENGINE_TYPES.get(type);
  if (own) return own;
  const service = RESOURCE_TYPE_SERVICES[type];
  const types = await RESOURCE_TYPE_LOADERS[service]();
  return types[type];
}
