// TestLambdaTag and TestLambdaTags scenarios of test_lambda_api.py: tags on functions, event source mappings and
// capacity providers, and their limits.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, CONFIGURATION_CODE_SIZE, createFunction, failingAws, FUNCTION, onFunction, queueSetup } from './common.ts';

/** long_uid(): a UUID, which an event source mapping ARN requires. */
const RESOURCE = '8f2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';
const RESOURCE_ARNS: Record<string, string> = {
  lambda_function: `arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:${RESOURCE}`,
  event_source_mapping: `arn:{{partition}}:lambda:{{region}}:{{accountId}}:event-source-mapping:${RESOURCE}`,
  capacity_provider: `arn:{{partition}}:lambda:{{region}}:{{accountId}}:capacity-provider:${RESOURCE}`,
};
const tagOn = (Resource: string, snapshot: string | undefined, Tags: Record<string, string>): SourceStep => ({ op: 'TagResource', params: { Resource, Tags }, ...(snapshot ? { snapshot } : {}) });
const untagOn = (Resource: string, snapshot: string | undefined, TagKeys: string[]): SourceStep => ({ op: 'UntagResource', params: { Resource, TagKeys }, ...(snapshot ? { snapshot } : {}) });
const listOn = (Resource: string, snapshot: string): SourceStep => ({ op: 'ListTags', params: { Resource }, snapshot });
const numbered = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, k) => [`${k}_key`, `${k}_value`]));
const FOUR_TAGS = { key_b: 'value_b', key_c: 'value_c', key_d: 'value_d', key_e: 'value_e' };
/** list_tags and get_function on the function, as the test's snapshot_tags_for_resource does. */
const tagsAndFunction = (suffix: string): SourceStep[] => [
  listOn('{{functionArn}}', `list_tags_response_${suffix}`),
  { op: 'GetFunction', params: { FunctionName: '{{functionArn}}' }, snapshot: `get_fn_response_${suffix}`, ignore: CONFIGURATION_CODE_SIZE },
];

export const tagScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaTag::test_create_tag_on_fn_create',
    steps: [
      callerAccount,
      createFunction({ Tags: { testtag: 'tag-{{suffix}}' } }),
      onFunction('GetFunction', 'get_function_result', {}, { ignore: CONFIGURATION_CODE_SIZE }),
      listOn('{{functionArn}}', 'list_tags_result'),
    ],
  },
  {
    test: 'TestLambdaTag::test_create_tag_on_esm_create',
    note: "the test's other entry is the boolean its wait for the mapping returned, not a response",
    steps: [
      callerAccount,
      ...queueSetup(),
      createFunction(),
      { op: 'CreateEventSourceMapping', params: { EventSourceArn: '{{queueArn}}', FunctionName: FUNCTION, BatchSize: 1, Tags: { testtag: 'tag-{{suffix}}' } }, capture: { mappingArn: '$.EventSourceMappingArn' } },
      listOn('{{mappingArn}}', 'list_tags_result'),
    ],
  },
  {
    test: 'TestLambdaTag::test_tag_exceptions',
    steps: (param) => {
      const arn = RESOURCE_ARNS[param];
      const parts = arn.split(':');
      parts[parts.length - 2] = 'foobar';
      return [
        callerAccount,
        tagOn(arn, 'not_found_exception_tag', { A: 'B' }),
        untagOn(arn, 'not_found_exception_untag', ['A']),
        listOn(arn, 'not_found_exception_list'),
        listOn(`${arn}:alias`, 'aliased_arn_exception'),
        listOn(parts.join(':'), 'invalid_arn_exception'),
      ];
    },
  },
  {
    test: 'TestLambdaTag::test_tag_nonexisting_resource',
    steps: [
      callerAccount,
      createFunction(),
      { op: 'GetFunction', params: { FunctionName: '{{functionArn}}' }, snapshot: 'pre_delete_get_function', ignore: CONFIGURATION_CODE_SIZE },
      { op: 'DeleteFunction', params: { FunctionName: '{{functionArn}}' } },
      tagOn('{{functionArn}}', 'not_found_exception_tag', { A: 'B' }),
      untagOn('{{functionArn}}', 'not_found_exception_untag', ['A']),
      listOn('{{functionArn}}', 'not_found_exception_list'),
    ],
  },
  {
    test: 'TestLambdaTags::test_tag_exceptions',
    fileName: 'test_tag_exceptions.TestLambdaTags',
    note: "the test's closing checks (a partial untag) are assertions, not snapshots",
    steps: [
      callerAccount,
      createFunction({ FunctionName: 'fn-tag-{{suffix}}' }),
      tagOn('arn:{{partition}}:something', 'tag_lambda_invalidarn', { key_a: 'value_a' }),
      tagOn('arn:{{partition}}:lambda:{{region}}:{{accountId}}:function:doesnotexist', 'tag_lambda_doesnotexist', { key_a: 'value_a' }),
      tagOn('{{functionArn}}:v1', 'tag_lambda_qualifier_doesnotexist', { key_a: 'value_a' }),
      listOn('{{functionArn}}', 'list_tag_lambda_empty'),
      untagOn('{{functionArn}}', 'untag_nomatch', ['somekey']),
      untagOn('{{functionArn}}', 'untag_empty_keys', []),
      tagOn('{{functionArn}}', 'tag_empty_tags', {}),
    ],
  },
  {
    test: 'TestLambdaTags::test_tag_limits',
    steps: [
      callerAccount,
      createFunction({ FunctionName: 'fn-tag-{{suffix}}' }),
      tagOn('{{functionArn}}', 'tag_lambda_too_many_tags', numbered(51)),
      tagOn('{{functionArn}}', 'tag_response', numbered(50)),
      listOn('{{functionArn}}', 'list_tags_response'),
      { op: 'GetFunction', params: { FunctionName: 'fn-tag-{{suffix}}' }, snapshot: 'get_fn_response', ignore: CONFIGURATION_CODE_SIZE },
      tagOn('{{functionArn}}', 'tag_lambda_too_many_tags_additional', { a_key: 'a_value' }),
      failingAws('create_function_invalid_tags', { FunctionName: 'fn-tag2-{{suffix}}', Tags: numbered(51) }),
    ],
  },
  {
    test: 'TestLambdaTags::test_tag_versions',
    steps: [
      callerAccount,
      createFunction({ FunctionName: 'fn-tag-{{suffix}}', Tags: { key_a: 'value_a' } }),
      { op: 'PublishVersion', params: { FunctionName: 'fn-tag-{{suffix}}' }, capture: { versionArn: '$.FunctionArn' } },
      tagOn('{{versionArn}}', 'tag_resource_exception', FOUR_TAGS),
      tagOn('{{functionArn}}:$LATEST', 'tag_resource_latest_exception', FOUR_TAGS),
    ],
  },
  {
    test: 'TestLambdaTags::test_tag_lifecycle',
    fileName: 'test_tag_lifecycle.TestLambdaTags',
    steps: [
      callerAccount,
      createFunction({ FunctionName: 'fn-tag-{{suffix}}', Tags: { key_a: 'value_a' } }),
      ...tagsAndFunction('postfncreate'),
      tagOn('{{functionArn}}', 'tag_resource_response', FOUR_TAGS),
      ...tagsAndFunction('postaddtags'),
      tagOn('{{functionArn}}', 'tag_resource_overwrite', { key_b: 'value_b', key_c: 'value_x' }),
      ...tagsAndFunction('overwrite'),
      untagOn('{{functionArn}}', undefined, ['key_c', 'key_d']),
      ...tagsAndFunction('postuntag'),
      untagOn('{{functionArn}}', undefined, ['key_a', 'key_b', 'key_e']),
      ...tagsAndFunction('postuntagall'),
      { op: 'DeleteFunction', params: { FunctionName: 'fn-tag-{{suffix}}' } },
      listOn('{{functionArn}}', 'list_tags_postdelete'),
    ],
  },
];
