import { policySize } from '../../../core/policy/index.ts';
import type { Handler } from '../../../core/service.ts';
import { POLICY_QUOTAS, validateDocument } from '../documents.ts';
import { encodedDocument, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { HOLDER_KINDS, requireHolder, type HolderKind } from '../holders.ts';
import { paginate } from '../paging.ts';

interface InlineInput {
  UserName?: string;
  GroupName?: string;
  RoleName?: string;
  PolicyName?: string;
  PolicyDocument?: string;
  Marker?: string;
  MaxItems?: number;
}

/** Put/Get/Delete/List<Kind>Policy/Policies for users, groups and roles: the same rules for each kind. */
function inlineOperations(kind: HolderKind): Record<string, Handler> {
  const { nameMember, title } = HOLDER_KINDS[kind];
  const holderOf = (input: InlineInput, ctx: IamContext) => requireHolder(ctx.state, kind, input[nameMember]!);
  const notFound = (name: string) => IamErrors.noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
  return {
    [`Put${title}Policy`]: (input: InlineInput, ctx: IamContext) => {
      const holder = holderOf(input, ctx);
      validateDocument(input.PolicyDocument!, 'identity');
      // The quota counts every inline policy of the entity together.
      let total = policySize(input.PolicyDocument!);
      for (const [name, text] of holder.inline) if (name !== input.PolicyName) total += policySize(text);
      const quota = POLICY_QUOTAS.inline[kind];
      if (total > quota) throw IamErrors.limitExceeded(`Maximum policy size of ${quota} bytes exceeded for ${kind} ${holder.name}`);
      holder.inline.set(input.PolicyName!, input.PolicyDocument!);
      return {};
    },
    [`Get${title}Policy`]: (input: InlineInput, ctx: IamContext) => {
      const holder = holderOf(input, ctx);
      const text = holder.inline.get(input.PolicyName!);
      if (text === undefined) throw notFound(input.PolicyName!);
      return { [nameMember]: holder.name, PolicyName: input.PolicyName, PolicyDocument: encodedDocument(text) };
    },
    [`Delete${title}Policy`]: (input: InlineInput, ctx: IamContext) => {
      const holder = holderOf(input, ctx);
      if (!holder.inline.delete(input.PolicyName!)) throw notFound(input.PolicyName!);
      return {};
    },
    [`List${title}Policies`]: (input: InlineInput, ctx: IamContext) => {
      const holder = holderOf(input, ctx);
      const page = paginate([...holder.inline.keys()].sort(), input);
      return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  };
}

export const inlinePolicyOperations: Record<string, Handler> = {
  ...inlineOperations('user'),
  ...inlineOperations('group'),
  ...inlineOperations('role'),
};
