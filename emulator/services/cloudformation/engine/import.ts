import type { ResourceToImport } from '@aws-sdk/client-cloudformation';
import type { Stack } from '../state.ts';
import { plan, record, resolvedProperties, scopeFor, stateFields, type Desired } from './deploy.ts';
import { evaluateOutputs, publishExports } from './outputs.ts';
import { failureReason, recordEvent, resourceRequest, setStatus, type Run } from './run.ts';
import { resourceType } from './types.ts';

/**
 * Executes an IMPORT change set: each resource named in `imports` is adopted as it is (its service is only read) and
 * becomes the stack's, with IMPORT_* events; the stack ends IMPORT_COMPLETE. When one cannot be imported the stack
 * lets go of all of them again (they stay in their services) and ends IMPORT_ROLLBACK_COMPLETE.
 */
export async function importResources(stack: Stack, run: Run, desired: Desired, imports: ResourceToImport[]): Promise<void> {
  const previous: Desired = { template: stack.template, templateBody: stack.templateBody, parameters: stack.parameters };
  const scope = scopeFor(stack, run, desired);
  const { resources } = plan(desired.template, scope);
  Object.assign(stack, { template: desired.template, templateBody: desired.templateBody, parameters: desired.parameters });
  const failed: string[] = [];
  let firstReason = '';
  for (const item of imports) {
    const id = item.LogicalResourceId!;
    const declaration = resources[id];
    const event = (status: string, physicalId?: string, reason?: string) =>
      recordEvent(stack, run, { logicalId: id, physicalId, type: declaration.Type, status, reason, properties: declaration.Properties });
    event('IMPORT_IN_PROGRESS');
    try {
      const type = await resourceType(declaration.Type);
      const properties = await resolvedProperties(stack, run, declaration, scope);
      const result = await type.adopt!(resourceRequest(stack, run, id, declaration.Type, properties), item.ResourceIdentifier ?? {});
      record(stack, run, id, declaration, 'IMPORT_COMPLETE', stateFields(type, result, properties));
      event('IMPORT_COMPLETE', result.physicalId);
    } catch (error) {
      const reason = failureReason(error);
      firstReason ||= reason;
      record(stack, run, id, declaration, 'IMPORT_FAILED', { statusReason: reason });
      event('IMPORT_FAILED', undefined, reason);
      failed.push(id);
    }
  }
  if (!failed.length) {
    const outputs = evaluateOutputs(desired.template, scope);
    publishExports(stack, run, outputs, scope.imports);
    stack.outputs = outputs;
    setStatus(stack, run, 'IMPORT_COMPLETE');
    return;
  }
  setStatus(stack, run, 'IMPORT_ROLLBACK_IN_PROGRESS', `The following resource(s) failed to import: [${failed.join(', ')}]. ${firstReason}`);
  for (const item of imports) stack.resources.delete(item.LogicalResourceId!);
  Object.assign(stack, { template: previous.template, templateBody: previous.templateBody, parameters: previous.parameters });
  setStatus(stack, run, 'IMPORT_ROLLBACK_COMPLETE');
}
