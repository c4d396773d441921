import assert from 'node:assert/strict';
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceCommand,
  DescribeStackResourceDriftsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  GetTemplateCommand,
  UpdateStackCommand,
  type Capability,
  type Change,
  type Stack,
  type StackResourceDrift,
} from '@aws-sdk/client-cloudformation';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { startTwinstack, type Twinstack, type TwinstackOptions } from '../../emulator/index.ts';

export const CLIENT_CONFIG = { region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };

/** Serves every service for the enclosing describe block, with an AWS SDK v3 CloudFormation client. */
export function serveCloudFormation(ready: (aws: Twinstack, cfn: CloudFormationClient) => void, options: TwinstackOptions = {}): void {
  let aws: Twinstack | undefined;
  let cfn: CloudFormationClient | undefined;
  before(async () => {
    aws = await startTwinstack({ port: 0, ...options });
    cfn = new CloudFormationClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    ready(aws, cfn);
  });
  after(async () => {
    cfn?.destroy();
    await aws?.stop();
  });
}

/** A service's SDK v3 client class, made with an endpoint and CLIENT_CONFIG. */
type ServiceClient = new (config: { endpoint: string } & typeof CLIENT_CONFIG) => { destroy(): void };

/**
 * serveCloudFormation with clients of other services (`{ ssm: SSMClient }`): what most resource-type tests set up. The
 * returned object holds them by the names given, with `aws` and `cfn`, once the block's tests run; the clients are
 * destroyed after them.
 */
export function serveWithClients<T extends Record<string, ServiceClient>>(
  classes: T,
  options: TwinstackOptions = {},
): { aws: Twinstack; cfn: CloudFormationClient } & { [K in keyof T]: InstanceType<T[K]> } {
  const served = {} as { aws: Twinstack; cfn: CloudFormationClient } & { [K in keyof T]: InstanceType<T[K]> };
  serveCloudFormation((aws, cfn) => {
    const clients = Object.entries(classes).map(([name, Client]) => [name, new Client({ endpoint: aws.endpoint, ...CLIENT_CONFIG })]);
    Object.assign(served, { aws, cfn, ...Object.fromEntries(clients) });
  }, options);
  after(() => {
    for (const name of Object.keys(classes)) (served[name] as { destroy(): void } | undefined)?.destroy();
  });
  return served;
}

/** Polls DescribeStacks until the stack's operation ends (REVIEW_IN_PROGRESS waits for a change set: it counts as ended). */
export async function settled(cfn: CloudFormationClient, stackName: string): Promise<Stack> {
  for (;;) {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = Stacks![0];
    if (!stack.StackStatus!.endsWith('_IN_PROGRESS') || stack.StackStatus === 'REVIEW_IN_PROGRESS') return stack;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The value of a stack's output. */
export function output(stack: Stack, key: string): string {
  return stack.Outputs!.find((o) => o.OutputKey === key)!.OutputValue!;
}

/** Creates (or updates) a stack and waits for it, failing with the resources' reasons when it does not complete. */
export async function deploy(cfn: CloudFormationClient, name: string, template: string, parameters: Record<string, string> = {}, update = false): Promise<Stack> {
  const input = { StackName: name, TemplateBody: template, Capabilities: ['CAPABILITY_IAM' as const], Parameters: parameterList(parameters) };
  await cfn.send(update ? new UpdateStackCommand(input) : new CreateStackCommand(input));
  return completed(cfn, name);
}

/** Waits for the stack's operation, failing with the resources' reasons when it does not complete. */
async function completed(cfn: CloudFormationClient, name: string): Promise<Stack> {
  const stack = await settled(cfn, name);
  if (!/^(CREATE|UPDATE)_COMPLETE$/.test(stack.StackStatus!)) {
    const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: name }));
    assert.fail(`${stack.StackStatus}: ${stack.StackStatusReason} ${JSON.stringify(StackResources!.filter((r) => r.ResourceStatusReason).map((r) => r.ResourceStatusReason))}`);
  }
  return stack;
}

/** The physical id of a stack's resource (DescribeStackResource). */
export async function physicalId(cfn: CloudFormationClient, stackName: string, logicalId: string): Promise<string> {
  const { StackResourceDetail } = await cfn.send(new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: logicalId }));
  return StackResourceDetail!.PhysicalResourceId!;
}

/** What a SAM template needs to be deployed. */
export const SAM_CAPABILITIES: Capability[] = ['CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND'];

const parameterList = (parameters: Record<string, string>) => Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));

/** A processed template (what GetTemplate TemplateStage=Processed gives), parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary template members
export type ProcessedTemplate = { Resources: Record<string, any>; [section: string]: any };

/** Creates a stack of a template with a transform (SAM's), waits for CREATE_COMPLETE, and returns it with its processed template. */
export async function deployTransformed(cfn: CloudFormationClient, name: string, template: string, parameters: Record<string, string> = {}): Promise<{ stack: Stack; processed: ProcessedTemplate }> {
  await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: template, Capabilities: SAM_CAPABILITIES, Parameters: parameterList(parameters) }));
  const stack = await completed(cfn, name);
  const { TemplateBody } = await cfn.send(new GetTemplateCommand({ StackName: name, TemplateStage: 'Processed' }));
  return { stack, processed: JSON.parse(TemplateBody!) };
}

/** CreateStack of a template with a transform must be refused with this ValidationError message (the transform's failure). */
export async function transformRefused(cfn: CloudFormationClient, name: string, template: string, message: string): Promise<void> {
  await assert.rejects(cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: template, Capabilities: SAM_CAPABILITIES })), { name: 'ValidationError', message });
}

/** Creates a CREATE change set of a template with a transform and returns the processed template and the change list, failing unless it is ready. */
export async function transformedChangeSet(cfn: CloudFormationClient, name: string, template: string, parameters: Record<string, string> = {}): Promise<{ processed: ProcessedTemplate; changes: Change[] }> {
  const { Id } = await cfn.send(new CreateChangeSetCommand({ StackName: name, ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: template, Parameters: parameterList(parameters), Capabilities: SAM_CAPABILITIES }));
  const described = await changeSetSettled(cfn, Id!);
  assert.equal(described.Status, 'CREATE_COMPLETE', described.StatusReason);
  const { TemplateBody } = await cfn.send(new GetTemplateCommand({ StackName: name, ChangeSetName: Id, TemplateStage: 'Processed' }));
  return { processed: JSON.parse(TemplateBody!), changes: described.Changes! };
}

/** Polls DescribeChangeSet (with property values) until the change set is no longer being created. */
export async function changeSetSettled(cfn: CloudFormationClient, id: string) {
  for (;;) {
    const described = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: id, IncludePropertyValues: true }));
    if (!/PENDING|IN_PROGRESS/.test(described.Status!)) return described;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** PUTs a body to an https URL of the emulator (a presigned ResponseURL or wait condition handle), trusting its certificate. */
export async function putTrusting(aws: Twinstack, url: string, body: string): Promise<{ status: number; text: string }> {
  const { caFile } = await aws.tls!.identity();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', ca: readFileSync(caFile, 'utf8'), headers: { 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Polls the stack's events until CloudFormation has created the resource and waits for it (its "Resource creation Initiated" event). */
export async function creationInitiated(cfn: CloudFormationClient, stackName: string, logicalId: string): Promise<void> {
  for (;;) {
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName }));
    if (StackEvents!.some((e) => e.LogicalResourceId === logicalId && e.ResourceStatusReason === 'Resource creation Initiated')) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Creates a stack whose resource must fail: waits for ROLLBACK_COMPLETE and returns that resource's CREATE_FAILED reason. */
export async function creationFailure(cfn: CloudFormationClient, name: string, template: string, logicalId: string): Promise<string> {
  await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: template, Capabilities: ['CAPABILITY_IAM'] }));
  assert.equal((await settled(cfn, name)).StackStatus, 'ROLLBACK_COMPLETE');
  const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: name }));
  return StackEvents!.find((e) => e.LogicalResourceId === logicalId && e.ResourceStatus === 'CREATE_FAILED')!.ResourceStatusReason!;
}

/** Deletes a stack and waits until it is gone. */
export async function deleteStack(cfn: CloudFormationClient, stack: Stack): Promise<void> {
  await cfn.send(new DeleteStackCommand({ StackName: stack.StackId }));
  assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
}

/** Runs DetectStackDrift on a stack and answers its status and each resource's drift by logical id. */
export async function stackDrift(cfn: CloudFormationClient, stackName: string): Promise<{ status: string; resources: Record<string, StackResourceDrift> }> {
  const { StackDriftDetectionId } = await cfn.send(new DetectStackDriftCommand({ StackName: stackName }));
  const detection = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId }));
  assert.equal(detection.DetectionStatus, 'DETECTION_COMPLETE', detection.DetectionStatusReason);
  const { StackResourceDrifts } = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: stackName }));
  return { status: detection.StackDriftStatus!, resources: Object.fromEntries(StackResourceDrifts!.map((d) => [d.LogicalResourceId!, d])) };
}

/** A private resource type's schema, as its registration package's schema.json holds it (a name and an id). */
export const typeSchema = (typeName: string) => ({
  typeName,
  description: 'A widget',
  properties: { Name: { type: 'string' }, Id: { type: 'string' } },
  primaryIdentifier: ['/properties/Id'],
  readOnlyProperties: ['/properties/Id'],
  additionalProperties: false,
  handlers: { create: { permissions: [] }, read: { permissions: [] }, delete: { permissions: [] } },
});
