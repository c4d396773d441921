import type { CfnContext } from '../operations/template-input.ts';
import { checkTypeMembers, parseTypeArn, registryError, typeArn, typeKey, typeNotFound, type ExtensionKind, type PrivateType } from './model.ts';

/** The members that name an extension: its ARN (maybe of a version), or its kind and name (and a version). */
export interface TypeReference {
  Arn?: string;
  Type?: string;
  TypeName?: string;
  VersionId?: string;
}

/** The extension a request names, as kind, name and version (not looked up yet). */
export function referenced(ctx: CfnContext, input: TypeReference): { kind: ExtensionKind; typeName?: string; baseArn: string; version?: string } {
  checkTypeMembers(input);
  if (input.Arn !== undefined) {
    if (input.Type !== undefined || input.TypeName !== undefined) throw registryError('Specify either Arn, or Type and TypeName, not both.');
    const parsed = parseTypeArn(input.Arn);
    if (!parsed) throw registryError('TypeName is invalid');
    const baseArn = input.Arn.slice(0, parsed.version === undefined ? undefined : -(parsed.version.length + 1));
    return { kind: parsed.kind, baseArn, version: parsed.version ?? input.VersionId };
  }
  if (input.Type === undefined || input.TypeName === undefined) throw registryError('Must specify either Arn, or Type and TypeName.');
  const kind = input.Type as ExtensionKind;
  return { kind, typeName: input.TypeName, baseArn: typeArn(ctx, kind, input.TypeName), version: input.VersionId };
}

/** The account's private extension a request names, or AWS's not-found error. */
export function privateType(ctx: CfnContext, input: TypeReference): { type: PrivateType; version?: string } {
  const ref = referenced(ctx, input);
  const type = ref.typeName !== undefined ? ctx.state.registry.types.get(typeKey(ref.kind, ref.typeName)) : [...ctx.state.registry.types.values()].find((t) => t.arn === ref.baseArn);
  if (!type) {
    if (ref.typeName === undefined) throw registryError('TypeName is invalid');
    throw typeNotFound(ref.typeName);
  }
  return { type, version: ref.version };
}

/** Takes an extension out of the account, with its configurations. */
export function removeType(ctx: CfnContext, type: PrivateType): void {
  ctx.state.registry.types.delete(typeKey(type.kind, type.typeName));
  for (const [arn, configuration] of ctx.state.registry.configurations) if (configuration.typeArn === type.arn) ctx.state.registry.configurations.delete(arn);
}
