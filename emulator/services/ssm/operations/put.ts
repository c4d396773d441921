import type { PutParameterCommandInput } from '@aws-sdk/client-ssm';
import { SsmErrors } from '../errors.ts';
import { checkName } from '../names.ts';
import { nameOf, parameterArn, type SsmContext } from '../parameters.ts';
import { DEFAULT_KEY, encryptValue } from '../secure.ts';
import type { Parameter, ParameterVersion } from '../state.ts';
import { settingValue } from './service-settings.ts';
import { checkTagCount, checkTagKeys } from './tags.ts';

/** Parameter Store's limits: value size per tier (characters) and versions kept per parameter. */
const MAX_VALUE = { Standard: 4096, Advanced: 8192 } as const;
const MAX_VERSIONS = 100;

/** The tier a value is stored in; a new parameter without a Tier takes the account's default-parameter-tier setting. */
function tierFor(ctx: SsmContext, input: PutParameterCommandInput, previous: ParameterVersion | undefined): 'Standard' | 'Advanced' {
  const length = input.Value!.length;
  const requested = input.Tier ?? (previous ? undefined : settingValue(ctx, '/ssm/parameter-store/default-parameter-tier'));
  let tier: 'Standard' | 'Advanced';
  if (requested === 'Advanced') tier = 'Advanced';
  else if (requested === 'Intelligent-Tiering') tier = length > MAX_VALUE.Standard || input.Policies ? 'Advanced' : (previous?.tier ?? 'Standard');
  else if (requested === 'Standard') tier = 'Standard';
  else tier = previous?.tier ?? 'Standard';
  if (tier === 'Standard' && previous?.tier === 'Advanced') {
    throw SsmErrors.validation(
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.",
    );
  }
  if (length > MAX_VALUE[tier]) {
    throw SsmErrors.validation(
      tier === 'Standard'
        ? 'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html'
        : 'Advanced tier parameters support a maximum parameter value of 8192 characters.',
    );
  }
  return tier;
}

function checkPattern(pattern: string | undefined, value: string): void {
  if (pattern === undefined) return;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    throw SsmErrors.invalidAllowedPattern();
  }
  if (!regex.test(value)) throw SsmErrors.patternMismatch(pattern);
}

export async function putParameter(input: PutParameterCommandInput, ctx: SsmContext) {
  const name = nameOf(ctx, input.Name!);
  checkName(name);
  const existing = ctx.state.parameters.get(name);
  if (existing && !input.Overwrite) throw SsmErrors.alreadyExists();
  if (input.Tags?.length && input.Overwrite) {
    throw SsmErrors.validation(
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  const previous = existing?.versions[existing.versions.length - 1];
  const type = input.Type ?? previous?.type;
  if (!type) throw SsmErrors.validation('A parameter type is required when you create a parameter.');
  if (input.KeyId !== undefined && type !== 'SecureString') throw SsmErrors.validation('KeyId is required for SecureString type parameter only.');
  const tier = tierFor(ctx, input, previous);
  const allowedPattern = input.AllowedPattern ?? previous?.allowedPattern;
  checkPattern(allowedPattern, input.Value!);
  if (input.Tags) checkTagCount(input.Tags.length);
  checkTagKeys(input.Tags, ctx.caller);
  const parameter: Parameter = existing ?? { name, arn: parameterArn(ctx, name), versions: [], tags: (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })) };
  if (parameter.versions.length >= MAX_VERSIONS) {
    if (parameter.versions[0].labels.size) throw SsmErrors.maxVersions(name);
  }
  const keyId = type === 'SecureString' ? (input.KeyId ?? previous?.keyId ?? DEFAULT_KEY) : undefined;
  const value = type === 'SecureString' ? await encryptValue(ctx, parameter, input.Value!, keyId!) : input.Value!;
  const version: ParameterVersion = {
    version: (previous?.version ?? 0) + 1,
    value,
    type,
    keyId,
    description: input.Description ?? previous?.description,
    allowedPattern,
    tier,
    dataType: input.DataType ?? previous?.dataType ?? 'text',
    labels: new Set(),
    lastModifiedDate: ctx.emulator.clock.date(),
    lastModifiedUser: ctx.caller.arn,
    policies: input.Policies ? [input.Policies] : (previous?.policies ?? []),
  };
  if (parameter.versions.length >= MAX_VERSIONS) parameter.versions.shift();
  parameter.versions.push(version);
  ctx.state.parameters.set(name, parameter);
  return { Version: version.version, Tier: tier };
}
