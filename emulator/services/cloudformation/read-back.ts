import { templateJson, type ListedResource, type Properties, type ResourceDelete, type ResourceListRequest, type ResourceRequest, type ResourceState, type ResourceType } from './provider.ts';

/*
 * Helpers for the types' `read` handlers, which answer a resource's properties in the template's form: drift detection
 * compares them with the template value by value (and list item by list item), and Cloud Control answers them.
 */

type Tag = { Key: string; Value: string };

/**
 * A list the service keeps unordered (its schema's `insertionOrder: false`), in the order the template gave it, so a
 * reordering is not drift (AWS compares such lists as sets); items the template does not have come after, as read.
 */
export function templateOrder<T>(given: unknown, actual: readonly T[], key: (item: T | unknown) => string = (item) => JSON.stringify(item)): T[] {
  const order = Array.isArray(given) ? given.map(key) : [];
  const rank = (item: T) => {
    const at = order.indexOf(key(item));
    return at < 0 ? order.length : at;
  };
  return [...actual].sort((a, b) => rank(a) - rank(b));
}

/**
 * A resource's tags as the template gives them (a Key/Value list, or a map for the types that take one), without what
 * CloudFormation put there itself (the `aws:cloudformation:*` tags, and the stack's propagated tags the template does
 * not set). Undefined when nothing is left, as a resource without tags reads.
 */
export function templateTags(request: Pick<ResourceDelete, 'properties' | 'stackTags'>, actual: readonly Partial<Tag>[] | Record<string, string> | undefined): Tag[] | Record<string, string> | undefined {
  const given = request.properties.Tags;
  const own = new Set(Array.isArray(given) ? given.map((t: Tag) => t.Key) : Object.keys(given ?? {}));
  const list: Tag[] = (Array.isArray(actual) ? actual : Object.entries(actual ?? {}).map(([Key, Value]) => ({ Key, Value }))).map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? '') }));
  const kept = list.filter((t) => !t.Key.startsWith('aws:') && (own.has(t.Key) || !request.stackTags.some((s) => s.Key === t.Key)));
  if (!kept.length) return undefined;
  if (given && !Array.isArray(given) && typeof given === 'object') return Object.fromEntries(kept.map((t) => [t.Key, t.Value]));
  return templateOrder(given, kept, (t) => (t as Tag).Key);
}

/**
 * A structure the service fills in with its defaults (an integration, an endpoint configuration), with only the
 * members the template gave: the defaults are not drift, and a member the template gave that is gone reads as
 * undefined. Without a structure in the template (or from the service), the service's value as it is.
 */
export function givenMembers<T extends object>(given: unknown, actual: T | undefined): Partial<T> | undefined {
  if (!actual || !given || typeof given !== 'object' || Array.isArray(given)) return actual;
  return Object.fromEntries(Object.keys(given).map((name) => [name, (actual as Record<string, unknown>)[name]])) as Partial<T>;
}

/**
 * JSON text the service answers in the template's form: an object when the template gave one, else the template's own
 * text when it is the same document (services answer it minified or re-serialized), else the text.
 */
export function jsonAsGiven(given: unknown, text: string | undefined): unknown {
  if (text === undefined || typeof given !== 'string') return templateJson(given, text);
  try {
    return JSON.stringify(JSON.parse(given)) === JSON.stringify(JSON.parse(text)) ? given : text;
  } catch {
    return text;
  }
}

/**
 * An `adopt` for a type whose primary identifier is several properties (a child named by its parent's id and its
 * own): the identifier's values are the properties that find the resource, and reading it proves it is there.
 */
export function adoptByReading(
  read: (request: ResourceDelete) => Promise<Properties>,
  physicalId: (identifier: Record<string, string>) => string,
  attributes: (identifier: Record<string, string>) => Record<string, unknown> = () => ({}),
): (request: ResourceRequest, identifier: Record<string, string>) => Promise<ResourceState> {
  return async (request, identifier) => {
    const state = { physicalId: physicalId(identifier), attributes: attributes(identifier) };
    await read({ ...request, properties: { ...request.properties, ...identifier }, ...state });
    return state;
  };
}

/**
 * `list` and `listRequires` of a child type, which Cloud Control lists under the parents its ResourceModel names:
 * every id `ids` finds under them, read by the type's read handler (given the parents' ids as its properties, no stack,
 * and the list request's account, region and caller), named by the parents and `idName`.
 */
export function listUnder(
  parents: readonly string[],
  idName: string,
  read: (request: ResourceDelete) => Promise<Properties>,
  ids: (request: ResourceListRequest, parents: Record<string, string>) => Promise<string[]>,
): Pick<ResourceType, 'list' | 'listRequires'> {
  return {
    listRequires: parents,
    async list(request): Promise<ListedResource[]> {
      const named = Object.fromEntries(parents.map((name) => [name, String(request.model![name])]));
      const found = await ids(request, named);
      return Promise.all(
        found.map(async (id) => {
          const properties = await read({ ...(request as ResourceRequest), stackTags: [], properties: named, physicalId: id, attributes: {} });
          return { identifier: { ...named, [idName]: id }, physicalId: id, properties: { ...properties, [idName]: id } };
        }),
      );
    },
  };
}

/** A date the service answers, as the template wrote it when it is the same moment (else in ISO 8601). */
export function timeAsGiven(given: unknown, date: Date | string | undefined): string | undefined {
  if (date === undefined) return undefined;
  return given !== undefined && new Date(String(given)).getTime() === new Date(date).getTime() ? String(given) : new Date(date).toISOString();
}
