import type { LabelParameterVersionCommandInput, UnlabelParameterVersionCommandInput } from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { current, nameOf, type SsmContext } from '../parameters.ts';
import type { Parameter, ParameterVersion } from '../state.ts';

const MAX_LABELS_PER_VERSION = 10;

/** Labels: up to 100 letters, digits, `.`, `-`, `_`; not starting with a digit, `aws` or `ssm`. */
function validLabel(label: string): boolean {
  return /^[A-Za-z0-9._-]{1,100}$/.test(label) && !/^\d/.test(label) && !/^(aws|ssm)/i.test(label);
}

function versionOf(parameter: Parameter, requested: number | undefined): ParameterVersion {
  if (requested === undefined) return current(parameter);
  const version = parameter.versions.find((v) => v.version === requested);
  if (!version) throw SsmErrors.versionNotFound(parameter.name, String(requested));
  return version;
}

function requireParameter(ctx: SsmContext, reference: string): Parameter {
  const parameter = ctx.state.parameters.get(nameOf(ctx, reference));
  if (!parameter) throw SsmErrors.notFound();
  return parameter;
}

/** A label names one version of a parameter: attaching it moves it off the version that had it. */
export function labelParameterVersion(input: LabelParameterVersionCommandInput, ctx: SsmContext) {
  const parameter = requireParameter(ctx, input.Name!);
  const version = versionOf(parameter, input.ParameterVersion);
  const invalid = input.Labels!.filter((l) => !validLabel(l));
  const valid = input.Labels!.filter(validLabel);
  const total = new Set([...version.labels, ...valid]);
  if (total.size > MAX_LABELS_PER_VERSION) {
    throw new AwsError('ParameterVersionLabelLimitExceeded', 'A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.');
  }
  for (const label of valid) {
    for (const other of parameter.versions) other.labels.delete(label);
    version.labels.add(label);
  }
  return { InvalidLabels: invalid, ParameterVersion: version.version };
}

export function unlabelParameterVersion(input: UnlabelParameterVersionCommandInput, ctx: SsmContext) {
  const parameter = requireParameter(ctx, input.Name!);
  const version = versionOf(parameter, input.ParameterVersion);
  const removed = input.Labels!.filter((l) => version.labels.delete(l));
  return { RemovedLabels: removed, InvalidLabels: input.Labels!.filter((l) => !removed.includes(l)) };
}
