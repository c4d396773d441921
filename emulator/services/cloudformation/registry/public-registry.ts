import { buildArn } from '../../../core/arn.ts';
import type { CfnContext } from '../operations/template-input.ts';
import type { CloudFormationState } from '../state.ts';
import type { PrivateType, PublicVersion } from './model.ts';

/** A third-party public type's ARN: no account, the publisher's id, then the type name (`::` as `-`). */
export function publicTypeArn(region: string, kind: string, publisherId: string, typeName: string): string {
  return buildArn({ service: 'cloudformation', region, accountId: '', resource: `type/${kind.toLowerCase()}/${publisherId}/${typeName.replaceAll('::', '-')}` });
}

/** What a third-party public type ARN names. */
export function parsePublicTypeArn(arn: string): { region: string; kind: string; publisherId: string; dashed: string } | undefined {
  const match = /^arn:aws[A-Za-z0-9-]{0,64}:cloudformation:([A-Za-z0-9-]{1,64})::type\/(resource|module|hook)\/([0-9a-zA-Z]{12,40})\/([^/]+)$/.exec(arn);
  return match ? { region: match[1], kind: match[2].toUpperCase(), publisherId: match[3], dashed: match[4] } : undefined;
}

/** Every published type of the region: the publishers' accounts hold them; every account sees them (ListTypes with Visibility PUBLIC shows them as third-party types). */
export function allPublished(ctx: CfnContext): { type: PrivateType; publisherId: string }[] {
  const found: { type: PrivateType; publisherId: string }[] = [];
  for (const [name, store] of ctx.emulator.stores()) {
    if (name !== 'cloudformation') continue;
    for (const [key, state] of store.entries()) {
      const registry = (state as CloudFormationState).registry;
      if (!key.endsWith(`/${ctx.region}`) || !registry.publisher) continue;
      for (const type of registry.types.values()) if (type.published?.length) found.push({ type, publisherId: registry.publisher.id });
    }
  }
  return found;
}

/** A published type of the region, by its publisher and kind. */
export function findPublished(ctx: CfnContext, kind: string, publisherId: string, matches: (type: PrivateType) => boolean): PrivateType | undefined {
  return allPublished(ctx).find((p) => p.publisherId === publisherId && p.type.kind === kind && matches(p.type))?.type;
}

const parts = (version: string) => version.split('.').map((p) => Number.parseInt(p, 10));

/** Whether semantic version `a` comes after `b` (MAJOR, then MINOR, then PATCH). */
export function isLater(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}

/** The next public version when none is given: one minor version up. */
export function nextMinor(version: string): string {
  const [major, minor] = parts(version);
  return `${major}.${minor + 1}.0`;
}

/** The newest public version (of one major version, if given). */
export function latestPublic(type: PrivateType, major?: number): PublicVersion | undefined {
  const versions = (type.published ?? []).filter((v) => major === undefined || parts(v.number)[0] === major);
  return versions.reduce<PublicVersion | undefined>((best, v) => (!best || isLater(v.number, best.number) ? v : best), undefined);
}
