import type { ServiceDefinition } from '../core/service.ts';

/** Every service twinstack serves, loaded only when enabled. Names are the SERVICES / health-check names. */
export const SERVICE_LOADERS: Record<string, () => Promise<ServiceDefinition>> = {
  sts: async () => (await import('./sts/index.ts')).default as ServiceDefinition,
  sqs: async () => (await import('./sqs/index.ts')).default as ServiceDefinition,
  dynamodb: async () => (await import('./dynamodb/index.ts')).default as ServiceDefinition,
  dynamodbstreams: async () => (await import('./dynamodbstreams/index.ts')).default as ServiceDefinition,
  kinesis: async () => (await import('./kinesis/index.ts')).default as ServiceDefinition,
  events: async () => (await import('./events/index.ts')).default as ServiceDefinition,
  logs: async () => (await import('./logs/index.ts')).default as ServiceDefinition,
  cloudwatch: async () => (await import('./cloudwatch/index.ts')).default as ServiceDefinition,
  scheduler: async () => (await import('./scheduler/index.ts')).default as ServiceDefinition,
};

export const ALL_SERVICE_NAMES = Object.keys(SERVICE_LOADERS);

/** Services that cannot run alone: DynamoDB Streams reads DynamoDB's tables. */
const REQUIRES: Record<string, string[]> = { dynamodbstreams: ['dynamodb'] };

/** Loads the named services and those they require. */
export async function loadServices(names: string[] = ALL_SERVICE_NAMES): Promise<ServiceDefinition[]> {
  const unknown = names.filter((n) => !SERVICE_LOADERS[n]);
  if (unknown.length) throw new Error(`unknown service(s): ${unknown.join(', ')} (available: ${ALL_SERVICE_NAMES.join(', ')})`);
  const all = [...new Set(names.flatMap((n) => [...(REQUIRES[n] ?? []), n]))];
  return Promise.all(all.map((n) => SERVICE_LOADERS[n]()));
}
