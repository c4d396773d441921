/** AWS's own domains: a URL there is reached directly; any other host is the target's own name for a resource. */
export const AWS_HOST = /\.(on\.aws|amazonaws\.com)$/;

/** The emulator name of a deployed API Gateway API, as LocalStack's tests write it: `<api-id>.execute-api.localhost.localstack.cloud`. */
const EMULATOR_EXECUTE_API = /^([a-z0-9]+)\.execute-api\.localhost\.localstack\.cloud(:\d+)?$/;
/** The emulator's path-style form of an API's invoke URL: `/restapis/<api-id>/<stage>/_user_request_/<path>`. */
const USER_REQUEST = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;

/**
 * A plain HTTP interaction's URL (InteractionMeta.url) in an emulator's execute-api form, as AWS serves it, for a
 * target on AWS: the API's host name `<api-id>.execute-api.localhost.localstack.cloud`, or a path
 * `/restapis/<api-id>/<stage>/_user_request_/<path>` on any host, is the API's own invoke URL
 * `https://<api-id>.execute-api.<region>.amazonaws.com/<stage>/<path>`. Undefined for any other URL, which goes where
 * it names.
 */
export function awsInvokeUrl(url: URL, region: string): URL | undefined {
  const host = (api: string) => `https://${api}.execute-api.${region}.amazonaws.com`;
  const named = EMULATOR_EXECUTE_API.exec(url.host)?.[1];
  if (named !== undefined) return new URL(`${host(named)}${url.pathname}${url.search}`);
  const [, api, stage, rest] = USER_REQUEST.exec(url.pathname) ?? [];
  if (api === undefined) return undefined;
  return new URL(`${host(api)}/${stage}${rest ?? '/'}${url.search}`);
}
