import type { PropertyDifference, StackResourceDrift } from '@aws-sdk/client-cloudformation';
import type { Properties } from '../provider.ts';
import type { Stack, StackResource } from '../state.ts';
import { isAlreadyGone, resourceRequest, type Run } from './run.ts';
import { resourceType } from './types.ts';

/** A value in a form two readings can be compared in: numbers and booleans as the strings templates may give. */
function normal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]));
  return value === undefined || value === null ? value : String(value);
}

/** The differences of the properties the template set, path by path (`/Name`, `/Tags/0/Value`), as AWS lists them. */
function differences(expected: unknown, actual: unknown, path: string, out: PropertyDifference[]): void {
  if (JSON.stringify(normal(expected)) === JSON.stringify(normal(actual))) return;
  const bothObjects = expected && actual && typeof expected === 'object' && typeof actual === 'object' && Array.isArray(expected) === Array.isArray(actual);
  if (bothObjects) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) differences((expected as Properties)[key], (actual as Properties)[key], `${path}/${key}`, out);
    return;
  }
  out.push({
    PropertyPath: path,
    ExpectedValue: expected === undefined ? 'null' : typeof expected === 'object' ? JSON.stringify(expected) : String(expected),
    ActualValue: actual === undefined ? 'null' : typeof actual === 'object' ? JSON.stringify(actual) : String(actual),
    DifferenceType: expected === undefined ? 'ADD' : actual === undefined ? 'REMOVE' : 'NOT_EQUAL',
  });
}

/**
 * Compares one resource with what its service has now. Types that can read their resource back (`read`) are
 * IN_SYNC, MODIFIED or DELETED; the others are NOT_CHECKED, as AWS reports types that do not support drift.
 */
export async function detectResourceDrift(stack: Stack, run: Run, resource: StackResource): Promise<StackResourceDrift> {
  const now = run.emulator.clock.date();
  const drift: StackResourceDrift = {
    StackId: stack.stackId,
    LogicalResourceId: resource.logicalId,
    PhysicalResourceId: resource.physicalId,
    ResourceType: resource.type,
    StackResourceDriftStatus: 'NOT_CHECKED',
    Timestamp: now,
  };
  const type = await resourceType(resource.type);
  if (!type.read || resource.physicalId === undefined) return drift;
  const request = resourceRequest(stack, run, resource.logicalId, resource.type, resource.properties);
  let actual: Properties;
  try {
    actual = await type.read({ ...request, physicalId: resource.physicalId, attributes: resource.attributes });
  } catch (error) {
    if (!isAlreadyGone(error)) throw error;
    return { ...drift, StackResourceDriftStatus: 'DELETED', ExpectedProperties: JSON.stringify(resource.properties) };
  }
  // Only what the template set is compared: AWS's defaults for the rest are not drift.
  const compared = Object.fromEntries(Object.keys(resource.properties).filter((k) => Object.hasOwn(actual, k)).map((k) => [k, actual[k]]));
  const expected = Object.fromEntries(Object.keys(compared).map((k) => [k, resource.properties[k]]));
  const found: PropertyDifference[] = [];
  differences(expected, compared, '', found);
  // AWS lists the differences by property path (its recording of test_drift_detection_on_lambda: /Description,
  // /Environment/..., /Runtime, whatever the template's order).
  found.sort((a, b) => (a.PropertyPath! < b.PropertyPath! ? -1 : a.PropertyPath! > b.PropertyPath! ? 1 : 0));
  return {
    ...drift,
    ExpectedProperties: JSON.stringify(expected),
    ActualProperties: JSON.stringify(compared),
    PropertyDifferences: found,
    StackResourceDriftStatus: found.length ? 'MODIFIED' : 'IN_SYNC',
  };
}
