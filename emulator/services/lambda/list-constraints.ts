import { AwsError } from '../../core/errors.ts';
import type { ServiceModel } from '../../models/types.ts';
import { SUPPORTED_RUNTIMES } from './runtime/runtimes.ts';

/**
 * Lambda judges some lists as a whole, not member by member as Coral's model checks do: one problem names the whole
 * list ("Value '[a, b]' at 'layers' failed to satisfy constraint: Member must satisfy constraint: [...]"), and the
 * runtime names it accepts are more than those its messages list (AWS-recorded TestLambdaLayer tests).
 */

/** The runtime names ListLayers and ListLayerVersions filter by, in the order their ValidationException lists them (recorded 2026-01). */
const FILTER_RUNTIMES = [
  'ruby3.5', 'ruby2.6', 'dotnetcore1.0', 'python3.7', 'nodejs8.10', 'nasa', 'ruby2.7', 'python2.7-greengrass', 'dotnetcore2.0', 'python3.8',
  'java21', 'dotnet6', 'dotnetcore2.1', 'python3.9', 'java11', 'nodejs6.10', 'provided', 'dotnetcore3.1', 'dotnet8', 'java25', 'java17',
  'nodejs', 'nodejs4.3', 'java8.al2', 'go1.x', 'dotnet10', 'nodejs20.x', 'go1.9', 'byol', 'nodejs10.x', 'provided.al2023', 'nodejs22.x',
  'python3.10', 'java8', 'nodejs12.x', 'python3.11', 'nodejs24.x', 'nodejs8.x', 'python3.12', 'nodejs14.x', 'nodejs8.9', 'nodejs26.x',
  'python3.13', 'python3.14', 'nodejs16.x', 'python3.15', 'provided.al2', 'nodejs4.3-edge', 'nodejs18.x', 'ruby3.2', 'python3.4',
  'ruby3.3', 'ruby3.4', 'ruby2.5', 'python3.6', 'python2.7',
];
const ARCHITECTURES = ['x86_64', 'arm64'];
/** AWS's layer version ARN pattern (it quotes it), newer than botocore's. */
const LAYER_VERSION_ARN =
  '(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)|(arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+)';
const LAYER_VERSION_ARN_RE = new RegExp(`^(?:${LAYER_VERSION_ARN})$`);
const LAYER_ARN_MAX = 2048;

let knownRuntimes: Set<string> | undefined;

const shown = (list: unknown[]) => `'[${list.map(String).join(', ')}]'`;

export type ListConstrainedInput = { CompatibleRuntimes?: string[]; CompatibleArchitectures?: string[]; CompatibleRuntime?: string; Layers?: string[] };

/** The whole-list problems of one request, in Coral's wording, in the order of the request's members. */
function listProblems(model: ServiceModel, operation: string, input: ListConstrainedInput): string[] {
  knownRuntimes ??= new Set([...FILTER_RUNTIMES, ...(model.shapes.Runtime.enum ?? [])]);
  const problems: string[] = [];
  const { CompatibleRuntimes: runtimes, CompatibleArchitectures: architectures, CompatibleRuntime: filter, Layers: layers } = input;
  if (operation === 'PublishLayerVersion') {
    if (runtimes?.some((r) => !knownRuntimes!.has(r))) {
      problems.push(`Value ${shown(runtimes)} at 'compatibleRuntimes' failed to satisfy constraint: Member must satisfy enum value set: [${SUPPORTED_RUNTIMES.join(', ')}]`);
    }
    if (architectures?.some((a) => !ARCHITECTURES.includes(a))) {
      problems.push(
        `Value ${shown(architectures)} at 'compatibleArchitectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${ARCHITECTURES.join(', ')}], Member must not be null]`,
      );
    }
  }
  if ((operation === 'ListLayers' || operation === 'ListLayerVersions') && filter !== undefined && !knownRuntimes.has(filter)) {
    problems.push(`Value '${filter}' at 'compatibleRuntime' failed to satisfy constraint: Member must satisfy enum value set: [${FILTER_RUNTIMES.join(', ')}]`);
  }
  if (layers?.some((arn) => typeof arn !== 'string' || !arn.length || arn.length > LAYER_ARN_MAX || !LAYER_VERSION_ARN_RE.test(arn))) {
    problems.push(
      `Value ${shown(layers)} at 'layers' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to ${LAYER_ARN_MAX}, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ${LAYER_VERSION_ARN}, Member must not be null]`,
    );
  }
  return problems;
}

const COUNTED = /^(\d+) validation errors? detected: /;

/** Runs the model's checks (`check`) and adds the whole-list problems to what they find, as one ValidationException. */
export function withListConstraints(model: ServiceModel, operation: string, input: ListConstrainedInput, check: () => void): void {
  const own = listProblems(model, operation, input);
  let count = own.length;
  let text = own.join('; ');
  try {
    check();
  } catch (error) {
    const counted = error instanceof AwsError && error.code === 'ValidationException' ? COUNTED.exec(error.message) : null;
    if (!own.length || !counted) throw error;
    count += Number(counted[1]);
    text += `; ${(error as AwsError).message.slice(counted[0].length)}`;
  }
  if (count) throw new AwsError('ValidationException', `${count === 1 ? '1 validation error' : `${count} validation errors`} detected: ${text}`, { status: 400 });
}

/** The model without the member constraints these whole-list checks replace, and with AWS's layer version ARN pattern. */
export function withoutListMemberConstraints(model: ServiceModel): ServiceModel {
  const shapes = { ...model.shapes };
  const free = { type: 'string' as const };
  shapes.UncheckedListMember = free;
  shapes.LayerList = { ...shapes.LayerList, member: { shape: 'UncheckedListMember' } };
  shapes.CompatibleRuntimes = { ...shapes.CompatibleRuntimes, member: { shape: 'UncheckedListMember' } };
  shapes.CompatibleArchitectures = { ...shapes.CompatibleArchitectures, member: { shape: 'UncheckedListMember' } };
  for (const request of ['ListLayersRequest', 'ListLayerVersionsRequest']) {
    const members = { ...shapes[request].members, CompatibleRuntime: { ...shapes[request].members!.CompatibleRuntime, shape: 'UncheckedListMember' } };
    shapes[request] = { ...shapes[request], members };
  }
  shapes.LayerVersionArn = { ...shapes.LayerVersionArn, pattern: LAYER_VERSION_ARN };
  return { ...model, shapes };
}
