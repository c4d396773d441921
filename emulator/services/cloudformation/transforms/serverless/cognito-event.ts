import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { TransformErrorFor, type Expansion } from './context.ts';
import { permission, type Invoked } from './events.ts';

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A function's Cognito event as SAM's event source makes it: the user pool of the template it names gets the function
 * in its LambdaConfig for each trigger, and Cognito a permission to invoke it (one per function). The template's
 * `AWS::Cognito::UserPool` is a type twinstack does not serve, which CloudFormation then refuses.
 */
export function addCognitoEvent(expansion: Expansion, fn: Invoked, eventId: string, p: Properties, condition?: string): void {
  const invalid = (message: string) => new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. ${message}`);
  const triggers = p.Trigger;
  if (!(typeof triggers === 'string' || (Array.isArray(triggers) && triggers.every((t) => typeof t === 'string')))) {
    throw new TransformErrorFor(`${fn.id}${eventId}`, "Type of property 'Trigger' is invalid.");
  }
  const reference = isMap(p.UserPool) && Object.hasOwn(p.UserPool, 'Ref') ? p.UserPool.Ref : undefined;
  if (reference !== undefined && typeof reference !== 'string') throw new TransformErrorFor(fn.id, `Event with id [${fn.id}${eventId}] is invalid. Ref in Userpool is not a string.`);
  if (typeof reference !== 'string' || !Object.hasOwn(expansion.source, reference)) throw invalid('Cognito events must reference a Cognito UserPool in the same template.');
  const pool = (expansion.resources[reference] ??= structuredClone(expansion.source[reference])) as TemplateResource;
  const properties = (pool.Properties ??= {}) as Properties;
  const config = (properties.LambdaConfig ??= {}) as unknown;
  if (!isMap(config)) throw new TransformErrorFor(reference, "Property 'LambdaConfig' should be a map.");
  for (const trigger of [triggers].flat() as string[]) {
    if (Object.hasOwn(config, trigger)) throw invalid(`Cognito trigger "${String(triggers)}" defined multiple times.`);
    config[trigger] = fn.arn;
  }
  expansion.resources[`${fn.id}CognitoPermission`] = { ...(condition ? { Condition: condition } : {}), ...permission(fn, 'cognito-idp.amazonaws.com', { 'Fn::GetAtt': [reference, 'Arn'] }) } as TemplateResource;
}
