import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { accountRootArn } from '../core/arn.ts';
import type { Emulator } from '../core/emulator.ts';
import { AwsError } from '../core/errors.ts';
import { ControlError, jsonBody, requireMethod } from '../control/http.ts';
import { InternalText, type InternalRequest, type InternalRoute } from '../server/http.ts';
import { genericViews } from './generic.ts';
import { detailShown } from './redact.ts';
import { RequestLog } from './request-log.ts';
import type { ConsoleAction, ConsoleCalls, ConsoleView } from './view.ts';

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

/** Uploads travel as base64 in JSON: 32 MiB of it is a 24 MiB file. */
const ACTION_BODY_LIMIT = 32 * 1024 * 1024;
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

/** A view as the page gets it: a `run` action is marked `run: true` (the page asks the server to run it). */
function viewJson(view: ConsoleView | null): unknown {
  return JSON.parse(JSON.stringify(view, (_key, value: unknown) => (typeof value === 'function' ? true : value)));
}

/** The action a label path names: a view's action, then a row action of it, and so on. */
function actionAt(view: ConsoleView | undefined, path: unknown): ConsoleAction {
  let actions = view?.actions;
  let action: ConsoleAction | undefined;
  if (!Array.isArray(path) || !path.length) throw new ControlError(400, '"action" must be a list of action labels');
  for (const label of path) {
    action = actions?.find((a) => a.label === label);
    if (!action) throw new ControlError(404, `no such console action: ${path.join(' / ')}`);
    actions = action.rowActions;
  }
  if (!action!.run) throw new ControlError(400, `the action ${path.join(' / ')} is one operation: call it through /_twinstack/ui/api/call`);
  return action!;
}

/** An AWS error as the console's JSON error (its status, `Code: message`). */
async function asControlErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AwsError) throw new ControlError(error.status ?? 400, `${error.code}: ${error.message}`);
    // A view's own check of what the user gave (no file chosen, a definition it cannot draw).
    if (error instanceof RangeError) throw new ControlError(400, error.message);
    throw error;
  }
}

const jsonText = (value: unknown) => new InternalText('application/json; charset=utf-8', JSON.stringify(value, jsonReady));

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
  const declared = (service: string) => (Object.hasOwn(views, service) ? views[service]() : Promise.resolve(undefined));
  const viewsOf = async (service: string): Promise<ConsoleView[]> => {
    const view = await declared(service);
    if (view) return [view];
    const definition = await emulator.loadService(service);
    return definition ? genericViews(definition) : [];
  };
  /** The service, account and region a console request is for, checked. */
  const scopeOf = (body: Record<string, unknown>) => {
    const service = stringIn(body, 'service');
    const accountId = stringIn(body, 'accountId', ACCOUNT);
    const region = stringIn(body, 'region', REGION);
    if (!emulator.serviceNames().includes(service)) throw new ControlError(404, `service not enabled: ${service}`);
    return { service, accountId, region };
  };
  const callsFor = (scope: { service: string; accountId: string; region: string }): ConsoleCalls => ({
    call: (operation, input, service = scope.service) => {
      if (!emulator.serviceNames().includes(service)) throw new AwsError('ServiceNotEnabled', `service ${service} is not enabled in this twinstack`, { status: 400 });
      return emulator.call(service, operation, input, { caller: { accountId: scope.accountId, arn: accountRootArn(scope.accountId, scope.region) }, region: scope.region });
    },
    now: () => emulator.clock.now(),
  });
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
      return { service, view: viewJson(view), others };
    },
    '/_twinstack/ui/api/call': async (request) => {
      requireMethod(request, 'POST');
      const body = jsonBody(request);
      const scope = scopeOf(body);
      const operation = stringIn(body, 'operation');
      const input = body.input ?? {};
      if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ControlError(400, '"input" must be an object');
      const output = await asControlErrors(() => callsFor(scope).call(operation, input));
      return jsonText({ output: output ?? {} });
    },
    '/_twinstack/ui/api/action': Object.assign(
      async (request: InternalRequest) => {
        requireMethod(request, 'POST');
        const body = jsonBody(request);
        const scope = scopeOf(body);
        const action = actionAt(await declared(scope.service), body.action);
        const fields = body.fields ?? {};
        if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) throw new ControlError(400, '"fields" must be an object');
        const args = { item: body.item, parent: body.parent, fields: fields as Record<string, unknown>, cursor: body.cursor };
        return jsonText(await asControlErrors(() => action.run!(callsFor(scope), args)));
      },
      { bodyLimit: { bytes: ACTION_BODY_LIMIT, message: `the console takes files up to ${ACTION_BODY_LIMIT / 4 / 1024 / 1024 * 3} MiB` } },
    ),
    '/_twinstack/ui/api/requests': (request) => {
      const since = Number(request.query.get('since') ?? 0);
      return { requests: log.since(Number.isFinite(since) ? since : 0), capacity: log.capacity };
    },
    '/_twinstack/ui/api/requests/:id': async (request) => {
      const found = log.find(Number(request.params.id));
      if (!found) throw new ControlError(404, `request ${request.params.id} is no longer in the log`);
      const view = found.entry.service ? await declared(found.entry.service).catch(() => undefined) : undefined;
      return { ...found.entry, ...detailShown(found.detail, view?.secretMembers) };
    },
  };
}

/** With the console off, its paths say so (404) rather than reaching AWS routing, which cannot tell the service. */
export function consoleOffRoutes(): Record<string, InternalRoute> {
  const off = () => {
    throw new ControlError(404, 'the web console is off (started with --no-ui, TWINSTACK_UI=0 or ui: false)');
  };
  return { '/_twinstack/ui': off, '/_twinstack/ui/:file': off, '/_twinstack/ui/api/:name': off, '/_twinstack/ui/api/requests/:id': off };
}
