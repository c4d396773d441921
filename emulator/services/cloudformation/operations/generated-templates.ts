import { randomUUID } from 'node:crypto';
import type {
  CreateGeneratedTemplateInput,
  DeleteGeneratedTemplateInput,
  DescribeGeneratedTemplateInput,
  GetGeneratedTemplateInput,
  ListGeneratedTemplatesInput,
  ResourceDefinition,
  TemplateConfiguration,
  UpdateGeneratedTemplateInput,
} from '@aws-sdk/client-cloudformation';
import { dump } from 'js-yaml';
import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { randomSuffix } from '../engine/run.ts';
import { validationError } from '../errors.ts';
import type { Properties } from '../provider.ts';
import { findResource } from '../registry/scan.ts';
import { listPage } from './describe.ts';
import { requireStack } from './stacks.ts';
import { pageSize } from './type-registration.ts';
import type { CfnContext } from './template-input.ts';

export interface GeneratedResource {
  type: string;
  logicalId: string;
  identifier: Record<string, string>;
  status: 'PENDING' | 'IN_PROGRESS' | 'FAILED' | 'COMPLETE';
  reason?: string;
  properties?: Properties;
}

export interface GeneratedTemplate {
  id: string;
  name: string;
  status: 'COMPLETE' | 'FAILED';
  statusReason?: string;
  created: Date;
  updated: Date;
  stackId?: string;
  configuration: TemplateConfiguration;
  resources: GeneratedResource[];
}

const nullMember = (member: string) => validationError(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);

function notFound(name: string): AwsError {
  return new AwsError('GeneratedTemplateNotFoundException', `Generated template ${name} not found.`);
}

/** A generated template by name or id (ARN). */
function templateOf(ctx: CfnContext, nameOrId: string | undefined): GeneratedTemplate {
  if (nameOrId === undefined) throw nullMember('generatedTemplateName');
  const found = [...ctx.state.generatedTemplates.values()].find((t) => t.name === nameOrId || t.id === nameOrId);
  if (!found) throw notFound(nameOrId);
  return found;
}

function checkName(name: string | undefined): string {
  if (name === undefined) throw nullMember('generatedTemplateName');
  if (name.length < 1 || name.length > 128) throw validationError(`1 validation error detected: Value '${name}' at 'generatedTemplateName' failed to satisfy constraint: Member must have length less than or equal to 128`);
  return name;
}

function checkUnique(ctx: CfnContext, name: string): void {
  if ([...ctx.state.generatedTemplates.values()].some((t) => t.name === name)) throw new AwsError('AlreadyExistsException', `Generated template ${name} already exists.`);
}

/** A logical id as the IaC generator makes one: the type's service and name, the resource's identifier, a suffix. */
function logicalIdFor(type: string, identifier: Record<string, string>): string {
  const typePart = type.split('::').slice(1).join('');
  const idPart = Object.values(identifier).join('').replace(/[^A-Za-z0-9]/g, '').slice(-40);
  return `${typePart}00${idPart}00${randomSuffix().replace(/[^A-Za-z0-9]/g, '').slice(0, 5)}`;
}

function resourcesFrom(definitions: ResourceDefinition[] | undefined, taken: Set<string>): GeneratedResource[] {
  return (definitions ?? []).map((d) => {
    if (d.ResourceType === undefined) throw nullMember('resources.member.resourceType');
    if (d.ResourceIdentifier === undefined || !Object.keys(d.ResourceIdentifier).length) throw nullMember('resources.member.resourceIdentifier');
    const logicalId = d.LogicalResourceId ?? logicalIdFor(d.ResourceType, d.ResourceIdentifier);
    if (taken.has(logicalId)) throw validationError(`Duplicate logical resource id ${logicalId}`);
    taken.add(logicalId);
    return { type: d.ResourceType, logicalId, identifier: d.ResourceIdentifier, status: 'PENDING' };
  });
}

/** Reads each resource not yet read from its service (as the caller); the template is COMPLETE when all were found. */
async function generate(ctx: CfnContext, template: GeneratedTemplate, refresh = false): Promise<void> {
  for (const resource of template.resources) {
    if (resource.status === 'COMPLETE' && !refresh) continue;
    const found = await findResource(ctx, resource.type, resource.identifier);
    if (found) Object.assign(resource, { status: 'COMPLETE', reason: undefined, properties: JSON.parse(JSON.stringify(found.properties)) });
    else Object.assign(resource, { status: 'FAILED', reason: `Resource of type ${resource.type} with identifier ${JSON.stringify(resource.identifier)} was not found or cannot be read`, properties: undefined });
  }
  const failed = template.resources.filter((r) => r.status === 'FAILED').length;
  template.status = failed ? 'FAILED' : 'COMPLETE';
  template.statusReason = failed ? `${failed} resource(s) could not be read` : undefined;
  template.updated = ctx.emulator.clock.date();
}

const POLICY = { DELETE: 'Delete', RETAIN: 'Retain' } as const;

function templateDocument(template: GeneratedTemplate): Record<string, unknown> {
  const deletion = POLICY[template.configuration.DeletionPolicy ?? 'RETAIN'];
  const replace = POLICY[template.configuration.UpdateReplacePolicy ?? 'RETAIN'];
  const resources = template.resources.filter((r) => r.status === 'COMPLETE');
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Metadata: { AWSToolsMetrics: { IaC_Generator: template.id } },
    Resources: Object.fromEntries(resources.map((r) => [r.logicalId, { UpdateReplacePolicy: replace, Type: r.type, DeletionPolicy: deletion, Properties: r.properties }])),
  };
}

function checkConfiguration(configuration: TemplateConfiguration | undefined): TemplateConfiguration {
  for (const [member, value] of Object.entries(configuration ?? {})) {
    if (value !== undefined && !Object.hasOwn(POLICY, value)) {
      throw validationError(`1 validation error detected: Value '${value}' at 'templateConfiguration.${member[0].toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must satisfy enum value set: [DELETE, RETAIN]`);
    }
  }
  return { DeletionPolicy: configuration?.DeletionPolicy ?? 'RETAIN', UpdateReplacePolicy: configuration?.UpdateReplacePolicy ?? 'RETAIN' };
}

/** Generates a template from existing resources (the IaC generator): each is read from its service now. */
export async function createGeneratedTemplate(input: CreateGeneratedTemplateInput, ctx: CfnContext) {
  const name = checkName(input.GeneratedTemplateName);
  checkUnique(ctx, name);
  if ((input.Resources?.length ?? 0) > 500) throw new AwsError('LimitExceededException', 'A generated template can have at most 500 resources.');
  const stackId = input.StackName === undefined ? undefined : requireStack(ctx, input.StackName).stackId;
  const now = ctx.emulator.clock.date();
  const template: GeneratedTemplate = {
    id: buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `generatedTemplate/${randomUUID()}` }),
    name,
    status: 'COMPLETE',
    created: now,
    updated: now,
    stackId,
    configuration: checkConfiguration(input.TemplateConfiguration),
    resources: resourcesFrom(input.Resources, new Set()),
  };
  await generate(ctx, template);
  ctx.state.generatedTemplates.set(template.id, template);
  return { GeneratedTemplateId: template.id };
}

export async function updateGeneratedTemplate(input: UpdateGeneratedTemplateInput, ctx: CfnContext) {
  const template = templateOf(ctx, input.GeneratedTemplateName);
  if (input.NewGeneratedTemplateName !== undefined && input.NewGeneratedTemplateName !== template.name) checkUnique(ctx, checkName(input.NewGeneratedTemplateName));
  const configuration = input.TemplateConfiguration ? checkConfiguration({ ...template.configuration, ...input.TemplateConfiguration }) : template.configuration;
  const removed = new Set(input.RemoveResources ?? []);
  const unknown = [...removed].filter((id) => !template.resources.some((r) => r.logicalId === id));
  if (unknown.length) throw validationError(`Resources [${unknown.join(', ')}] are not in generated template ${template.name}`);
  const kept = template.resources.filter((r) => !removed.has(r.logicalId));
  const added = resourcesFrom(input.AddResources, new Set(kept.map((r) => r.logicalId)));
  Object.assign(template, { name: input.NewGeneratedTemplateName ?? template.name, configuration, resources: [...kept, ...added] });
  await generate(ctx, template, input.RefreshAllResources === true);
  return { GeneratedTemplateId: template.id };
}

export function describeGeneratedTemplate(input: DescribeGeneratedTemplateInput, ctx: CfnContext) {
  const template = templateOf(ctx, input.GeneratedTemplateName);
  const count = (status: string) => template.resources.filter((r) => r.status === status).length;
  return {
    GeneratedTemplateId: template.id,
    GeneratedTemplateName: template.name,
    Resources: template.resources.map((r) => ({ ResourceType: r.type, LogicalResourceId: r.logicalId, ResourceIdentifier: r.identifier, ResourceStatus: r.status, ResourceStatusReason: r.reason, Warnings: [] })),
    Status: template.status,
    StatusReason: template.statusReason,
    CreationTime: template.created,
    LastUpdatedTime: template.updated,
    Progress: { ResourcesSucceeded: count('COMPLETE'), ResourcesFailed: count('FAILED'), ResourcesProcessing: 0, ResourcesPending: 0 },
    StackId: template.stackId,
    TemplateConfiguration: template.configuration,
    TotalWarnings: 0,
  };
}

/** The generated template, JSON (the default) or YAML. */
export function getGeneratedTemplate(input: GetGeneratedTemplateInput, ctx: CfnContext) {
  const template = templateOf(ctx, input.GeneratedTemplateName);
  if (input.Format !== undefined && input.Format !== 'JSON' && input.Format !== 'YAML') {
    throw validationError(`1 validation error detected: Value '${input.Format}' at 'format' failed to satisfy constraint: Member must satisfy enum value set: [JSON, YAML]`);
  }
  const document = templateDocument(template);
  return { Status: template.status, TemplateBody: input.Format === 'YAML' ? dump(document, { noRefs: true, lineWidth: -1 }) : JSON.stringify(document, null, 2) };
}

export function listGeneratedTemplates(input: ListGeneratedTemplatesInput, ctx: CfnContext) {
  const all = [...ctx.state.generatedTemplates.values()].reverse();
  return listPage('Summaries', all, input.NextToken, pageSize(input.MaxResults), (t) => ({
    GeneratedTemplateId: t.id,
    GeneratedTemplateName: t.name,
    Status: t.status,
    StatusReason: t.statusReason,
    CreationTime: t.created,
    LastUpdatedTime: t.updated,
    NumberOfResources: t.resources.length,
  }));
}

export function deleteGeneratedTemplate(input: DeleteGeneratedTemplateInput, ctx: CfnContext) {
  ctx.state.generatedTemplates.delete(templateOf(ctx, input.GeneratedTemplateName).id);
  return {};
}
