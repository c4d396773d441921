import type { Tag } from '@aws-sdk/client-iam';
import type { Handler } from '../../../core/service.ts';
import { requireInstanceProfile, requirePolicy, requireRole, requireUser, type IamContext } from '../entities.ts';
import { requireOidcProvider, requireSamlProvider } from './identity-providers.ts';
import { requireMfaDevice } from './mfa-devices.ts';
import { requireServerCertificate } from './server-certificates.ts';
import { paginate } from '../paging.ts';
import { mergeTags, removeTags } from '../tags.ts';

interface TagInput {
  UserName?: string;
  RoleName?: string;
  PolicyArn?: string;
  InstanceProfileName?: string;
  SerialNumber?: string;
  OpenIDConnectProviderArn?: string;
  SAMLProviderArn?: string;
  ServerCertificateName?: string;
  Tags?: Tag[];
  TagKeys?: string[];
  Marker?: string;
  MaxItems?: number;
}

type Tagged = { tags: Tag[] };

/** Tag<X>, Untag<X> and List<X>Tags for one kind of taggable entity. */
function tagOperations(title: string, find: (ctx: IamContext, input: TagInput) => Tagged): Record<string, Handler> {
  return {
    [`Tag${title}`]: (input: TagInput, ctx: IamContext) => {
      const entity = find(ctx, input);
      entity.tags = mergeTags(entity.tags, input.Tags!);
      return {};
    },
    [`Untag${title}`]: (input: TagInput, ctx: IamContext) => {
      const entity = find(ctx, input);
      entity.tags = removeTags(entity.tags, input.TagKeys!);
      return {};
    },
    [`List${title}Tags`]: (input: TagInput, ctx: IamContext) => {
      const page = paginate(find(ctx, input).tags, input);
      return { Tags: page.items.map((t) => ({ Key: t.Key, Value: t.Value })), IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  };
}

export const entityTagOperations: Record<string, Handler> = {
  ...tagOperations('User', (ctx, input) => requireUser(ctx.state, input.UserName!)),
  ...tagOperations('Role', (ctx, input) => requireRole(ctx.state, input.RoleName!)),
  ...tagOperations('Policy', (ctx, input) => requirePolicy(ctx.state, input.PolicyArn!)),
  ...tagOperations('InstanceProfile', (ctx, input) => requireInstanceProfile(ctx.state, input.InstanceProfileName!)),
  ...tagOperations('MFADevice', (ctx, input) => requireMfaDevice(ctx, input.SerialNumber!)),
  ...tagOperations('OpenIDConnectProvider', (ctx, input) => requireOidcProvider(ctx, input.OpenIDConnectProviderArn!)),
  ...tagOperations('SAMLProvider', (ctx, input) => requireSamlProvider(ctx, input.SAMLProviderArn!)),
  ...tagOperations('ServerCertificate', (ctx, input) => requireServerCertificate(ctx, input.ServerCertificateName!)),
};
