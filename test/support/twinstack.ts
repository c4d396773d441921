import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** What an AWS SDK v3 client needs to talk to the suite's twinstack. */
export interface ClientSettings {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

type ClientFactories<Clients> = { [Name in keyof Clients]: (settings: ClientSettings) => Clients[Name] };

/**
 * Starts twinstack (a free port, the services given) around a mocha suite and makes its SDK v3 clients, one per
 * factory, in us-east-1 with `accessKeyId` (a 12-digit key is that account, else the default one). The object
 * returned is filled in by the suite's `before`: read it inside tests, e.g. `context.ssm.send(...)`.
 */
export function useTwinstack<Clients extends Record<string, { destroy(): void }>>(
  options: { services: string[]; accessKeyId?: string },
  factories: ClientFactories<Clients>,
): { aws: Twinstack } & Clients {
  const context = {} as { aws: Twinstack } & Clients;
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services: options.services });
    const settings = { endpoint: context.aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: options.accessKeyId ?? 'test', secretAccessKey: 'test' } };
    for (const name of Object.keys(factories) as (keyof Clients & string)[]) {
      Object.assign(context, { [name]: factories[name](settings) });
    }
  });
  after(async () => {
    for (const name of Object.keys(factories)) context[name]?.destroy();
    await context.aws?.stop();
  });
  return context;
}
