import { zipSync, strToU8 } from 'fflate';
import { changedProperties, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { retag, tagMap } from './tags.ts';

/** The file CloudFormation puts inline `ZipFile` code in: index.js for Node.js (index.mjs is not used), index.py for Python. */
function inlineFileName(runtime: string | undefined): string {
  return runtime?.startsWith('python') ? 'index.py' : 'index.js';
}

function code(properties: Properties): Properties {
  const c = (properties.Code ?? {}) as Properties;
  if (c.ZipFile !== undefined) return { ZipFile: zipSync({ [inlineFileName(properties.Runtime)]: strToU8(String(c.ZipFile)) }) };
  if (c.ImageUri !== undefined) return { ImageUri: c.ImageUri };
  return { S3Bucket: c.S3Bucket, S3Key: c.S3Key, S3ObjectVersion: c.S3ObjectVersion };
}

function configuration(p: Properties): Properties {
  const num = (v: unknown) => (v === undefined ? undefined : Number(v));
  return {
    Role: p.Role,
    Handler: p.Handler,
    Runtime: p.Runtime,
    Description: p.Description,
    Timeout: num(p.Timeout),
    MemorySize: num(p.MemorySize),
    Environment: p.Environment ? { Variables: Object.fromEntries(Object.entries(p.Environment.Variables ?? {}).map(([k, v]) => [k, String(v)])) } : undefined,
    Layers: p.Layers,
    TracingConfig: p.TracingConfig,
    DeadLetterConfig: p.DeadLetterConfig,
    EphemeralStorage: p.EphemeralStorage ? { Size: num(p.EphemeralStorage.Size) } : undefined,
    LoggingConfig: p.LoggingConfig,
    KMSKeyArn: p.KmsKeyArn,
    ImageConfig: p.ImageConfig,
    SnapStart: p.SnapStart,
    VpcConfig: p.VpcConfig,
    FileSystemConfigs: p.FileSystemConfigs,
    CapacityProviderConfig: p.CapacityProviderConfig,
  };
}

async function read(request: ResourceRequest, name: string) {
  const { Configuration } = await request.call('lambda', 'GetFunction', { FunctionName: name });
  return { physicalId: name, attributes: { Arn: Configuration.FunctionArn, 'SnapStartResponse.ApplyOn': 'None', 'SnapStartResponse.OptimizationStatus': 'Off' } };
}

async function concurrency(request: ResourceRequest, name: string) {
  const reserved = request.properties.ReservedConcurrentExecutions;
  if (reserved === undefined) await request.call('lambda', 'DeleteFunctionConcurrency', { FunctionName: name });
  else await request.call('lambda', 'PutFunctionConcurrency', { FunctionName: name, ReservedConcurrentExecutions: Number(reserved) });
}

/** The properties an update sets through their own operations rather than UpdateFunctionConfiguration. */
const SEPARATELY_SET = new Set(['Code', 'Tags', 'ReservedConcurrentExecutions', 'Architectures', 'RecursiveLoop', 'RuntimeManagementConfig', 'CodeSigningConfigArn']);

/** RecursiveLoop and RuntimeManagementConfig, each through its own operation when it is in `names`; unset ones go back to Lambda's defaults. */
async function settings(request: ResourceRequest, name: string, names: Set<string>) {
  const p = request.properties;
  if (names.has('RecursiveLoop')) await request.call('lambda', 'PutFunctionRecursionConfig', { FunctionName: name, RecursiveLoop: p.RecursiveLoop ?? 'Terminate' });
  if (names.has('RuntimeManagementConfig')) {
    const config = (p.RuntimeManagementConfig ?? {}) as Properties;
    await request.call('lambda', 'PutRuntimeManagementConfig', { FunctionName: name, UpdateRuntimeOn: config.UpdateRuntimeOn ?? 'Auto', RuntimeVersionArn: config.RuntimeVersionArn });
  }
}

/** A function's configuration as its service has it now, in the template's form (its code cannot be read back). */
function templateProperties(c: Properties): Properties {
  return {
    FunctionName: c.FunctionName,
    Description: c.Description,
    Handler: c.Handler,
    Role: c.Role,
    Runtime: c.Runtime,
    MemorySize: c.MemorySize,
    Timeout: c.Timeout,
    PackageType: c.PackageType,
    Architectures: c.Architectures,
    Environment: c.Environment?.Variables ? { Variables: c.Environment.Variables } : undefined,
    Layers: c.Layers?.length ? c.Layers.map((l: { Arn: string }) => l.Arn) : undefined,
    TracingConfig: c.TracingConfig?.Mode ? { Mode: c.TracingConfig.Mode } : undefined,
    EphemeralStorage: c.EphemeralStorage,
    FileSystemConfigs: c.FileSystemConfigs,
    TenancyConfig: c.TenancyConfig,
  };
}

/** `AWS::Lambda::Function`: Ref is the function name; GetAtt Arn. Inline `ZipFile` code is zipped as CloudFormation does. */
export const lambdaFunction: ResourceType = {
  // AWS's schema has AcceleratorConfig and RuntimeConfig (not in Lambda's API model here), FunctionScalingConfig and
  // PublishToLatestPublished (a capacity provider's published version) too: not made here, so a template setting one
  // fails rather than being ignored.
  properties: [
    'Architectures',
    'CapacityProviderConfig',
    'Code',
    'CodeSigningConfigArn',
    'DeadLetterConfig',
    'Description',
    'DurableConfig',
    'Environment',
    'EphemeralStorage',
    'FileSystemConfigs',
    'FunctionName',
    'Handler',
    'ImageConfig',
    'KmsKeyArn',
    'Layers',
    'LoggingConfig',
    'MemorySize',
    'PackageType',
    'RecursiveLoop',
    'ReservedConcurrentExecutions',
    'Role',
    'Runtime',
    'RuntimeManagementConfig',
    'SnapStart',
    'Tags',
    'TenancyConfig',
    'Timeout',
    'TracingConfig',
    'VpcConfig',
  ],
  async create(request) {
    const p = request.properties;
    const name: string = p.FunctionName ?? request.physicalName({ maxLength: 64 });
    const tags = tagMap(request);
    await request.call('lambda', 'CreateFunction', {
      FunctionName: name,
      Code: code(p),
      PackageType: p.PackageType,
      Architectures: p.Architectures,
      CodeSigningConfigArn: p.CodeSigningConfigArn,
      TenancyConfig: p.TenancyConfig,
      DurableConfig: p.DurableConfig,
      ...configuration(p),
      ...(Object.keys(tags).length ? { Tags: tags } : {}),
    });
    if (p.ReservedConcurrentExecutions !== undefined) await concurrency(request, name);
    await settings(request, name, new Set(['RecursiveLoop', 'RuntimeManagementConfig'].filter((k) => p[k] !== undefined)));
    return read(request, name);
  },
  async update(request) {
    const name = request.physicalId;
    const changed = changedProperties(request.previous, request.properties);
    if (changed.has('Code') || changed.has('Architectures')) {
      await request.call('lambda', 'UpdateFunctionCode', { FunctionName: name, ...code(request.properties), Architectures: request.properties.Architectures });
    }
    const config = configuration(request.properties);
    if ([...changed].some((k) => !SEPARATELY_SET.has(k))) {
      await request.call('lambda', 'UpdateFunctionConfiguration', {
        FunctionName: name,
        ...config,
        Environment: config.Environment ?? { Variables: {} },
        Description: config.Description ?? '',
        FileSystemConfigs: config.FileSystemConfigs ?? [],
      });
    }
    if (changed.has('ReservedConcurrentExecutions')) await concurrency(request, name);
    await settings(request, name, changed);
    if (changed.has('CodeSigningConfigArn')) {
      const arn = request.properties.CodeSigningConfigArn;
      if (arn === undefined) await request.call('lambda', 'DeleteFunctionCodeSigningConfig', { FunctionName: name });
      else await request.call('lambda', 'PutFunctionCodeSigningConfig', { FunctionName: name, CodeSigningConfigArn: arn });
    }
    if (changed.has('Tags')) {
      const { Configuration } = await request.call('lambda', 'GetFunction', { FunctionName: name });
      await retag(request, Configuration.FunctionArn);
    }
    return read(request, name);
  },
  async delete(request) {
    await request.call('lambda', 'DeleteFunction', { FunctionName: request.physicalId });
  },
  async read(request) {
    const { Configuration } = await request.call('lambda', 'GetFunction', { FunctionName: request.physicalId });
    return templateProperties(Configuration);
  },
  async list(request) {
    const found: Properties[] = [];
    let Marker: string | undefined;
    do {
      const page = await request.call<{ Functions?: Properties[]; NextMarker?: string }>('lambda', 'ListFunctions', { Marker });
      found.push(...(page.Functions ?? []));
      Marker = page.NextMarker;
    } while (Marker);
    return found.map((c) => ({ identifier: { FunctionName: c.FunctionName }, physicalId: c.FunctionName, properties: templateProperties(c) }));
  },
  createOnly: ['FunctionName', 'PackageType'],
};
