import type { GetContextKeysForCustomPolicyCommandInput, GetContextKeysForPrincipalPolicyCommandInput } from '@aws-sdk/client-iam';
import { validateDocument } from '../documents.ts';
import { defaultDocument, findPolicy, type IamContext } from '../entities.ts';
import type { PolicyHolder } from '../state.ts';
import { holderFor } from './simulate.ts';

/** Condition keys and policy variables (`${aws:username}`) a document refers to, as written, each once regardless of case. */
function keysOf(text: string, into: Map<string, string>): void {
  const document = JSON.parse(text) as { Statement?: unknown };
  const statements = ([] as unknown[]).concat(document.Statement ?? []);
  for (const statement of statements as Array<Record<string, unknown>>) {
    for (const operands of Object.values((statement.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
      for (const key of Object.keys(operands ?? {})) if (!into.has(key.toLowerCase())) into.set(key.toLowerCase(), key);
    }
    for (const match of JSON.stringify([statement.Resource, statement.NotResource, statement.Condition]).matchAll(/\$\{([^}]+)\}/g)) {
      const key = match[1];
      if (!/^[*?$]$/.test(key) && !into.has(key.toLowerCase())) into.set(key.toLowerCase(), key);
    }
  }
}

function contextKeys(texts: string[]) {
  const keys = new Map<string, string>();
  for (const text of texts) keysOf(text, keys);
  return { ContextKeyNames: [...keys.values()] };
}

export function getContextKeysForCustomPolicy(input: GetContextKeysForCustomPolicyCommandInput, _ctx: IamContext) {
  for (const text of input.PolicyInputList!) validateDocument(text, 'identity');
  return contextKeys(input.PolicyInputList!);
}

/** The keys of an entity's own policies (inline and attached; a user's groups' too) and of the extra documents given. */
export function getContextKeysForPrincipalPolicy(input: GetContextKeysForPrincipalPolicyCommandInput, ctx: IamContext) {
  const holder = holderFor(ctx, input.PolicySourceArn!);
  const holders: PolicyHolder[] = [holder];
  if (holder.kind === 'user') for (const group of (holder as PolicyHolder & { groups: Set<string> }).groups) holders.push(ctx.state.groups.get(group)!);
  const texts = holders.flatMap((h) => [
    ...h.inline.values(),
    ...[...h.attached.keys()].flatMap((arn) => {
      const policy = findPolicy(ctx.state, arn);
      return policy ? [defaultDocument(policy)] : [];
    }),
  ]);
  for (const text of input.PolicyInputList ?? []) validateDocument(text, 'identity');
  return contextKeys([...texts, ...(input.PolicyInputList ?? [])]);
}
