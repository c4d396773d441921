import type { Properties } from '../../provider.ts';
import { addEventAuth, addEventResourcePolicy } from './auth.ts';
import { ANY_METHOD, TransformErrorFor, type Expansion } from './context.ts';
import { apiOf } from './events.ts';
import { IMPLICIT_REST_API, methodKey } from './implicit-api.ts';
import { insert, templateKeys, templateValues, tracked, type CopyClock } from './py27.ts';
import { startExecutionRole } from './state-machine-events.ts';

/**
 * The request template SAM gives the integration: the request body as the execution's input, the machine's ARN;
 * with UnescapeMappingTemplate, the single quotes escapeJavaScript escapes are unescaped.
 */
function requestTemplate(machine: string, unescape: boolean): Properties {
  const text = unescape
    ? `{"input": "$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'","'")", "stateMachineArn": "\${${machine}}"}`
    : JSON.stringify({ input: "$util.escapeJavaScript($input.json('$'))", stateMachineArn: `\${${machine}}` }).replaceAll('":"', '": "').replaceAll('","', '", "');
  return { 'application/json': { 'Fn::Sub': text } };
}

/**
 * An `Api` event of an `AWS::Serverless::StateMachine`, as SAM's state machine event source makes it: the role API
 * Gateway assumes to start executions (`<machine><event>Role`), and, on an API whose definition SAM writes, the
 * route's `aws` integration with Step Functions' StartExecution (the request body as input), its responses and the
 * event's Auth. The edit is made between two copies of the definition, as SAM's editor makes it (see py27.ts).
 */
export function addStateMachineApiEvent(expansion: Expansion, machine: string, eventId: string, p: Properties, attributes: Properties, boundary?: unknown): void {
  const invalid = (message: string) => new TransformErrorFor(machine, `Event with id [${eventId}] is invalid. ${message}`);
  if (typeof p.Path !== 'string' || typeof p.Method !== 'string') throw invalid("Event is missing key 'Path' or 'Method'.");
  const roleId = `${machine}${eventId}Role`;
  expansion.resources[roleId] = startExecutionRole(roleId, 'apigateway.amazonaws.com', machine, attributes, boundary) as never;
  const api = apiOf(machine, p.RestApiId, IMPLICIT_REST_API, expansion.restApis);
  const entry = expansion.restApis.get(api)!;
  // On an API with the template's own DefinitionBody, SAM adds nothing for a state machine.
  if ((entry.properties as Properties | undefined)?.DefinitionBody !== undefined) return;
  const paths = entry.paths as Record<string, Properties>;
  const key = methodKey(p.Method);
  if ((paths[p.Path]?.[key] as Properties | undefined)?.['x-amazon-apigateway-integration']) throw invalid(`API method "${p.Method.toLowerCase()}" defined multiple times for path "${p.Path}".`);
  const clock = entry.clock as CopyClock;
  clock.now++;
  const dict = <T extends object>(value: T) => tracked(value, clock);
  const integration = dict({
    type: 'aws',
    httpMethod: 'POST',
    uri: dict({ 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution' }),
    responses: dict({ '200': dict({ statusCode: '200' }), '400': dict({ statusCode: '400' }) }),
    credentials: dict({ 'Fn::GetAtt': [roleId, 'Arn'] }),
    requestTemplates: dict(requestTemplate(machine, p.UnescapeMappingTemplate === true)),
  });
  const item = dict(templateValues({ 'x-amazon-apigateway-integration': integration, responses: dict({ '200': dict({ description: 'OK' }), '400': dict({ description: 'Bad Request' }) }) }));
  addEventAuth(machine, eventId, p, (entry.properties ?? expansion.globals.Api ?? {}) as Properties, item, entry, clock, expansion.partition);
  if (!Object.hasOwn(paths, p.Path)) insert(paths, p.Path, templateKeys(tracked({}, clock), [ANY_METHOD]));
  insert(paths[p.Path], key, item);
  // A state machine's event has no stage of its own (SAM sets none): its policy names a null one.
  addEventResourcePolicy(machine, eventId, p, entry.skeleton as Properties, { name: null, fromTemplate: false });
  clock.now++;
}
