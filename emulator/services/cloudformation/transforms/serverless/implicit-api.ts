import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { ANY_METHOD, type Expansion } from './context.ts';
import { IMPLICIT_HTTP_API } from './http-api.ts';
import { insert, Py27Keys, py27Order, templateKeys, tracked, type CopyClock } from './py27.ts';
import { samSkeleton, skeletonAsOpenApi } from './rest-openapi.ts';
import { addPathConditions, recordMethodCondition } from './api-conditions.ts';

export const IMPLICIT_REST_API = 'ServerlessRestApi';

const eventsOf = (resource: TemplateResource) => Object.values(((resource.Properties as Properties | undefined)?.Events ?? {}) as Record<string, Properties>);
const implicitEvent = (type: string, idProperty: string) => (resource: TemplateResource) =>
  resource.Type === 'AWS::Serverless::Function' && eventsOf(resource).some((e) => e?.Type === type && (e.Properties as Properties | undefined)?.[idProperty] === undefined);

/**
 * The orders in which SAM walks the template's resources (its Python 2.7 dict, see py27.ts): the implicit REST API
 * plugin's (after it adds `ServerlessRestApi`), and the translation's, once both implicit API plugins have added their
 * API and removed it again when no event uses it (an insertion may have grown the table, reordering it).
 */
export function samResourceOrders(resources: Record<string, TemplateResource>): { plugin: string[]; translation: string[] } {
  // SAM emulates Python 2.7's dicts only for templates with a REST API (explicit, or an Api event's); other templates
  // are walked in their own order. (An HttpApi's DefaultAuthorizer turns it on too, with no visible effect without a REST API.)
  const hasRestApi = Object.values(resources).some((r) => r?.Type === 'AWS::Serverless::Api' || ((r?.Type === 'AWS::Serverless::Function' || r?.Type === 'AWS::Serverless::StateMachine') && eventsOf(r).some((e) => e?.Type === 'Api')));
  if (!hasRestApi) return { plugin: Object.keys(resources), translation: Object.keys(resources) };
  const table = new Py27Keys();
  for (const id of Object.keys(resources)) table.add(id);
  table.add(IMPLICIT_REST_API);
  const plugin = table.keys().filter((id) => Object.hasOwn(resources, id));
  const all = Object.values(resources);
  if (!all.some(implicitEvent('Api', 'RestApiId')) && !Object.hasOwn(resources, IMPLICIT_REST_API)) table.remove(IMPLICIT_REST_API);
  table.add(IMPLICIT_HTTP_API);
  if (!all.some(implicitEvent('HttpApi', 'ApiId')) && !Object.hasOwn(resources, IMPLICIT_HTTP_API)) table.remove(IMPLICIT_HTTP_API);
  return { plugin, translation: table.keys().filter((id) => Object.hasOwn(resources, id)) };
}

/** A REST API's entry: the paths its events add, followed through SAM's copies of its document (see py27.ts). */
export function restApiEntry(more: Properties): Properties {
  const clock: CopyClock = { now: 0 };
  const paths = templateKeys(tracked({}, clock));
  return { ...more, clock, paths, skeleton: samSkeleton(paths, clock) };
}

/** The swagger method name of an event's Method: lower case, `ANY` as API Gateway's any-method extension. */
export function methodKey(method: string): string {
  return method.toLowerCase() === 'any' ? ANY_METHOD : method.toLowerCase();
}

/** The REST API an Api event names (a `Ref` to an `AWS::Serverless::Api`), or the implicit one; undefined when invalid. */
export function restApiOf(event: Properties): string | undefined {
  const given = (event.Properties as Properties | undefined)?.RestApiId;
  if (given === undefined) return IMPLICIT_REST_API;
  const id = typeof given === 'string' ? given : (given as { Ref?: unknown }).Ref;
  return typeof id === 'string' ? id : undefined;
}

/**
 * SAM's implicit API plugin, which runs before the translation: every function's Api events add their path and method
 * to the swagger of the API they name (the implicit `ServerlessRestApi`, made on the first such event, or an explicit
 * API whose definition SAM writes), functions and events in SAM's dict order, each edit between two copies of the
 * document. The translation then fills in each method (events.ts); the order of insertion decides the order of the
 * definition's paths and methods, and so the deployment's hash.
 */
export function addImplicitApiPaths(expansion: Expansion, resources: Record<string, TemplateResource>, order: string[]): void {
  for (const id of order) {
    if (resources[id].Type !== 'AWS::Serverless::Function' && resources[id].Type !== 'AWS::Serverless::StateMachine') continue;
    const events = (resources[id].Properties as Properties | undefined)?.Events;
    if (!events || typeof events !== 'object') continue;
    // SAM collects a function's Api events into a new dict, in the order of its Events.
    const apiEvents = py27Order(Object.keys(events)).filter((eventId) => (events[eventId] as Properties | undefined)?.Type === 'Api');
    for (const eventId of py27Order(apiEvents)) {
      const event = events[eventId] as Properties;
      const p = (event?.Properties ?? {}) as Properties;
      if (event?.Type !== 'Api' || typeof p.Path !== 'string' || typeof p.Method !== 'string') continue;
      const apiId = restApiOf(event);
      if (apiId === IMPLICIT_REST_API && !expansion.restApis.has(apiId)) expansion.restApis.set(apiId, restApiEntry({ implicit: true }));
      const api = apiId === undefined ? undefined : expansion.restApis.get(apiId);
      if (api) recordMethodCondition(api, p.Path, methodKey(p.Method), resources[id].Condition);
      // An API with its own DefinitionBody is the template author's: SAM adds its paths during the translation
      // (and none to a DefinitionUri's).
      const given = api?.properties as Properties | undefined;
      if (!api || given?.DefinitionBody !== undefined || given?.DefinitionUri !== undefined) continue;
      const clock = api.clock as CopyClock;
      clock.now++;
      const paths = api.paths as Record<string, Properties>;
      if (!Object.hasOwn(paths, p.Path)) insert(paths, p.Path, templateKeys(tracked({}, clock), [ANY_METHOD]));
      if (!Object.hasOwn(paths[p.Path], methodKey(p.Method))) insert(paths[p.Path], methodKey(p.Method), {});
      clock.now++;
    }
  }
  // The plugin copies each document twice more before the translation, adding the paths' conditions between; then
  // the Globals plugin makes SAM's skeletons OpenAPI documents for a 3.x OpenApiVersion.
  for (const api of expansion.restApis.values()) (api.clock as CopyClock).now++;
  addPathConditions(expansion);
  for (const api of expansion.restApis.values()) {
    (api.clock as CopyClock).now++;
    const p = (api.properties ?? expansion.globals.Api ?? {}) as Properties;
    if (p.DefinitionBody === undefined && p.DefinitionUri === undefined) skeletonAsOpenApi(api.skeleton as Properties, p.OpenApiVersion);
  }
}

/**
 * A function's events in the order SAM translates them: by Path (events without one by their id), ties in the order
 * of its Events dict, which the implicit API plugin's update with the Api events may have grown.
 */
export function eventOrder(events: Record<string, Properties>): string[] {
  const pathOf = (id: string) => String((events[id]?.Properties as Properties | undefined)?.Path ?? id);
  return eventsDictOrder(events).sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
}

/** The order of a resource's Events dict once the implicit API plugin's update with its Api events may have grown it (a state machine's translation order). */
export function eventsDictOrder(events: Record<string, Properties>): string[] {
  const table = new Py27Keys();
  for (const id of Object.keys(events)) table.add(id);
  const api = Object.keys(events).filter((id) => events[id]?.Type === 'Api');
  if (api.length) table.reserve(api.length);
  return table.keys();
}
