// LocalStack's AWS-validated tests of tests/aws/services/apigateway/test_apigateway_kinesis.py
// (github.com/localstack/localstack, Apache-2.0) reproduced as request sequences: a REST API whose AWS integration puts
// records to a Kinesis stream (`action/PutRecord`, `action/PutRecords`), called over HTTP as the test's own request
// (a plain HTTP step), and the stream read back. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { apiWithIntegration, invoke } from './apigateway-invoke/common.ts';

const STREAM = 'kinesis-stream-{{suffix}}';
const kinesis = (op: string, params: Record<string, unknown>, extra: Partial<SourceStep> = {}): SourceStep => ({ service: 'kinesis', protocol: 'json', op, params, ...extra });

const PUT_RECORDS_TEMPLATE = `{
    "StreamName": "${STREAM}",
    "Records": [
        #set( $numRecords = $input.path('$.records').size() )
        #if($numRecords > 0)
            #set( $maxIndex = $numRecords - 1 )
            #foreach( $idx in [0..$maxIndex] )
                #set( $elem = $input.path("$.records[\${idx}]") )
                #set( $elemJsonB64 = $util.base64Encode($elem.data) )
                {
                    "Data": "$elemJsonB64",
                    "PartitionKey": #if( $foo.bar.stuff != '')"$elem.partitionKey"#else"$elemJsonB64.length()"#end
                }#if($foreach.hasNext),#end
            #end
        #end
    ]
}`;
const PUT_RECORD_TEMPLATE = `
{
    "StreamName": "${STREAM}",
    "Data": "$util.base64Encode($input.body)",
    "PartitionKey": "test"
}`;
/** The test's payloads as python-requests' `json=` sends them (`json.dumps`). */
const PAYLOADS: Record<string, string> = {
  PutRecord: '{"kinesis": "snapshot"}',
  PutRecords: '{"records": [{"data": "{\\"foo\\": \\"bar1\\"}"}, {"data": "{\\"foo\\": \\"bar2\\"}"}, {"data": "{\\"foo\\": \\"bar3\\"}"}]}',
};

const source: SourceFile = {
  service: 'apigateway',
  module: 'test_apigateway_kinesis',
  snapshotDir: 'apigateway',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'test_apigateway_to_kinesis',
      note: "the test's retry loop around its POST is a single call (the first answer is the one it snapshotted)",
      steps: (action: string) => [
        kinesis('CreateStream', { StreamName: STREAM, ShardCount: 1 }),
        kinesis('DescribeStream', { StreamName: STREAM }, { until: { path: '$.StreamDescription.StreamStatus', matches: '^ACTIVE$' } }),
        kinesis('DescribeStreamSummary', { StreamName: STREAM }),
        kinesis('DescribeStream', { StreamName: STREAM }, { capture: { shardId: '$.StreamDescription.Shards[0].ShardId' } }),
        ...apiWithIntegration(`arn:aws:apigateway:{{region}}:kinesis:action/${action}`, 'kinesis', { 'application/json': action === 'PutRecord' ? PUT_RECORD_TEMPLATE : PUT_RECORDS_TEMPLATE }),
        kinesis('GetShardIterator', { StreamName: STREAM, ShardIteratorType: 'LATEST', ShardId: '{{shardId}}' }, { capture: { iterator: '$.ShardIterator' } }),
        invoke('/dev/test', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: PAYLOADS[action], snapshot: 'apigateway_response' }),
        kinesis('GetRecords', { ShardIterator: '{{iterator}}' }, { snapshot: 'kinesis_records', pythonBytes: (action === 'PutRecord' ? [0] : [0, 1, 2]).map((i) => `$.Records[${i}].Data`) }),
      ],
    },
  ],
  notPorted: {},
};

export default source;
