import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { carried, defined, passedThrough, resolveParameterRefs, s3Location, samIdHash, tagList, TransformErrorFor, withGlobals, type Expansion } from './context.ts';
import { addDeploymentPreference } from './deployment-preference.ts';
import { addEvent, type Invoked } from './events.ts';
import { addEventInvokeConfig } from './event-invoke-config.ts';
import { httpEventProperties } from './http-api.ts';
import { eventOrder } from './implicit-api.ts';
import { executionRole } from './policies.ts';

const tracing = (expansion: Expansion, p: Properties) => !!p.Tracing && resolveParameterRefs(p.Tracing, expansion.parameterValues) !== 'Disabled';

/**
 * The managed policies SAM gives a function's role before its Policies: basic execution, X-Ray's write access with
 * Tracing (unless Disabled; AWSXrayWriteOnlyAccess in the aws partition, AWSXRayDaemonWriteAccess elsewhere) and VPC
 * access with a VpcConfig, as ARNs in the stack region's partition.
 */
function roleManagedPolicies(expansion: Expansion, p: Properties): string[] {
  const arn = (name: string) => `arn:${expansion.partition}:iam::aws:policy/${name}`;
  const arns = [arn('service-role/AWSLambdaBasicExecutionRole')];
  if (tracing(expansion, p)) arns.push(arn(expansion.partition === 'aws' ? 'AWSXrayWriteOnlyAccess' : 'AWSXRayDaemonWriteAccess'));
  if (p.VpcConfig) arns.push(arn('service-role/AWSLambdaVPCAccessExecutionRole'));
  return arns;
}

/** The policy SAM gives the role for the function's DeadLetterQueue. */
function deadLetterQueuePolicy(dlq: Properties): Properties {
  const action = dlq.Type === 'SNS' ? 'sns:Publish' : 'sqs:SendMessage';
  return { PolicyName: 'DeadLetterQueuePolicy', PolicyDocument: { Version: '2012-10-17', Statement: [{ Action: action, Resource: dlq.TargetArn, Effect: 'Allow' }] } };
}

/** What the function's event sources need, added to its role as SAM adds them: each managed policy and policy document once. */
function addEventSourcePolicies(role: Properties, fn: Invoked): void {
  const managed = role.ManagedPolicyArns as unknown[];
  for (const arn of fn.managedPolicies) if (!managed.includes(arn)) managed.push(arn);
  if (!fn.rolePolicies.length) return;
  const policies = (role.Policies ??= []) as Properties[];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const policy of fn.rolePolicies) if (!policies.some((known) => same(known.PolicyDocument, policy.PolicyDocument))) policies.push(policy);
}

function code(id: string, p: Properties): Properties | undefined {
  if (p.InlineCode !== undefined) return { ZipFile: p.InlineCode };
  if (p.CodeUri !== undefined) return s3Location(id, 'CodeUri', p.CodeUri, ['S3Bucket', 'S3Key', 'S3ObjectVersion']);
  if (p.ImageUri !== undefined) return { ImageUri: p.ImageUri };
  throw new TransformErrorFor(id, "Either 'InlineCode' or 'CodeUri' must be set.");
}

/**
 * The hash in the logical id SAM gives an AutoPublishAlias version, which changes when the code does: AutoPublishCodeSha256
 * when given, else of the function's Code (parameters resolved) with its Environment, MemorySize and SnapStart, or of
 * all its properties with AutoPublishAliasAllProperties.
 */
function versionHash(expansion: Expansion, fn: Properties, p: Properties): string {
  if (typeof p.AutoPublishCodeSha256 === 'string' && p.AutoPublishCodeSha256) return p.AutoPublishCodeSha256.slice(0, 10);
  if (p.AutoPublishAliasAllProperties === true) return samIdHash(fn);
  const logical: Properties = { ...((resolveParameterRefs(fn.Code, expansion.parameterValues) as Properties | undefined) ?? {}) };
  if (fn.Environment) Object.assign(logical, fn.Environment);
  if (fn.MemorySize) logical.MemorySize = fn.MemorySize;
  const snapStart = fn.SnapStart as Properties | undefined;
  if (snapStart && (snapStart.ApplyOn ?? 'None') !== 'None') logical.SnapStart = snapStart;
  return samIdHash(logical);
}

/** `AWS::Serverless::Function`: the function, its role, its published alias, its URL and what its events make. */
export function expandFunction(expansion: Expansion, id: string, resource: TemplateResource): void {
  const p = withGlobals(expansion.globals.Function, (resource.Properties ?? {}) as Properties);
  const attributes = carried(resource);
  const tags = tagList({ 'lambda:createdBy': 'SAM' }, p.Tags);
  const dlq = p.DeadLetterQueue as Properties | undefined;
  expansion.resources[id] = {
    ...attributes,
    Type: 'AWS::Lambda::Function',
    Properties: defined({
      // SAM adds a SourceKMSKeyArn to a zip package's code.
      Code: { ...code(id, p), ...(p.SourceKMSKeyArn && (p.PackageType ?? 'Zip') === 'Zip' ? { SourceKMSKeyArn: p.SourceKMSKeyArn } : {}) },
      PackageType: p.PackageType,
      ImageConfig: p.ImageConfig,
      Handler: p.Handler,
      Runtime: p.Runtime,
      FunctionName: p.FunctionName,
      Description: p.Description,
      MemorySize: p.MemorySize,
      Timeout: p.Timeout,
      Role: p.Role ?? { 'Fn::GetAtt': [`${id}Role`, 'Arn'] },
      Environment: p.Environment,
      Layers: p.Layers,
      Architectures: p.Architectures,
      // Tracing Disabled (or a parameter of that value) is no tracing at all.
      TracingConfig: tracing(expansion, p) ? { Mode: p.Tracing } : undefined,
      KmsKeyArn: p.KmsKeyArn,
      ReservedConcurrentExecutions: p.ReservedConcurrentExecutions,
      DeadLetterConfig: dlq === undefined ? undefined : { TargetArn: dlq.TargetArn },
      VpcConfig: p.VpcConfig,
      EphemeralStorage: p.EphemeralStorage,
      LoggingConfig: p.LoggingConfig,
      FileSystemConfigs: p.FileSystemConfigs,
      SnapStart: p.SnapStart,
      RuntimeManagementConfig: p.RuntimeManagementConfig,
      CodeSigningConfigArn: p.CodeSigningConfigArn,
      TenancyConfig: p.TenancyConfig,
      Tags: tags,
    }),
  } as TemplateResource;

  const invoked: Invoked = { id, ref: { Ref: id }, arn: { 'Fn::GetAtt': [id, 'Arn'] }, managedPolicies: [], rolePolicies: [], name: p.FunctionName };
  if (p.AutoPublishAlias !== undefined) {
    const version = `${id}Version${versionHash(expansion, expansion.resources[id].Properties as Properties, p)}`;
    const alias = `${id}Alias${String(p.AutoPublishAlias)}`;
    expansion.resources[version] = { Type: 'AWS::Lambda::Version', DeletionPolicy: 'Retain', Properties: { FunctionName: { Ref: id } } };
    expansion.resources[alias] = {
      Type: 'AWS::Lambda::Alias',
      Properties: defined({ Name: p.AutoPublishAlias, FunctionName: { Ref: id }, FunctionVersion: { 'Fn::GetAtt': [version, 'Version'] }, ProvisionedConcurrencyConfig: p.ProvisionedConcurrencyConfig }),
    };
    invoked.ref = { Ref: alias };
    invoked.arn = { Ref: alias };
  }
  if (p.ProvisionedConcurrencyConfig !== undefined && p.AutoPublishAlias === undefined) {
    throw new TransformErrorFor(id, 'To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function');
  }
  addDeploymentPreference(expansion, id, p.DeploymentPreference, p.AutoPublishAlias !== undefined ? `${id}Alias${String(p.AutoPublishAlias)}` : undefined, attributes.Condition as string | undefined);
  const url = p.FunctionUrlConfig as Properties | undefined;
  if (url) {
    // The URL and its permissions name the alias with AutoPublishAlias, and carry the function's attributes.
    expansion.resources[`${id}Url`] = {
      ...passedThrough(resource),
      Type: 'AWS::Lambda::Url',
      Properties: defined({ TargetFunctionArn: invoked.ref, AuthType: url.AuthType, Cors: url.Cors, InvokeMode: url.InvokeMode }),
    } as TemplateResource;
    if (url.AuthType === 'NONE') {
      // A public URL needs both permissions: to invoke the URL, and to invoke the function through it.
      expansion.resources[`${id}UrlPublicPermissions`] = {
        ...passedThrough(resource),
        Type: 'AWS::Lambda::Permission',
        Properties: defined({ Action: 'lambda:InvokeFunctionUrl', FunctionName: invoked.ref, Principal: '*', FunctionUrlAuthType: 'NONE' }),
      } as TemplateResource;
      expansion.resources[`${id}URLInvokeAllowPublicAccess`] = {
        ...passedThrough(resource),
        Type: 'AWS::Lambda::Permission',
        Properties: { Action: 'lambda:InvokeFunction', Principal: '*', FunctionName: invoked.ref, InvokedViaFunctionUrl: true },
      } as TemplateResource;
    }
  }
  const aliasId = p.AutoPublishAlias !== undefined ? `${id}Alias${String(p.AutoPublishAlias)}` : undefined;
  const invokePolicies = p.EventInvokeConfig ? addEventInvokeConfig(expansion, id, resource, p.EventInvokeConfig, aliasId ? { id: aliasId, name: p.AutoPublishAlias } : undefined) : [];
  // HttpApi events as SAM's implicit HTTP API plugin completed them (their API, and `$default` for no route).
  const events = Object.fromEntries(
    Object.entries((p.Events ?? {}) as Record<string, Properties>).map(([eventId, event]) => {
      const completed = httpEventProperties(expansion, id, eventId, event);
      return [eventId, completed ? { ...event, Properties: completed } : event];
    }),
  );
  for (const [eventId, event] of eventOrder(events).map((eventId) => [eventId, events[eventId]] as const)) {
    addEvent(expansion, invoked, eventId, event, attributes.Condition as string | undefined);
    if (attributes.Condition) for (const [rid, r] of Object.entries(expansion.resources)) if (rid.startsWith(`${id}${eventId}`)) r.Condition ??= attributes.Condition;
  }
  if (p.Role === undefined) {
    const role = executionRole(id, 'lambda.amazonaws.com', p.Policies, roleManagedPolicies(expansion, p), expansion.partition, { Tags: tagList({ 'lambda:createdBy': 'SAM' }, {}) }, [...(dlq ? [deadLetterQueuePolicy(dlq)] : []), ...invokePolicies]);
    addEventSourcePolicies(role.Properties as Properties, invoked);
    expansion.resources[`${id}Role`] = { ...(attributes.Condition ? { Condition: attributes.Condition } : {}), ...role } as TemplateResource;
  }
}
