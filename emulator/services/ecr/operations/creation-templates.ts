import type { CreateRepositoryCreationTemplateRequest, DeleteRepositoryCreationTemplateRequest, DescribeRepositoryCreationTemplatesRequest, RepositoryCreationTemplate, UpdateRepositoryCreationTemplateRequest } from '@aws-sdk/client-ecr';
import { EcrErrors } from '../errors.ts';
import { checkJson } from './policies.ts';
import { checkTags, pageOf, type EcrContext } from './repositories.ts';

type TemplateSettings = Partial<Omit<CreateRepositoryCreationTemplateRequest, 'prefix'>>;

/** The settings a request gives, checked: policies must be JSON, tags within ECR's limits, `appliedFor` not empty. */
function checked(input: TemplateSettings, ctx: EcrContext): TemplateSettings {
  checkTags(input.resourceTags, ctx.caller);
  if (input.appliedFor !== undefined && input.appliedFor.length === 0) throw EcrErrors.invalid("Invalid parameter at 'appliedFor' failed to satisfy constraint: 'Member must have length greater than or equal to 1'");
  if (input.repositoryPolicy) checkJson(input.repositoryPolicy, 'repositoryPolicy');
  if (input.lifecyclePolicy) checkJson(input.lifecyclePolicy, 'lifecyclePolicy');
  const settings = { ...input } as Record<string, unknown>;
  for (const key of Object.keys(settings)) if (settings[key] === undefined) delete settings[key];
  return structuredClone(settings) as TemplateSettings;
}

function templateOf(ctx: EcrContext, prefix: string | undefined): RepositoryCreationTemplate {
  const template = ctx.state.creationTemplates.get(prefix ?? '');
  if (!template) throw EcrErrors.templateNotFound(prefix ?? '', ctx.accountId);
  return template;
}

const answer = (ctx: EcrContext, template: RepositoryCreationTemplate) => ({ registryId: ctx.accountId, repositoryCreationTemplate: structuredClone(template) });

/** The settings ECR gives the repositories it creates itself (replication, pull through cache) under a prefix. */
export function createRepositoryCreationTemplate(input: CreateRepositoryCreationTemplateRequest, ctx: EcrContext) {
  const { prefix, ...settings } = input;
  const given = checked(settings, ctx);
  if (ctx.state.creationTemplates.has(prefix!)) throw EcrErrors.templateExists(prefix!, ctx.accountId);
  const now = ctx.emulator.clock.date();
  const template: RepositoryCreationTemplate = {
    prefix,
    encryptionConfiguration: { encryptionType: 'AES256' },
    resourceTags: [],
    imageTagMutability: 'MUTABLE',
    ...given,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.creationTemplates.set(prefix!, template);
  return answer(ctx, template);
}

export function describeRepositoryCreationTemplates(input: DescribeRepositoryCreationTemplatesRequest, ctx: EcrContext) {
  const all = input.prefixes?.length ? input.prefixes.map((prefix) => templateOf(ctx, prefix)) : [...ctx.state.creationTemplates.values()];
  const { page, nextToken } = pageOf(all, input);
  return { registryId: ctx.accountId, repositoryCreationTemplates: page.map((t) => structuredClone(t)), nextToken };
}

export function updateRepositoryCreationTemplate(input: UpdateRepositoryCreationTemplateRequest, ctx: EcrContext) {
  const { prefix, ...settings } = input;
  const template = templateOf(ctx, prefix);
  Object.assign(template, checked(settings, ctx), { updatedAt: ctx.emulator.clock.date() });
  return answer(ctx, template);
}

export function deleteRepositoryCreationTemplate(input: DeleteRepositoryCreationTemplateRequest, ctx: EcrContext) {
  const template = templateOf(ctx, input.prefix);
  ctx.state.creationTemplates.delete(template.prefix!);
  return answer(ctx, template);
}
