import type { BatchDescribeTypeConfigurationsInput, SetTypeConfigurationInput, TypeConfigurationIdentifier } from '@aws-sdk/client-cloudformation';
import { buildArn } from '../../../core/arn.ts';
import { validationError } from '../errors.ts';
import { privateType } from '../registry/lookup.ts';
import { registryError, type TypeConfiguration } from '../registry/model.ts';
import type { CfnContext } from './template-input.ts';

const nullMember = (member: string) => validationError(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);

/** `…:type-configuration/<kind>/<Name-With-Dashes>/<alias>`, beside the type's ARN. */
function configurationArn(ctx: CfnContext, typeArn: string, alias: string): string {
  const resource = typeArn.slice(typeArn.indexOf(':type/') + 1).replace(/^type\//, 'type-configuration/');
  return buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `${resource}/${alias}` });
}

/** Sets a private extension's configuration (JSON, under an alias, `default` unless named). */
export function setTypeConfiguration(input: SetTypeConfigurationInput, ctx: CfnContext) {
  if (input.Configuration === undefined) throw nullMember('configuration');
  const alias = input.ConfigurationAlias ?? 'default';
  if (!/^[a-zA-Z0-9]{1,256}$/.test(alias)) {
    throw validationError(`1 validation error detected: Value '${alias}' at 'configurationAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{1,256}$`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.Configuration);
  } catch {
    parsed = undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw registryError('Configuration is not a valid JSON object');
  const { type } = privateType(ctx, { Arn: input.TypeArn, Type: input.Type, TypeName: input.TypeName });
  const arn = configurationArn(ctx, type.arn, alias);
  ctx.state.registry.configurations.set(arn, { arn, alias, typeArn: type.arn, typeName: type.typeName, configuration: input.Configuration, updated: ctx.emulator.clock.date() });
  return { ConfigurationArn: arn };
}

function matches(configuration: TypeConfiguration, id: TypeConfigurationIdentifier): boolean {
  if (id.TypeConfigurationArn !== undefined) return configuration.arn === id.TypeConfigurationArn;
  if (id.TypeArn !== undefined && configuration.typeArn !== id.TypeArn) return false;
  if (id.TypeName !== undefined && configuration.typeName !== id.TypeName) return false;
  return configuration.alias === (id.TypeConfigurationAlias ?? 'default');
}

/** The configurations the identifiers name; an identifier naming none is listed in Errors. */
export function batchDescribeTypeConfigurations(input: BatchDescribeTypeConfigurationsInput, ctx: CfnContext) {
  const ids = input.TypeConfigurationIdentifiers;
  // An identifier with nothing in it counts as no identifiers at all, as AWS words it.
  if (!ids?.length || ids.some((id) => id.TypeConfigurationArn === undefined && id.TypeArn === undefined && id.TypeName === undefined)) throw nullMember('typeConfigurationIdentifiers');
  if (ids.length > 100) throw validationError("1 validation error detected: Value at 'typeConfigurationIdentifiers' failed to satisfy constraint: Member must have length less than or equal to 100");
  const all = [...ctx.state.registry.configurations.values()];
  const found: TypeConfiguration[] = [];
  const errors: { ErrorCode: string; ErrorMessage: string; TypeConfigurationIdentifier: TypeConfigurationIdentifier }[] = [];
  for (const id of ids) {
    const hits = all.filter((c) => matches(c, id));
    if (hits.length) found.push(...hits.filter((c) => !found.includes(c)));
    else errors.push({ ErrorCode: 'TypeConfigurationNotFoundException', ErrorMessage: "The specified extension configuration can't be found.", TypeConfigurationIdentifier: id });
  }
  return {
    Errors: errors,
    UnprocessedTypeConfigurations: [],
    TypeConfigurations: found.map((c) => ({ Alias: c.alias, Arn: c.arn, Configuration: c.configuration, LastUpdated: c.updated, TypeArn: c.typeArn, TypeName: c.typeName })),
  };
}
