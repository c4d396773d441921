import type { SdkTarget } from './javascript.ts';

/** One method of a deployed stage as every generated client describes it (the data the platform templates fill in). */
export interface SdkOperation {
  /** `petsPetIdGet`: the path's words in camel case, then the HTTP method (`root` for `/`), as AWS's SDKs name it. */
  name: string;
  httpMethod: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  required: string[];
  /** AWS_IAM methods are signed with SigV4; API-key methods send `x-api-key`. */
  iam: boolean;
  apiKeyRequired: boolean;
}

/** A model of the API with its JSON-schema properties' simple types (object/array members become raw JSON). */
export interface SdkModel {
  name: string;
  properties: { name: string; type: 'string' | 'number' | 'integer' | 'boolean' | 'json' }[];
}

export function methodName(path: string, httpMethod: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => segment.replace(/[{}+]/g, ' ').split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  const camel = (words.length ? words : ['root']).map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() : w.charAt(0).toUpperCase()) + w.slice(1)).join('');
  return camel + httpMethod.charAt(0).toUpperCase() + httpMethod.slice(1).toLowerCase();
}

/** The parameters a method declares (`method.request.<where>.<name>`), by where they go, and the required ones. */
export function parametersOf(path: string, requestParameters: Record<string, boolean> = {}) {
  const pathNames = [...path.matchAll(/\{([^}]+?)\+?\}/g)].map((m) => m[1]);
  const of = (where: string) => Object.keys(requestParameters).flatMap((key) => (key.startsWith(`method.request.${where}.`) ? [key.slice(`method.request.${where}.`.length)] : []));
  const required = Object.entries(requestParameters).flatMap(([key, needed]) => (needed ? [key.split('.').slice(3).join('.')] : []));
  return { path: pathNames, query: of('querystring'), header: of('header'), required: [...new Set([...pathNames, ...required])] };
}

/** The stage's methods, sorted by path then HTTP method (the order every generated client lists them in). */
export function operationsOf(target: SdkTarget): SdkOperation[] {
  const out: SdkOperation[] = [];
  for (const resource of [...target.snapshot.resources].sort((a, b) => a.path.localeCompare(b.path))) {
    for (const [httpMethod, method] of Object.entries(resource.methods).sort(([a], [b]) => a.localeCompare(b))) {
      const params = parametersOf(resource.path, method.requestParameters);
      out.push({
        name: methodName(resource.path, httpMethod === 'ANY' ? 'any' : httpMethod),
        httpMethod,
        path: resource.path,
        pathParams: params.path,
        queryParams: params.query,
        headerParams: params.header,
        required: params.required,
        iam: method.authorizationType === 'AWS_IAM',
        apiKeyRequired: method.apiKeyRequired === true,
      });
    }
  }
  return out;
}

const SIMPLE = new Set(['string', 'number', 'integer', 'boolean']);

/** The API's own models (not the built-in Empty and Error), with the simple types of their top-level properties. */
export function modelsOf(target: SdkTarget): SdkModel[] {
  return target.snapshot.models
    .filter((m) => m.name && m.name !== 'Empty' && m.name !== 'Error' && /^[A-Za-z][A-Za-z0-9]*$/.test(m.name))
    .map((m) => {
      let schema: { properties?: Record<string, { type?: string }> } = {};
      try {
        schema = JSON.parse(m.schema ?? '{}');
      } catch {
        // A schema API Gateway stored but that is not JSON has no properties to generate.
      }
      const properties = Object.entries(schema.properties ?? {})
        .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        .map(([name, prop]) => ({ name, type: (SIMPLE.has(prop?.type ?? '') ? prop.type : 'json') as SdkModel['properties'][number]['type'] }));
      return { name: m.name!, properties };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A parameter name as an identifier of the target language (`x-tag` -> `xTag`). */
export function identifier(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() : w.charAt(0).toUpperCase()) + w.slice(1)).join('');
  return /^[0-9]/.test(camel) ? `p${camel}` : camel || 'param';
}
