import type { Change, ResourceToImport } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { resourceType } from '../engine/types.ts';
import type { Template } from '../template/parse.ts';
import type { Stack } from '../state.ts';

/** At most this many resources per import operation (AWS's limit). */
const MAX_IMPORTS = 200;

/**
 * Checks an IMPORT change set's `ResourcesToImport` against its template (and the stack it imports into, if any),
 * as AWS does before it makes the change set: every resource named is declared with that type and a DeletionPolicy,
 * its type can be imported and its identifier is complete; the stack's other resources and outputs stay as they are.
 * Answers the change set's changes.
 */
export async function checkImport(template: Template, imports: ResourceToImport[] | undefined, stack: Stack | undefined): Promise<Change[]> {
  if (!imports?.length) throw validationError('ResourcesToImport must be specified for change sets of type IMPORT');
  if (imports.length > MAX_IMPORTS) throw validationError(`ResourcesToImport cannot hold more than ${MAX_IMPORTS} resources`);
  const declared = template.Resources ?? {};
  const ids = imports.map((i) => i.LogicalResourceId ?? '');
  const missing = ids.filter((id) => !Object.hasOwn(declared, id));
  if (missing.length) throw validationError(`Resources [${missing.join(', ')}] to import are not declared in the template`);
  const duplicated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicated.length) throw validationError(`Resources [${[...new Set(duplicated)].join(', ')}] are named more than once in ResourcesToImport`);
  const existing = ids.filter((id) => stack?.resources.has(id) && stack.resources.get(id)!.status !== 'DELETE_COMPLETE');
  if (existing.length) throw validationError(`Resources [${existing.join(', ')}] to import already exist in stack [${stack!.stackName}]`);
  const noPolicy = ids.filter((id) => declared[id].DeletionPolicy === undefined);
  if (noPolicy.length) throw validationError(`The following resources to import [${noPolicy.join(', ')}] must have DeletionPolicy attribute specified in the template.`);
  const changes: Change[] = [];
  for (const item of imports) {
    const id = item.LogicalResourceId!;
    if (item.ResourceType !== declared[id].Type) throw validationError(`Resource type [${item.ResourceType}] of [${id}] does not match the template's [${declared[id].Type}]`);
    const type = await resourceType(declared[id].Type);
    if (!type.adopt || !type.primaryIdentifier) throw validationError(`Resource type ${declared[id].Type} does not support import`);
    const identifier = item.ResourceIdentifier ?? {};
    const absent = type.primaryIdentifier.filter((name) => typeof identifier[name] !== 'string' || !identifier[name]);
    if (absent.length) throw validationError(`ResourceIdentifier of [${id}] must have [${type.primaryIdentifier.join(', ')}]; missing [${absent.join(', ')}]`);
    changes.push({
      Type: 'Resource',
      ResourceChange: { Action: 'Import', LogicalResourceId: id, PhysicalResourceId: type.primaryIdentifier.map((n) => identifier[n]).join('|'), ResourceType: item.ResourceType, Scope: [], Details: [] },
    });
  }
  if (stack) checkUnchanged(template, stack, new Set(ids));
  return changes;
}

/** An import into an existing stack adds the imported resources only: nothing else of the template may change. */
function checkUnchanged(template: Template, stack: Stack, imported: Set<string>): void {
  const before = stack.template;
  const changed: string[] = [];
  const names = new Set([...Object.keys(before), ...Object.keys(template)]);
  for (const name of names) {
    const key = name as keyof Template;
    if (name === 'Resources') {
      const kept = Object.fromEntries(Object.entries(template.Resources ?? {}).filter(([id]) => !imported.has(id)));
      if (JSON.stringify(kept) !== JSON.stringify(before.Resources ?? {})) changed.push('Resources');
    } else if (JSON.stringify(before[key]) !== JSON.stringify(template[key])) changed.push(name);
  }
  if (changed.length) throw validationError(`As part of the import operation, you cannot modify or add [${changed.join(', ')}]`);
}
