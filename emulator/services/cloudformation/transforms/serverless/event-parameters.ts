import type { Properties } from '../../provider.ts';
import { TransformErrorFor } from './context.ts';
import { insert, templateValues, tracked, type CopyClock } from './py27.ts';

// An Api event's TimeoutInMillis and RequestParameters as the SAM translator writes them into its method: the
// integration's timeoutInMillis, and per request parameter a swagger parameter (with `cacheKeyParameters` on the
// integration for those cached).

const NAME_FORMAT = /^method\.request\.(querystring|path|header)\./;
const BAD_NAME = "Invalid value for 'RequestParameters' property. Keys must be in the format 'method.request.[querystring|path|header].{value}', e.g 'method.request.header.Authorization'.";

/** `TimeoutInMillis` on the method's integration (SAM skips 0, as it skips an absent value). */
export function addTimeout(event: Properties, method: Properties): void {
  if (event.TimeoutInMillis) insert(method['x-amazon-apigateway-integration'] as Properties, 'timeoutInMillis', event.TimeoutInMillis);
}

/** The event's RequestParameters (names, or `{name: {Required, Caching}}`) with SAM's defaults, checked as SAM checks them. */
function requestParameters(owner: string, eventId: string, given: unknown[]): { name: string; required: unknown; caching: unknown }[] {
  const fail = (message: string) => new TransformErrorFor(owner, `Event with id [${eventId}] is invalid. ${message}`);
  return given.map((parameter) => {
    if (typeof parameter === 'string') {
      if (!NAME_FORMAT.test(parameter)) throw fail(BAD_NAME);
      return { name: parameter, required: false, caching: false };
    }
    if (!parameter || typeof parameter !== 'object' || Array.isArray(parameter)) throw fail("Invalid value for 'RequestParameters' property. Property must be either a string or an object");
    const [name, settings] = Object.entries(parameter)[0] ?? [];
    if (typeof name !== 'string' || !NAME_FORMAT.test(name)) throw fail(BAD_NAME);
    if (!settings || typeof settings !== 'object' || Array.isArray(settings) || Object.keys(settings).some((k) => k !== 'Required' && k !== 'Caching')) {
      throw fail("Invalid value for 'RequestParameters' property. Values must be an object, e.g { Required: true, Caching: false }");
    }
    const s = settings as Properties;
    return { name, required: Object.hasOwn(s, 'Required') ? s.Required : false, caching: Object.hasOwn(s, 'Caching') ? s.Caching : false };
  });
}

/** `RequestParameters` as the method's parameters (`querystring` as `query`), cached ones in the integration's cacheKeyParameters. */
export function addRequestParameters(owner: string, eventId: string, event: Properties, method: Properties, clock: CopyClock): void {
  const given = event.RequestParameters;
  if (!given || (Array.isArray(given) && !given.length)) return;
  const list = Array.isArray(given) ? given : [given];
  const parameters = [...((method.parameters as unknown[] | undefined) ?? [])];
  const integration = method['x-amazon-apigateway-integration'] as Properties;
  for (const { name, required, caching } of requestParameters(owner, eventId, list)) {
    const [location, local] = [name.slice('method.request.'.length).split('.', 1)[0], name.slice('method.request.'.length).replace(/^[^.]*\./, '')];
    // The name's parts are the template's strings; `query` is SAM's.
    const parameter = templateValues(tracked({ in: location === 'querystring' ? 'query' : location, name: local, required, type: 'string' }, clock), 'name', ...(location === 'querystring' ? [] : ['in']));
    parameters.push(parameter);
    if (caching) {
      templateValues(integration, 'cacheKeyParameters');
      insert(integration, 'cacheKeyParameters', [...((integration.cacheKeyParameters as unknown[] | undefined) ?? []), name]);
    }
  }
  insert(method, 'parameters', parameters);
}
