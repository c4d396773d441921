import type { ServiceLoader } from '../core/emulator.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ConsoleView } from '../console/view.ts';
import type { ServiceEndpoints } from '../gateway/route.ts';

/**
 * Every service twinstack serves: one line each, its name (the SERVICES / health-check name, and its model's file name
 * in emulator/models/) and its loader, which runs on the service's first request, never at start.
 */
export const SERVICE_LOADERS: Record<string, () => Promise<ServiceDefinition>> = {
  sts: async () => (await import('./sts/index.ts')).default as ServiceDefinition,
  sqs: async () => (await import('./sqs/index.ts')).default as ServiceDefinition,
  dynamodb: async () => (await import('./dynamodb/index.ts')).default as ServiceDefinition,
  dynamodbstreams: async () => (await import('./dynamodbstreams/index.ts')).default as ServiceDefinition,
  kinesis: async () => (await import('./kinesis/index.ts')).default as ServiceDefinition,
  s3: async () => (await import('./s3/index.ts')).default as ServiceDefinition,
  sns: async () => (await import('./sns/index.ts')).default as ServiceDefinition,
  lambda: async () => (await import('./lambda/index.ts')).default as ServiceDefinition,
  iam: async () => (await import('./iam/index.ts')).default as ServiceDefinition,
  kms: async () => (await import('./kms/index.ts')).default as ServiceDefinition,
  secretsmanager: async () => (await import('./secretsmanager/index.ts')).default as ServiceDefinition,
  ssm: async () => (await import('./ssm/index.ts')).default as ServiceDefinition,
  events: async () => (await import('./events/index.ts')).default as ServiceDefinition,
  logs: async () => (await import('./logs/index.ts')).default as ServiceDefinition,
  cloudwatch: async () => (await import('./cloudwatch/index.ts')).default as ServiceDefinition,
  scheduler: async () => (await import('./scheduler/index.ts')).default as ServiceDefinition,
  firehose: async () => (await import('./firehose/index.ts')).default as ServiceDefinition,
  apigateway: async () => (await import('./apigateway/index.ts')).default as ServiceDefinition,
  apigatewayv2: async () => (await import('./apigatewayv2/index.ts')).default as ServiceDefinition,
};

/** Console views services declare (`<name>/console.ts`); others get the console's generic list. Loaded on first look. */
export const CONSOLE_VIEWS: Record<string, () => Promise<ConsoleView>> = {
  sqs: async () => (await import('./sqs/console.ts')).default,
  dynamodb: async () => (await import('./dynamodb/console.ts')).default,
  s3: async () => (await import('./s3/console.ts')).default,
};

export const ALL_SERVICE_NAMES = Object.keys(SERVICE_LOADERS);

/** The service that keeps principals and their policies, for `--enforce-iam`. */
export const IDENTITY_SERVICE = 'iam';

/** Services that cannot run alone: DynamoDB Streams reads DynamoDB's tables. */
const REQUIRES: Record<string, string[]> = { dynamodbstreams: ['dynamodb'], apigatewayv2: ['apigateway'] };

/**
 * Endpoints services answer outside their model's API. API Gateway answers deployed APIs (REST, HTTP and WebSocket)
 * at `<api-id>.execute-api.<domain>` and at LocalStack's path forms.
 */
const ENDPOINTS: Record<string, ServiceEndpoints> = {
  apigateway: { hostPrefixes: ['execute-api'], paths: [/^\/_aws\/execute-api\//, /^\/restapis\/[^/]+\/[^/]+\/_user_request_(?:\/|$)/] },
};

/** The named services and those they require, each to be loaded on its first use. */
export function serviceLoaders(names: string[] = ALL_SERVICE_NAMES): ServiceLoader[] {
  const unknown = names.filter((n) => !Object.hasOwn(SERVICE_LOADERS, n));
  if (unknown.length) throw new Error(`unknown service(s): ${unknown.join(', ')} (available: ${ALL_SERVICE_NAMES.join(', ')})`);
  const all = [...new Set(names.flatMap((n) => [...(REQUIRES[n] ?? []), n]))];
  return all.map((name) => ({ name, load: SERVICE_LOADERS[name], requires: REQUIRES[name], endpoints: ENDPOINTS[name] }));
}
