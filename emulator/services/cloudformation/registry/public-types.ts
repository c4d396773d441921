import type { Emulator } from '../../../core/emulator.ts';
import { RESOURCE_TYPE_SERVICES } from '../../index.ts';
import { ENGINE_TYPE_NAMES, resourceType } from '../engine/types.ts';

/**
 * AWS's public resource types as twinstack has them: those the engine and the enabled services provide, so the
 * registry answers what a template here can use (AWS lists ~1,400; the others are not known here).
 */
export function publicTypeNames(emulator: Emulator): string[] {
  const served = Object.keys(RESOURCE_TYPE_SERVICES).filter((name) => emulator.isEnabled(RESOURCE_TYPE_SERVICES[name]));
  return [...ENGINE_TYPE_NAMES, ...served].sort();
}

export function isPublicType(emulator: Emulator, typeName: string): boolean {
  if (ENGINE_TYPE_NAMES.includes(typeName)) return true;
  return Object.hasOwn(RESOURCE_TYPE_SERVICES, typeName) && emulator.isEnabled(RESOURCE_TYPE_SERVICES[typeName]);
}

export function publicDescription(typeName: string): string {
  return `${typeName} as twinstack provides it: the properties and handlers its implementation supports.`;
}

const pointers = (names: readonly string[] | undefined) => names?.map((name) => `/properties/${name}`);

/**
 * The schema of a public type, in the registry's schema language, from what its implementation declares (the
 * properties it handles, create-only properties, primary identifier, handlers): not AWS's full schema, which
 * twinstack does not ship.
 */
export async function publicSchema(typeName: string): Promise<{ schema: Record<string, unknown>; provisioning: 'FULLY_MUTABLE' | 'IMMUTABLE' }> {
  const type = await resourceType(typeName);
  const handlers: Record<string, { permissions: string[] }> = { create: { permissions: [] } };
  if (type.read) handlers.read = { permissions: [] };
  if (type.update) handlers.update = { permissions: [] };
  handlers.delete = { permissions: [] };
  if (type.list) handlers.list = { permissions: [] };
  const schema: Record<string, unknown> = {
    typeName,
    description: publicDescription(typeName),
    properties: Object.fromEntries((type.properties ?? []).map((name) => [name, {}])),
    additionalProperties: type.properties === undefined,
    createOnlyProperties: pointers(type.createOnly),
    primaryIdentifier: pointers(type.primaryIdentifier),
    handlers,
  };
  return { schema: JSON.parse(JSON.stringify(schema)), provisioning: type.update ? 'FULLY_MUTABLE' : 'IMMUTABLE' };
}
