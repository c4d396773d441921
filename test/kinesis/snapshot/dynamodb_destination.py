"""Replays LocalStack's AWS-validated test TestDynamoDBStreams::test_enable_kinesis_streaming_destination
(tests/aws/services/dynamodbstreams/test_dynamodb_streams.py, Apache-2.0) with boto3: a table streams its changes to a
Kinesis stream; prints the Kinesis records (Data decoded from JSON) and the names to redact, as JSON.

Usage: python3 dynamodb_destination.py <endpoint-url>"""
import datetime
import json
import time
import sys
import uuid

import boto3

ENDPOINT = sys.argv[1]
ddb = boto3.client("dynamodb", endpoint_url=ENDPOINT, region_name="us-east-1")
kinesis = boto3.client("kinesis", endpoint_url=ENDPOINT, region_name="us-east-1")

table = f"table-{uuid.uuid4().hex[:8]}"
stream = f"stream-{uuid.uuid4().hex[:8]}"
ddb.create_table(
    TableName=table,
    KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
    BillingMode="PAY_PER_REQUEST",
)
kinesis.create_stream(StreamName=stream, ShardCount=1)
description = kinesis.describe_stream(StreamName=stream)["StreamDescription"]
ddb.enable_kinesis_streaming_destination(TableName=table, StreamArn=description["StreamARN"])
ddb.put_item(TableName=table, Item={"id": {"S": "test"}})

iterator = kinesis.get_shard_iterator(
    StreamName=stream, ShardId=description["Shards"][0]["ShardId"], ShardIteratorType="TRIM_HORIZON"
)["ShardIterator"]
# DynamoDB delivers to Kinesis asynchronously, as on AWS: read until the record is there.
for _ in range(100):
    records = kinesis.get_records(ShardIterator=iterator)["Records"]
    if records:
        break
    time.sleep(0.02)
for record in records:
    record["Data"] = json.loads(record["Data"])
    record["ApproximateArrivalTimestamp"] = "timestamp"
print(json.dumps({"result-records": records, "table": table}))
