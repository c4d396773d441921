import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { accountRootArn } from '../core/arn.ts';
import type { Emulator } from '../core/emulator.ts';
import { AwsError } from '../core/errors.ts';
import { ControlError, jsonBody, requireMethod } from '../control/http.ts';
import { InternalText, type InternalRoute } from '../server/http.ts';
import { genericViews } from './generic.ts';
import { RequestLog } from './request-log.ts';
import type { ConsoleView } from './view.ts';

/** Views services declare, by service name, each loaded on the console's first look at that service. */
export type ConsoleViews = Readonly<Record<string, () => Promise<ConsoleView>>>;

const STATIC = new URL('./static/', import.meta.url);
const PARITY_REPORT = new URL('../../reports/parity.html', import.meta.url);
const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

/** The console's files, read on their first request (never at start) and kept. */
function staticFiles(): (name: string) => Promise<InternalText> {
  const cache = new Map<string, Promise<InternalText>>();
  return (name) => {
    let file = cache.get(name);
    if (!file) {
      file = readFile(new URL(name, STATIC), 'utf8').then((text) => new InternalText(FILES[name], text));
      cache.set(name, file);
    }
    return file;
  };
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

function stringIn(body: Record<string, unknown>, name: string, valid?: RegExp): string {
  const value = body[name];
  if (typeof value !== 'string' || !value || (valid && !valid.test(value))) throw new ControlError(400, `"${name}" is missing or not valid`);
  return value;
}

/** Outputs as JSON: binary data as base64, streamed bodies left out. */
function jsonReady(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object') {
    if ((value as { type?: unknown }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)) return Buffer.from((value as { data: number[] }).data).toString('base64');
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    if (Symbol.asyncIterator in value) return '(streamed body)';
  }
  return value;
}

/**
 * The web console at `/_twinstack/ui`: a page, its script and style, and the small JSON API they use. Resources are
 * read and changed through services' operations (`emulator.call`, as the account's root user), so validation,
 * account walls and fault rules apply as to any client. Installs the request log on the emulator.
 */
export function consoleRoutes(emulator: Emulator, views: ConsoleViews): Record<string, InternalRoute> {
  const file = staticFiles();
  const log = new RequestLog(() => emulator.clock.now());
  emulator.onRequestFinished = (request) => log.record(request);
  /** The service's declared view, else the generic ones (the first shown, the others offered). */
  const viewsOf = async (service: string): Promise<ConsoleView[]> => {
    if (Object.hasOwn(views, service)) return [await views[service]()];
    const definition = await emulator.loadService(service);
    return definition ? genericViews(definition) : [];
  };
  return {
    '/_twinstack/ui': () => file('index.html'),
    '/_twinstack/ui/:file': async (request) => {
      const name = request.params.file;
      if (name === 'parity') {
        if (!existsSync(PARITY_REPORT)) throw new ControlError(404, 'no parity report in this build (npm run verify writes reports/parity.html)');
        return new InternalText('text/html; charset=utf-8', await readFile(PARITY_REPORT, 'utf8'));
      }
      if (!Object.hasOwn(FILES, name)) throw new ControlError(404, `no such file: ${name}`);
      return file(name);
    },
    '/_twinstack/ui/api/services': () => ({
      services: emulator.serviceNames(),
      accountId: emulator.credentials.accountFor(undefined),
      region: emulator.defaultRegion,
    }),
    '/_twinstack/ui/api/view': async (request) => {
      const service = request.query.get('service') ?? '';
      if (!emulator.serviceNames().includes(service)) throw new ControlError(404, `service not enabled: ${service}`);
      const [view = null, ...others] = await viewsOf(service);
      return { service, view, others };
    },
    '/_twinstack/ui/api/call': async (request) => {
      requireMethod(request, 'POST');
      const body = jsonBody(request);
      const service = stringIn(body, 'service');
      const operation = stringIn(body, 'operation');
      const accountId = stringIn(body, 'accountId', ACCOUNT);
      const region = stringIn(body, 'region', REGION);
      const input = body.input ?? {};
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ControlError(400, '"input" must be an object');
      if (!emulator.serviceNames().includes(service)) throw new ControlError(404, `service not enabled: ${service}`);
      try {
        const output = await emulator.call(service, operation, input, { caller: { accountId, arn: accountRootArn(accountId, region) }, region });
        return new InternalText('application/json; charset=utf-8', JSON.stringify({ output: output ?? {} }, jsonReady));
      } catch (error) {
        if (error instanceof AwsError) throw new ControlError(error.status ?? 400, `${error.code}: ${error.message}`);
        throw error;
      }
    },
    '/_twinstack/ui/api/requests': (request) => {
      const since = Number(request.query.get('since') ?? 0);
      return { requests: log.since(Number.isFinite(since) ? since : 0), capacity: log.capacity };
    },
  };
}

/** With the console off, its paths say so (404) rather than reaching AWS routing, which cannot tell the service. */
export function consoleOffRoutes(): Record<string, InternalRoute> {
  const off = () => {
    throw new ControlError(404, 'the web console is off (started with --no-ui, TWINSTACK_UI=0 or ui: false)');
  };
  return { '/_twinstack/ui': off, '/_twinstack/ui/:file': off, '/_twinstack/ui/api/:name': off };
}
