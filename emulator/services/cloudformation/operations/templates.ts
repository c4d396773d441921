import type { GetTemplateInput, GetTemplateSummaryInput, ValidateTemplateInput } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import { parseTemplate, type Template } from '../template/parse.ts';
import { declaredTransforms } from '../transforms/index.ts';
import { findChangeSet } from './change-sets.ts';
import { resourceType } from '../engine/types.ts';
import { requireStack } from './stacks.ts';
import { checkTemplate, requiredCapabilities, templateFrom, type CfnContext } from './template-input.ts';

export function getTemplate(input: GetTemplateInput, ctx: CfnContext) {
  if (!input.StackName && !input.ChangeSetName) throw validationError('StackName is required if ChangeSetName is not specified.');
  if (input.ChangeSetName && !input.StackName && !input.ChangeSetName.startsWith('arn:')) throw validationError('StackName is a required parameter.');
  // A change set's template, or the stack's.
  const settings = input.ChangeSetName ? findChangeSet(ctx, input.ChangeSetName, input.StackName) : requireStack(ctx, input.StackName);
  // The processed template is the original unless transforms (or Fn::Transform snippets) changed it: it is then JSON.
  const transformed = JSON.stringify(parseTemplate(settings.templateBody)) !== JSON.stringify(settings.template);
  const body = input.TemplateStage === 'Processed' && transformed ? JSON.stringify(settings.template) : settings.templateBody;
  return { TemplateBody: body, StagesAvailable: ['Original', 'Processed'] as never };
}

function capabilitiesOf(template: Template) {
  const { capability, reason } = requiredCapabilities(template);
  return capability ? { Capabilities: [capability] as never, CapabilitiesReason: reason } : {};
}

export async function validateTemplate(input: ValidateTemplateInput, ctx: CfnContext) {
  const { template, transforms } = await templateFrom(input, ctx);
  checkTemplate(template, ctx);
  return {
    Parameters: Object.entries(template.Parameters ?? {}).map(([key, p]) => ({
      ParameterKey: key,
      DefaultValue: p.Default === undefined ? undefined : String(p.Default),
      NoEcho: String(p.NoEcho) === 'true',
      Description: p.Description,
    })),
    Description: template.Description,
    ...capabilitiesOf(template),
    ...declared(transforms),
  };
}

/** DeclaredTransforms as AWS gives it: only when the template declares some. */
function declared(transforms: string[]) {
  return transforms.length ? { DeclaredTransforms: transforms } : {};
}

/**
 * Per resource type, the template's resources of it and the properties that identify one for an import (the primary
 * identifier of the types that can be imported here).
 */
async function identifierSummaries(template: Template) {
  const byType = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(template.Resources ?? {})) byType.set(resource.Type, [...(byType.get(resource.Type) ?? []), id]);
  return Promise.all(
    [...byType].map(async ([type, ids]) => {
      const handlers = type.startsWith('Custom::') ? undefined : await resourceType(type);
      const identifiers = handlers?.adopt && handlers.primaryIdentifier ? { ResourceIdentifiers: [...handlers.primaryIdentifier] } : {};
      return { ResourceType: type, LogicalResourceIds: ids, ...identifiers };
    }),
  );
}

export async function getTemplateSummary(input: GetTemplateSummaryInput, ctx: CfnContext) {
  let template: Template;
  let transforms: string[];
  if (input.StackName) {
    const stack = requireStack(ctx, input.StackName);
    if (stack.status === 'REVIEW_IN_PROGRESS') throw validationError('GetTemplateSummary cannot be called on REVIEW_IN_PROGRESS stacks.');
    template = stack.template;
    transforms = declaredTransforms(parseTemplate(stack.templateBody));
  } else if (input.TemplateBody !== undefined || input.TemplateURL !== undefined) {
    ({ template, transforms } = await templateFrom(input, ctx));
    checkTemplate(template, ctx);
  } else throw validationError('Either Template URL or Template Body or StackName must be specified.');
  const resources = Object.entries(template.Resources ?? {});
  return {
    Parameters: Object.entries(template.Parameters ?? {}).map(([key, p]) => ({
      ParameterKey: key,
      DefaultValue: p.Default === undefined ? undefined : String(p.Default),
      ParameterType: p.Type,
      NoEcho: String(p.NoEcho) === 'true',
      Description: p.Description,
      ParameterConstraints: p.AllowedValues ? { AllowedValues: (p.AllowedValues as unknown[]).map(String) } : {},
    })),
    Description: template.Description,
    ...capabilitiesOf(template),
    ResourceTypes: [...new Set(resources.map(([, r]) => r.Type))],
    // The only template version there is; AWS reports it whether the template names it or not.
    Version: String(template.AWSTemplateFormatVersion ?? '2010-09-09'),
    Metadata: template.Metadata === undefined ? undefined : JSON.stringify(template.Metadata),
    ...declared(transforms),
    ResourceIdentifierSummaries: await identifierSummaries(template),
  };
}
