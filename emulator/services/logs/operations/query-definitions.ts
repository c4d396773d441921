import type {
  DeleteQueryDefinitionRequest,
  DeleteQueryDefinitionResponse,
  DescribeQueryDefinitionsRequest,
  DescribeQueryDefinitionsResponse,
  PutQueryDefinitionRequest,
  PutQueryDefinitionResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { notFound } from '../errors.ts';
import { page } from '../pages.ts';
import type { LogsState, QueryDefinition } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/** AWS allows 1,000 saved queries per region. */
const MAX_DEFINITIONS = 1000;

const definitionNotFound = () => notFound('The specified query definition does not exist.');

/** Saves a query (a new one, or the one `queryDefinitionId` names, replaced whole). */
export function putQueryDefinition(input: PutQueryDefinitionRequest, ctx: Ctx): PutQueryDefinitionResponse {
  const id = input.queryDefinitionId ?? randomUUID();
  if (input.queryDefinitionId !== undefined && !ctx.state.queryDefinitions.has(id)) throw definitionNotFound();
  if (!ctx.state.queryDefinitions.has(id) && ctx.state.queryDefinitions.size >= MAX_DEFINITIONS) {
    throw new AwsError('LimitExceededException', `Query definition quota of ${MAX_DEFINITIONS} exceeded.`);
  }
  const definition: QueryDefinition = {
    id,
    name: input.name!,
    queryString: input.queryString!,
    queryLanguage: input.queryLanguage ?? 'CWLI',
    logGroupNames: input.logGroupNames,
    parameters: input.parameters?.map((p) => ({ name: p.name!, defaultValue: p.defaultValue, description: p.description })),
    lastModified: ctx.emulator.clock.now(),
  };
  ctx.state.queryDefinitions.set(id, definition);
  return { queryDefinitionId: id };
}

export function describeQueryDefinitions(input: DescribeQueryDefinitionsRequest, ctx: Ctx): DescribeQueryDefinitionsResponse {
  const matching = [...ctx.state.queryDefinitions.values()]
    .filter((d) => (input.queryDefinitionNamePrefix === undefined || d.name.startsWith(input.queryDefinitionNamePrefix)) && (input.queryLanguage === undefined || d.queryLanguage === input.queryLanguage))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(matching, input.nextToken, input.maxResults ?? 1000);
  return {
    queryDefinitions: items.map((d) => ({
      queryLanguage: d.queryLanguage as 'CWLI',
      queryDefinitionId: d.id,
      name: d.name,
      queryString: d.queryString,
      lastModified: d.lastModified,
      logGroupNames: d.logGroupNames,
      parameters: d.parameters,
    })),
    nextToken,
  };
}

export function deleteQueryDefinition(input: DeleteQueryDefinitionRequest, ctx: Ctx): DeleteQueryDefinitionResponse {
  if (!ctx.state.queryDefinitions.delete(input.queryDefinitionId!)) throw definitionNotFound();
  return { success: true };
}
