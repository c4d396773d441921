// LocalStack's AWS-validated Step Functions tests whose state machines call other services (service integrations:
// SQS, SNS, DynamoDB, aws-sdk:*), github.com/localstack/localstack, tests/aws/services/stepfunctions/v2, Apache-2.0,
// reproduced as request sequences: the resources the test's fixtures made (a queue, a topic, a table) through those
// services' own APIs, the state machine from the test's template (stepfunctions-common/service-templates.json, as
// json5-parsed and sent with Python's json.dumps), one execution on the test's input, and its history judged against
// the one recorded on AWS.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pythonJson, type SourceFile, type SourceStep } from '../../verifier/port/source-types.ts';
import { zip } from './lambda-api/common.ts';
import { CALLER, decodedDocuments, historyStep, moduleSnapshot, moduleSourceBase, ROLE_ARN, type Snapshot } from './stepfunctions-common/history.ts';
import { topicToQueue } from './sns/queue-subscription.ts';

interface Template {
  States: Record<string, { Resource?: string; OutputPath?: string | null; Catch?: { ErrorEquals: string[] }[] }>;
}
const TEMPLATES = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'stepfunctions-common', 'service-templates.json'), 'utf8')) as Record<string, Template>;

/** One execution of a test: what its fixtures made first, its template, its input (a value the test json.dumps). */
interface Run {
  setup: SourceStep[];
  template: string;
  /** The input, a value the test json.dumps. */
  input: unknown;
  /** The test's edits of the template before sending it (a state's Resource set to the function it made). */
  edit?: (template: Template) => void;
  /** The test's calls after the execution ended, and the snapshot keys of their answers. */
  after?: SourceStep[];
  /**
   * The response bodies whose Content-Length the integration reports hold values the test redacted (a state machine's
   * name): their length is not the replay's, so the header is judged present only.
   */
  lengthOfRedacted?: true;
}

interface Module {
  module: string;
  dir: string;
  /** `Class::test` -> its run, or its runs by pytest parameter. */
  tests: Record<string, Run | Record<string, Run>>;
  notPorted?: Record<string, string>;
  /** Recorded variants of a test not ported, by its parameter, with the reason. */
  unportedVariants?: Record<string, Record<string, string>>;
  /** Words the test's transformers wrote in place of values (a table name as `table-name`). */
  redactedWords?: string[];
  /** Words they wrote in place of part of a value (a function's name in its ARN). */
  redactedText?: string[];
}

const json = { protocol: 'json' as const };
const queue = (name = 'queue-{{suffix}}'): SourceStep => ({ service: 'sqs', op: 'CreateQueue', params: { QueueName: name }, capture: { queueUrl: '$.QueueUrl' }, ...json });
const topic = (name = 'topic-{{suffix}}', attributes?: Record<string, string>): SourceStep => ({
  service: 'sns',
  op: 'CreateTopic',
  params: { Name: name, ...(attributes ? { Attributes: attributes } : {}) },
  capture: { topicArn: '$.TopicArn' },
  protocol: 'query',
});
/** LocalStack's create_dynamodb_table: a string hash key `id`, on demand, no stream, awaited until ACTIVE. */
const table = (name: string): SourceStep[] => [
  {
    service: 'dynamodb',
    op: 'CreateTable',
    params: { TableName: name, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: false } },
    ...json,
  },
  { service: 'dynamodb', op: 'DescribeTable', params: { TableName: name }, until: { path: '$.Table.TableStatus', matches: '^ACTIVE$' }, ...json },
];

const DYNAMODB_INPUT = {
  TableName: 'sfn_test_table_{{suffix}}',
  Item: { data: { S: 'HelloWorld' }, id: { S: 'id1' } },
  Key: { id: { S: 'id1' } },
  UpdateExpression: 'set S=:r',
  ExpressionAttributeValues: { ':r': { S: 'HelloWorldUpdated' } },
};
const dynamodbRun = (template: string): Run => ({ setup: table('sfn_test_table_{{suffix}}'), template, input: DYNAMODB_INPUT });

const SNS_MESSAGE = { Message: 'HelloWorld!' };

/** test_publish_message_attributes: a queue subscribed to the topic (sns_allow_topic_sqs_queue's policy), read once the execution ended. */
const subscribedQueue: SourceStep[] = [
  topic(),
  { service: 'sqs', op: 'CreateQueue', params: { QueueName: 'test-queue-{{suffix}}' }, capture: { queueUrl: '$.QueueUrl' }, ...json },
  { service: 'sqs', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, capture: { queueArn: '$.Attributes.QueueArn' }, ...json },
  ...topicToQueue(),
];
/** sqs_receive_num_messages: the notification's JSON body (its Message decoded where the snapshot holds it decoded). */
const receivedNotification = (messageJson: boolean): SourceStep => ({
  service: 'sqs',
  op: 'ReceiveMessage',
  params: { QueueUrl: '{{queueUrl}}', MessageAttributeNames: ['All'], VisibilityTimeout: 0, WaitTimeSeconds: 5 },
  snapshot: 'messages',
  messageBodies: messageJson ? { bodyJson: ['Message'] } : {},
  until: { path: '$.Messages', count: 1 },
  ...json,
});
const messageAttributesRun = (message: unknown, messageJson: boolean): Run => ({
  setup: subscribedQueue,
  template: 'services/sns_publish_message_attributes.json5',
  input: { TopicArn: '{{topicArn}}', Message: message, MessageAttributeValue1: 'Hello', MessageAttributeValue2: 'World!' },
  after: [receivedNotification(messageJson)],
});

/** LocalStack's s3_create_bucket in the replay's region (us-east-1: no location constraint). */
const bucket: SourceStep = { service: 's3', op: 'CreateBucket', params: { Bucket: 'test-bucket-{{suffix}}' }, protocol: 'rest-xml' };
const s3Input = (key: string, body?: unknown) => ({ Bucket: 'test-bucket-{{suffix}}', Key: key, ...(body === undefined ? {} : { Body: body }) });
/** test_s3_get_object: the object the test put first (a str and bytes of the same text are the same request). */
const getObjectRun = (body: string): Run => ({
  setup: [bucket, { service: 's3', op: 'PutObject', params: { Bucket: 'test-bucket-{{suffix}}', Key: 'file_key', Body: body }, protocol: 'rest-xml' }],
  template: 'services/aws_sdk_s3_get_object.json5',
  input: s3Input('file_key'),
});
/** test_s3_put_object: the state machine puts the body; the test then reads the object back. */
const putObjectRun = (body: unknown): Run => ({
  setup: [bucket],
  template: 'services/aws_sdk_s3_put_object.json5',
  input: s3Input('file-key-{{suffix}}', body),
  after: [{ service: 's3', op: 'GetObject', params: { Bucket: 'test-bucket-{{suffix}}', Key: 'file-key-{{suffix}}' }, protocol: 'rest-xml', snapshot: 'get-s3-object', jsonStrings: ['$.Body'] }],
});
/** LocalStack's create_lambda_function: a python3.12 function of the test's handler, awaited until Active. */
const lambdaFunction = (source: string, name = 'lambda_func_{{suffix}}', arn = 'functionArn'): SourceStep[] => [
  {
    service: 'lambda',
    op: 'CreateFunction',
    params: { FunctionName: name, Runtime: 'python3.12', Role: 'arn:{{partition}}:iam::{{accountId}}:role/lambda-test-role', Handler: 'handler.handler', Code: { ZipFile: zip(source) } },
    capture: { [arn]: '$.FunctionArn' },
    protocol: 'rest-json',
  },
  { service: 'lambda', op: 'GetFunctionConfiguration', params: { FunctionName: name }, until: { path: '$.State', matches: '^Active$' }, protocol: 'rest-json' },
];
/** The test's handler, in behaviour: its input back (id_function.py). */
const ID_FUNCTION = 'def handler(event, context):\n    return event\n';
const invokeRun = (payload: unknown): Run => ({ setup: lambdaFunction(ID_FUNCTION), template: 'services/lambda_invoke.json5', input: { FunctionName: 'lambda_func_{{suffix}}', Payload: payload } });
/** lambda_functions/base/echo_function.py, in behaviour. */
const ECHO_FUNCTION = 'def handler(event, ctx):\n    return {"Return": "HelloWorld"}\n';
/** The error handling tests' handlers (raise_exception.py, raise_custom_exception.py), line for line: AWS's stack trace names their lines. */
const RAISE_EXCEPTION = 'def handler(event, context):\n    raise Exception("Some exception was raised.")\n';
const RAISE_CUSTOM_EXCEPTION =
  'class CustomException(Exception):\n    message: str\n\n    def __init__(self):\n        self.message = "CustomException message"\n\n\ndef handler(event, context):\n    raise CustomException()\n';
/** A state whose Resource the test set to its function's ARN. */
const resource = (state: string, arn = '{{functionArn}}') => (template: Template) => {
  template.States[state].Resource = arn;
};
/** test_lambda_task's runs: the template's Resource set to the function, on an input. */
const resourceRun = (input: unknown, source = ID_FUNCTION): Run => ({ setup: lambdaFunction(source, 'lambda_1_func_{{suffix}}'), template: 'services/lambda_invoke_resource.json5', edit: resource('step1'), input });
const failingRun = (template: string, source: string, input: unknown, edit?: Run['edit']): Run => ({ setup: lambdaFunction(source), template, input, ...(edit ? { edit } : {}) });
const NO_PAYLOAD = { FunctionName: 'lambda_func_{{suffix}}', Payload: null };
const NO_SUCH_FUNCTION = { FunctionName: 'no_such_lambda_func_{{suffix}}', Payload: null };

/** test_sfn_task_service: a target machine (BASE_PASS_RESULT) started by the task; its answer names the target's name, which the test redacted. */
const startExecutionRun = (input: unknown): Run => ({
  setup: [{ op: 'CreateStateMachine', params: { name: 'sm-target-{{suffix}}', definition: pythonJson(TEMPLATES['base/pass_result.json5']), roleArn: ROLE_ARN }, capture: { targetArn: '$.stateMachineArn' } }],
  template: 'services/sfn_start_execution.json5',
  input: { StateMachineArn: '{{targetArn}}', Input: input, Name: 'TestStartTarget' },
  lengthOfRedacted: true,
});

/** events_to_sqs_queue: a rule on the default bus for the test's detail type, targeting a queue the rule may send to. */
const eventsQueue: SourceStep[] = [
  {
    service: 'events',
    op: 'PutRule',
    params: { Name: 'test-rule-{{suffix}}', EventBusName: 'default', ScheduleExpression: '', EventPattern: pythonJson({ 'detail-type': ['detail_type_{{suffix}}'] }) },
    capture: { ruleArn: '$.RuleArn' },
    ...json,
  },
  { service: 'sqs', op: 'CreateQueue', params: { QueueName: 'test-queue-{{suffix}}' }, capture: { queueUrl: '$.QueueUrl' }, ...json },
  { service: 'sqs', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, capture: { queueArn: '$.Attributes.QueueArn' }, ...json },
  {
    service: 'sqs',
    op: 'SetQueueAttributes',
    params: {
      QueueUrl: '{{queueUrl}}',
      Attributes: {
        Policy: pythonJson({
          Statement: [
            { Sid: 'StepFunctionsEventRule', Resource: '{{queueArn}}', Action: 'sqs:SendMessage', Principal: { Service: 'events.amazonaws.com' }, Condition: { ArnEquals: { 'aws:SourceArn': '{{ruleArn}}' } }, Effect: 'Allow' },
          ],
        }),
        ReceiveMessageWaitTimeSeconds: '1',
      },
    },
    ...json,
  },
  { service: 'events', op: 'PutTargets', params: { Rule: 'test-rule-{{suffix}}', Targets: [{ Id: 'test-target-{{suffix}}', Arn: '{{queueArn}}' }] }, ...json },
];
/** record_sqs_events: the events the queue received, as their JSON bodies (in any order). */
const receivedEvents = (count: number): SourceStep => ({
  service: 'sqs',
  op: 'ReceiveMessage',
  params: { QueueUrl: '{{queueUrl}}' },
  snapshot: 'stepfunctions_events',
  messageBodies: {},
  until: { path: '$.Messages', count, accumulate: true },
  ...json,
});
const DETAIL_TYPE = 'detail_type_{{suffix}}';
const eventsRun = (entries: unknown[], received?: number): Run => ({
  setup: eventsQueue,
  template: 'services/events_put_events.json5',
  input: { Entries: entries },
  ...(received === undefined ? {} : { after: [receivedEvents(received)] }),
});

/** A recording of a parameter the test no longer has (its 2023 recordings of None and of a value since dropped). */
const DROPPED_PARAMETER = 'a recording of a variant the test code no longer has: its request sequence is not known';

const AWS_SDK_DYNAMODB_INPUT = { TableName: 'sfn_test_table_{{suffix}}', Item: DYNAMODB_INPUT.Item, Key: DYNAMODB_INPUT.Key };

const MODULES: Module[] = [
  {
    module: 'test_sqs_task_service',
    dir: 'stepfunctions/v2/services',
    tests: {
      'TestTaskServiceSqs::test_send_message': { setup: [queue()], template: 'services/sqs_send_msg.json5', input: { QueueUrl: '{{queueUrl}}', MessageBody: 'test_message_body' } },
      'TestTaskServiceSqs::test_send_message_unsupported_parameters': {
        setup: [queue()],
        template: 'services/sqs_send_msg.json5',
        input: { QueueUrl: '{{queueUrl}}', MessageBody: 'test', MessageSystemAttribute: { AWSTraceHeader: 'test' } },
      },
      'TestTaskServiceSqs::test_send_message_attributes': {
        setup: [queue()],
        template: 'services/sqs_send_msg_attributes.json5',
        input: { QueueUrl: '{{queueUrl}}', Message: 'test_message_body', MessageAttributeValue1: 'Hello', MessageAttributeValue2: 'World' },
      },
    },
  },
  {
    module: 'test_task_service_sqs',
    dir: 'stepfunctions/v2/error_handling',
    tests: {
      'TestTaskServiceSqs::test_send_message_empty_body': { setup: [queue()], template: 'errorhandling/task_service_sqs_send_msg_catch.json5', input: { QueueUrl: '{{queueUrl}}', MessageBody: null } },
    },
  },
  {
    module: 'test_sns_task_service',
    dir: 'stepfunctions/v2/services',
    unportedVariants: {
      'TestTaskServiceSns::test_publish_message_attributes': { '': 'an earlier recording of the test, made before it was parametrized: the test code no longer holds its request sequence' },
    },
    tests: {
      // The test's parameter is not used by its calls: every variant publishes the same message.
      'TestTaskServiceSns::test_publish_base': Object.fromEntries(
        ['HelloWorld', 'message1', '1', 'True', 'None', ''].map((param) => [param, { setup: [topic()], template: 'services/sns_publish.json5', input: { TopicArn: '{{topicArn}}', Message: SNS_MESSAGE } }]),
      ),
      'TestTaskServiceSns::test_publish_message_attributes': {
        HelloWorld: messageAttributesRun('HelloWorld', false),
        '"HelloWorld"': messageAttributesRun('"HelloWorld"', false),
        '{}': messageAttributesRun('{}', true),
        message_value3: messageAttributesRun({}, true),
      },
      'TestTaskServiceSns::test_publish_base_error_topic_arn': {
        setup: [topic(), { service: 'sns', op: 'DeleteTopic', params: { TopicArn: '{{topicArn}}' }, protocol: 'query' }],
        template: 'services/sns_publish.json5',
        input: { TopicArn: '{{topicArn}}', Message: SNS_MESSAGE },
      },
      'TestTaskServiceSns::test_fifo_message_attribute': {
        'input_params0-True': { setup: [topic('topic-{{suffix}}.fifo', { FifoTopic: 'true' })], template: 'services/sns_fifo_publish_fail.json5', input: { Message: SNS_MESSAGE, TopicArn: '{{topicArn}}' } },
        'input_params1-False': {
          setup: [topic('topic-{{suffix}}.fifo', { FifoTopic: 'true' })],
          template: 'services/sns_fifo_publish.json5',
          input: { Message: SNS_MESSAGE, MessageGroupId: 'a-group', MessageDeduplicationId: 'dedup-1', TopicArn: '{{topicArn}}' },
        },
      },
    },
  },
  {
    module: 'test_dynamodb_task_service',
    dir: 'stepfunctions/v2/services',
    redactedWords: ['table-name'],
    tests: {
      'TestTaskServiceDynamoDB::test_base_integrations': {
        DYNAMODB_PUT_GET_ITEM: dynamodbRun('services/dynamodb_put_get_item.json5'),
        DYNAMODB_PUT_DELETE_ITEM: dynamodbRun('services/dynamodb_put_delete_item.json5'),
        DYNAMODB_PUT_UPDATE_GET_ITEM: dynamodbRun('services/dynamodb_put_update_get_item.json5'),
        DYNAMODB_PUT_QUERY: dynamodbRun('services/dynamodb_put_query.json5'),
      },
    },
  },
  {
    module: 'test_aws_sdk_task_service',
    dir: 'stepfunctions/v2/services',
    redactedWords: ['bucket-name', 'file-key'],
    tests: {
      'TestTaskServiceAwsSdk::test_dynamodb_put_get_item': { setup: table('sfn_test_table_{{suffix}}'), template: 'services/aws_sdk_dynamodb_put_get_item.json5', input: AWS_SDK_DYNAMODB_INPUT },
      'TestTaskServiceAwsSdk::test_dynamodb_put_delete_item': { setup: table('sfn_test_table_{{suffix}}'), template: 'services/aws_sdk_dynamodb_put_delete_item.json5', input: AWS_SDK_DYNAMODB_INPUT },
      'TestTaskServiceAwsSdk::test_dynamodb_put_update_get_item': { ...dynamodbRun('services/aws_sdk_dynamodb_put_update_get_item.json5') },
      'TestTaskServiceAwsSdk::test_s3_get_object': {
        empty_str: getObjectRun(''),
        str: getObjectRun('text data'),
        empty_binary: getObjectRun(''),
        binary: getObjectRun('binary data'),
        bytearray: getObjectRun('byte array data'),
      },
      'TestTaskServiceAwsSdk::test_sfn_start_execution_implicit_json_serialisation': {
        setup: startExecutionRun(null).setup,
        template: 'services/aws_sdk_sfn_start_execution_implicit_json_serialisation.json5',
        edit: (template) => {
          (template.States.StartTarget as { Parameters: Record<string, unknown> }).Parameters.StateMachineArn = '{{targetArn}}';
        },
        input: {},
      },
      'TestTaskServiceAwsSdk::test_s3_put_object': { str: putObjectRun('text data'), dict: putObjectRun({ Dict: 'Value' }), list: putObjectRun(['List', 'Data']), bool: putObjectRun(false), num: putObjectRun(0) },
    },
  },
  {
    module: 'test_lambda_task_service',
    dir: 'stepfunctions/v2/services',
    tests: {
      'TestTaskServiceLambda::test_invoke': invokeRun(null),
      'TestTaskServiceLambda::test_invoke_unsupported_param': {
        setup: lambdaFunction(ID_FUNCTION),
        template: 'services/lambda_invoke_log_type.json5',
        input: { FunctionName: 'lambda_func_{{suffix}}', Payload: null, LogType: 'Tail' },
      },
      // pytest's ids of the values: "HelloWorld", 0.0, 0 (0_0), -0 (0_1), True, {} (json_value5), [] (json_value6).
      'TestTaskServiceLambda::test_invoke_json_values': {
        HelloWorld: invokeRun(pythonJson('HelloWorld')),
        '0.0': invokeRun('0.0'),
        '0_0': invokeRun('0'),
        '0_1': invokeRun('0'),
        True: invokeRun('true'),
        json_value5: invokeRun('{}'),
        json_value6: invokeRun('[]'),
      },
    },
    unportedVariants: { 'TestTaskServiceLambda::test_invoke_json_values': { None: DROPPED_PARAMETER, json_value7: DROPPED_PARAMETER } },
    notPorted: {
      'TestTaskServiceLambda::test_invoke_bytes_payload':
        "fails against twinstack, not yet fixed: a Python handler returning bytes (return_bytes_str.py's b'\"HelloWorld!\"') fails with Runtime.MarshalError where AWS's runtime answers the bytes as they are",
      'TestTaskServiceLambda::test_list_functions': 'records nothing: its recording holds no entry',
    },
  },
  {
    module: 'test_lambda_task',
    dir: 'stepfunctions/v2/services',
    redactedText: ['lambda_function_name'],
    tests: {
      'TestTaskLambda::test_invoke_string_payload': resourceRun('HelloWorld'),
      'TestTaskLambda::test_invoke_json_values': {
        HelloWorld: resourceRun('HelloWorld'),
        '0_0': resourceRun(0),
        '0_1': resourceRun(-0),
        True: resourceRun(true),
        json_value5: resourceRun({}),
        json_value6: resourceRun([]),
      },
      'TestTaskLambda::test_invoke_pipe': {
        setup: [...lambdaFunction(ECHO_FUNCTION, 'lambda_1_func_{{suffix}}', 'function1'), ...lambdaFunction(ECHO_FUNCTION, 'lambda_2_func_{{suffix}}', 'function2')],
        template: 'services/lambda_invoke_pipe.json5',
        edit: (template) => {
          resource('step1', '{{function1}}')(template);
          resource('step2', '{{function2}}')(template);
        },
        input: {},
      },
      'TestTaskLambda::test_lambda_task_filter_parameters_input': { setup: lambdaFunction(ID_FUNCTION), template: 'services/lambda_input_parameters_filter.json5', edit: resource('CheckComplete'), input: {} },
    },
    unportedVariants: {
      'TestTaskLambda::test_invoke_json_values': {
        None: DROPPED_PARAMETER,
        json_value7: DROPPED_PARAMETER,
        '0.0': 'fails against twinstack, not yet fixed: an input of 0.0 is passed on from state to state as 0 (twinstack keeps numbers as JavaScript does, without their float form)',
      },
    },
    notPorted: {
      'TestTaskLambda::test_invoke_bytes_payload':
        "fails against twinstack, not yet fixed: a Python handler returning bytes (return_bytes_str.py's b'\"HelloWorld!\"') fails with Runtime.MarshalError where AWS's runtime answers the bytes as they are",
    },
  },
  {
    module: 'test_task_lambda',
    dir: 'stepfunctions/v2/error_handling',
    tests: {
      'TestTaskLambda::test_raise_exception': failingRun('errorhandling/task_lambda_invoke_catch_unknown.json5', RAISE_EXCEPTION, NO_PAYLOAD, resource('Start')),
      'TestTaskLambda::test_raise_custom_exception': failingRun('errorhandling/task_lambda_invoke_catch_tbd.json5', RAISE_CUSTOM_EXCEPTION, NO_PAYLOAD, (template) => {
        resource('InvokeLambda')(template);
        template.States.InvokeLambda.Catch![0].ErrorEquals.push('CustomException');
      }),
      'TestTaskLambda::test_raise_exception_catch': failingRun('errorhandling/task_lambda_invoke_catch_relevant.json5', RAISE_EXCEPTION, NO_PAYLOAD, resource('Start')),
      // The Resource is the function made, whatever the input names.
      'TestTaskLambda::test_no_such_function': failingRun('errorhandling/task_lambda_invoke_catch_unknown.json5', RAISE_EXCEPTION, NO_SUCH_FUNCTION, resource('Start')),
      'TestTaskLambda::test_no_such_function_catch': failingRun('errorhandling/task_lambda_invoke_catch_relevant.json5', RAISE_EXCEPTION, NO_SUCH_FUNCTION, resource('Start')),
    },
  },
  {
    module: 'test_task_service_lambda',
    dir: 'stepfunctions/v2/error_handling',
    // Its tests wrote the function's name as `<lambda_function_name>` and, in one, as `lambda_function_name`.
    redactedText: ['<lambda_function_name>', 'lambda_function_name'],
    tests: {
      'TestTaskServiceLambda::test_raise_exception': failingRun('errorhandling/task_service_lambda_invoke_catch_unknown.json5', RAISE_EXCEPTION, NO_PAYLOAD),
      'TestTaskServiceLambda::test_raise_custom_exception': failingRun('errorhandling/task_service_lambda_invoke_catch_tbd.json5', RAISE_CUSTOM_EXCEPTION, NO_PAYLOAD, (template) => {
        template.States.InvokeLambda.Catch![0].ErrorEquals.push('CustomException');
      }),
      'TestTaskServiceLambda::test_raise_exception_catch': failingRun('errorhandling/task_service_lambda_invoke_catch_relevant.json5', RAISE_EXCEPTION, NO_PAYLOAD),
      'TestTaskServiceLambda::test_raise_exception_catch_output_path': Object.fromEntries(
        [
          ['None', null],
          ['$.Payload', '$.Payload'],
          ['$.no.such.path', '$.no.such.path'],
        ].map(([param, outputPath]) => [
          param,
          {
            setup: lambdaFunction(RAISE_EXCEPTION, 'function_name_{{suffix}}'),
            template: 'errorhandling/task_service_lambda_invoke_catch_all_output_path.json5',
            edit: (template: Template) => {
              template.States.InvokeLambda.OutputPath = outputPath;
            },
            input: { FunctionName: 'function_name_{{suffix}}', Payload: { payload_input_value_0: 0 } },
          },
        ]),
      ),
      'TestTaskServiceLambda::test_no_such_function': failingRun('errorhandling/task_service_lambda_invoke_catch_unknown.json5', RAISE_EXCEPTION, NO_SUCH_FUNCTION),
      'TestTaskServiceLambda::test_no_such_function_catch': failingRun('errorhandling/task_service_lambda_invoke_catch_relevant.json5', RAISE_EXCEPTION, NO_SUCH_FUNCTION),
    },
  },
  {
    module: 'test_aws_sdk',
    dir: 'stepfunctions/v2/error_handling',
    redactedWords: ['someNonexistentBucketName', 'bucket-name'],
    tests: {
      'TestAwsSdk::test_invalid_secret_name': { setup: [], template: 'errorhandling/aws_sdk_task_error_secretsmanager_crate_secret.json5', input: { Name: 'Invalid Name', SecretString: 'HelloWorld' } },
      'TestAwsSdk::test_dynamodb_invalid_param': { setup: [], template: 'errorhandling/task_service_aws_sdk_dynamodb_put_item.json5', input: { TableName: 'no_such_sfn_test_table_{{suffix}}', Key: null, Item: null } },
      'TestAwsSdk::test_dynamodb_put_item_no_such_table': {
        setup: [],
        template: 'errorhandling/task_service_aws_sdk_dynamodb_put_item.json5',
        input: { TableName: 'no_such_sfn_test_table_{{suffix}}', Item: DYNAMODB_INPUT.Item },
      },
    },
    notPorted: Object.fromEntries(
      ['TestAwsSdk::test_no_such_bucket', 'TestAwsSdk::test_s3_no_such_key'].map((test) => [
        test,
        "fails against twinstack, not yet fixed: an aws-sdk:s3 error's cause names S3's Extended Request ID and no SDK attempt count in AWS's recordings (2023, January 2025); twinstack writes the form AWS's later recordings of other services show (`(SDK Attempt Count: 1)`, no Extended Request ID)",
      ]),
    ),
  },
  {
    module: 'test_task_service_dynamodb',
    dir: 'stepfunctions/v2/error_handling',
    tests: {
      'TestTaskServiceDynamoDB::test_invalid_param': { setup: [], template: 'errorhandling/task_service_dynamodb_put_item.json5', input: { TableName: 'no_such_sfn_test_table_{{suffix}}', Key: null, Item: null } },
      'TestTaskServiceDynamoDB::test_put_item_no_such_table': { setup: [], template: 'errorhandling/task_service_dynamodb_put_item.json5', input: { TableName: 'no_such_sfn_test_table_{{suffix}}', Item: DYNAMODB_INPUT.Item } },
      'TestTaskServiceDynamoDB::test_put_item_invalid_table_name': { setup: [], template: 'errorhandling/task_service_dynamodb_put_item.json5', input: { TableName: '/invalid_test_table_{{suffix}}', Item: DYNAMODB_INPUT.Item } },
    },
  },
  {
    module: 'test_sfn_task_service',
    dir: 'stepfunctions/v2/services',
    redactedWords: ['start-date'],
    tests: {
      'TestTaskServiceSfn::test_start_execution': startExecutionRun(null),
      'TestTaskServiceSfn::test_start_execution_input_json': startExecutionRun({ Hello: 'World' }),
    },
  },
  {
    module: 'test_task_service_sfn',
    dir: 'stepfunctions/v2/error_handling',
    tests: {
      'TestTaskServiceSfn::test_start_execution_no_such_arn': {
        setup: [...startExecutionRun(null).setup, { op: 'DeleteStateMachine', params: { stateMachineArn: '{{targetArn}}' } }],
        template: 'services/sfn_start_execution.json5',
        input: { StateMachineArn: '{{targetArn}}NoSuchArn{{suffix}}', Input: null, Name: 'TestStartTarget' },
      },
    },
  },
  {
    module: 'test_events_task_service',
    dir: 'stepfunctions/v2/services',
    tests: {
      'TestTaskServiceEvents::test_put_events_base': eventsRun(
        [
          { Detail: pythonJson({ Message: 'HelloWorld0' }), DetailType: DETAIL_TYPE, Source: 'some.source' },
          { Detail: { Message: 'HelloWorld1' }, DetailType: DETAIL_TYPE, Source: 'some.source' },
          { Detail: { Message: 'HelloWorld2' }, DetailType: DETAIL_TYPE, Source: 'some.source', Resources: ['{{queueUrl}}'] },
        ],
        3,
      ),
      'TestTaskServiceEvents::test_put_events_malformed_detail': eventsRun([{ Detail: pythonJson('jsonstring'), DetailType: DETAIL_TYPE, Source: 'some.source' }]),
      'TestTaskServiceEvents::test_put_events_no_source': eventsRun(
        [
          { Detail: { Message: 'HelloWorld1' }, DetailType: DETAIL_TYPE, Source: 'some.source' },
          { Detail: { Message: 'HelloWorld' }, DetailType: DETAIL_TYPE },
        ],
        2,
      ),
      'TestTaskServiceEvents::test_put_events_mixed_malformed_detail': eventsRun(
        [
          { Detail: pythonJson({ Message: 'HelloWorld0' }), DetailType: DETAIL_TYPE, Source: 'some.source' },
          { Detail: pythonJson('jsonstring'), DetailType: DETAIL_TYPE, Source: 'some.source' },
        ],
        1,
      ),
    },
  },
];

/** Values the tests' transformers wrote in place of the SDK's HTTP metadata that Step Functions reports: present only. */
const METADATA_WORDS = new Set(['x-amzn-RequestId', 'x-amzn-requestid', 'RequestId', 'date', 'Server', 'x-amz-crc32', 'X-Amzn-Trace-Id']);

/** The paths of the redacted words (and, where `lengths`, the Content-Length) inside SdkHttpMetadata/SdkResponseMetadata. */
function redactedMetadata(value: unknown, lengths: boolean, path = '$', inMetadata = false): string[] {
  if (typeof value === 'string') return inMetadata && METADATA_WORDS.has(value) ? [path] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const child = Array.isArray(value) ? `${path}[${key}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`;
    if (inMetadata && lengths && key === 'Content-Length') return [child];
    return redactedMetadata(v, lengths, child, inMetadata || key === 'SdkHttpMetadata' || key === 'SdkResponseMetadata');
  });
}

const KEY = 'get_execution_history';

function steps(run: Run, recorded: Snapshot[string]): SourceStep[] {
  const template = structuredClone(TEMPLATES[run.template]);
  run.edit?.(template);
  const definition = pythonJson(template);
  const content = recorded['recorded-content'][KEY];
  const history = historyStep(recorded, KEY, '{{execution}}', decodedDocuments(content), true);
  const present = redactedMetadata(content, run.lengthOfRedacted === true);
  return [
    CALLER,
    ...run.setup,
    { op: 'CreateStateMachine', params: { name: 'sm-{{suffix}}', definition, roleArn: ROLE_ARN }, capture: { machineArn: '$.stateMachineArn' } },
    { op: 'StartExecution', params: { stateMachineArn: '{{machineArn}}', input: pythonJson(run.input) }, capture: { execution: '$.executionArn' } },
    { ...history, ...(present.length ? { present } : {}) },
    ...(run.after ?? []),
  ];
}

const isRun = (value: Run | Record<string, Run>): value is Run => Array.isArray((value as Run).setup);

const sources: SourceFile[] = MODULES.map((m) => {
  const snapshot = moduleSnapshot(m);
  // A test of no parameter, or of an empty one (`test_publish_base[]`).
  const recordedOf = (test: string, param: string) => {
    const base = `tests/aws/services/${m.dir}/${m.module}.py::${test}`;
    return snapshot[`${base}[${param}]`] ?? snapshot[base];
  };
  return {
    ...moduleSourceBase(m),
    redactedWords: Object.fromEntries(['snf_role_arn', 'sfn_role_arn', ...(m.redactedWords ?? [])].map((word) => [word, 'any' as const])),
    ...(m.redactedText ? { redactedText: m.redactedText } : {}),
    claims: (test) => Object.hasOwn(m.tests, test) || Object.hasOwn(m.notPorted ?? {}, test),
    scenarios: Object.entries(m.tests).map(([test, runs]) => ({
      test,
      steps: (param: string) => steps(isRun(runs) ? runs : runs[param], recordedOf(test, param)),
      ...(m.unportedVariants?.[test] ? { unportedVariants: m.unportedVariants[test] } : {}),
    })),
    notPorted: m.notPorted ?? {},
  };
});

export default sources;
