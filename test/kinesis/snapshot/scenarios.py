"""Replays the request sequences of LocalStack's AWS-validated Kinesis tests (tests/aws/services/kinesis/test_kinesis.py,
Apache-2.0) with boto3 against an endpoint and prints each test's recorded values as JSON, for comparison with the
snapshots recorded against real AWS. Blobs are printed as Python reprs and datetimes as "timestamp", as the
snapshots hold them; stream and consumer names are reported so that the caller can redact them.

Usage: python3 scenarios.py <endpoint-url>"""
import datetime
import json
import sys
import uuid

import boto3
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
kinesis = boto3.client("kinesis", endpoint_url=ENDPOINT, region_name="us-east-1")


def plain(value):
    """The snapshot's view of a boto3 value: blobs as reprs, datetimes as 'timestamp'."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return repr(bytes(value))
    if isinstance(value, datetime.datetime):
        return "timestamp"
    return value


def metadata_only(response):
    """LocalStack's snapshots keep only the status code of ResponseMetadata."""
    out = dict(response)
    out["ResponseMetadata"] = {"HTTPHeaders": {}, "HTTPStatusCode": response["ResponseMetadata"]["HTTPStatusCode"]}
    return out


def create_stream(**kwargs):
    name = f"test-stream-{uuid.uuid4().hex[:8]}"
    kinesis.create_stream(StreamName=name, **kwargs)
    kinesis.get_waiter("stream_exists").wait(StreamName=name, WaiterConfig={"Delay": 1})
    return name


def stream_arn(name):
    return kinesis.describe_stream(StreamName=name)["StreamDescription"]["StreamARN"]


def first_shard(name):
    return kinesis.describe_stream(StreamName=name)["StreamDescription"]["Shards"][0]


def register_consumer(arn, name):
    consumer = kinesis.register_stream_consumer(StreamARN=arn, ConsumerName=name)["Consumer"]
    for _ in range(30):
        if kinesis.describe_stream_consumer(ConsumerARN=consumer["ConsumerARN"])["ConsumerDescription"]["ConsumerStatus"] == "ACTIVE":
            break
    return consumer["ConsumerARN"]


def read_events(event_stream, count):
    """Subscription events until `count` records arrived."""
    events, records = [], 0
    for entry in event_stream:
        event = entry["SubscribeToShardEvent"]
        if not event["Records"]:
            continue
        events.append(event)
        records += len(event["Records"])
        if records >= count:
            break
    event_stream.close()
    return events


def put_hello_records(name, count=5):
    for i in range(count):
        kinesis.put_records(StreamName=name, Records=[{"Data": f"Hello world_{i}", "PartitionKey": "1"}])


def test_create_stream_without_shard_count():
    name = create_stream()
    shards = kinesis.describe_stream(StreamName=name)["StreamDescription"]["Shards"]
    shards.sort(key=lambda s: s["ShardId"])
    return {"Shards": shards}, [name], []


def test_add_tags_to_stream():
    name = create_stream(ShardCount=1)
    kinesis.add_tags_to_stream(StreamName=name, Tags={"foo": "bar"})
    tags = kinesis.list_tags_for_stream(StreamName=name)
    assert not tags["HasMoreTags"]
    return {"Tags": tags["Tags"][0]}, [name], []


def test_record_lifecycle_data_integrity():
    name = create_stream(ShardCount=1)
    shard = first_shard(name)
    iterator = kinesis.get_shard_iterator(
        StreamName=name,
        ShardId=shard["ShardId"],
        ShardIteratorType="AT_SEQUENCE_NUMBER",
        StartingSequenceNumber=shard["SequenceNumberRange"]["StartingSequenceNumber"],
    )["ShardIterator"]
    for data in {"test", "ünicödé 统一码 💣💻🔥", "a" * 1000, ""}:
        kinesis.put_record(StreamName=name, Data=data, PartitionKey="1")
    records = kinesis.get_records(ShardIterator=iterator)["Records"]
    records.sort(key=lambda r: r["Data"])
    return {"Records": records}, [name], []


def subscription_records(start_position):
    name = create_stream(ShardCount=1)
    arn = stream_arn(name)
    consumer_arn = register_consumer(arn, "c1")
    shard = first_shard(name)
    position = start_position(shard)
    stream = kinesis.subscribe_to_shard(ConsumerARN=consumer_arn, ShardId=shard["ShardId"], StartingPosition=position)["EventStream"]
    put_hello_records(name)
    records = [r for event in read_events(stream, 5) for r in event["Records"]]
    records.sort(key=lambda r: r["Data"])
    kinesis.deregister_stream_consumer(StreamARN=arn, ConsumerName="c1")
    return {"Records": records}, [name], ["c1"]


def test_subscribe_to_shard_with_sequence_number_as_iterator():
    return subscription_records(
        lambda shard: {"Type": "AT_SEQUENCE_NUMBER", "SequenceNumber": shard["SequenceNumberRange"]["StartingSequenceNumber"]}
    )


def test_subscribe_to_shard_with_at_timestamp():
    return subscription_records(lambda shard: {"Type": "AT_TIMESTAMP", "Timestamp": datetime.datetime(2015, 1, 1)})


def test_stream_consumers():
    name = create_stream(ShardCount=1)
    arn = stream_arn(name)
    assert kinesis.list_stream_consumers(StreamARN=arn)["Consumers"] == []
    consumer_arn = register_consumer(arn, "consumer")
    out = {
        "One_consumer_by_list_stream": kinesis.list_stream_consumers(StreamARN=arn)["Consumers"],
        "One_consumer_by_describe_stream": kinesis.describe_stream_consumer(StreamARN=arn, ConsumerARN=consumer_arn)["ConsumerDescription"],
    }
    kinesis.deregister_stream_consumer(StreamARN=arn, ConsumerName="consumer")
    assert kinesis.list_stream_consumers(StreamARN=arn)["Consumers"] == []
    return out, [name], ["consumer"]


def test_subscribe_to_shard():
    name = create_stream(ShardCount=1)
    arn = stream_arn(name)
    consumer_arn = register_consumer(arn, "c1")
    put_hello_records(name)
    shard_id = first_shard(name)["ShardId"]
    stream = kinesis.subscribe_to_shard(ConsumerARN=consumer_arn, ShardId=shard_id, StartingPosition={"Type": "TRIM_HORIZON"})["EventStream"]
    events = read_events(stream, 5)
    kinesis.deregister_stream_consumer(StreamARN=arn, ConsumerName="c1")
    return {"Events": events}, [name], ["c1"]


def test_resource_policy_crud():
    name = create_stream(ShardCount=1)
    arn = stream_arn(name)
    account = arn.split(":")[4]
    partition = arn.split(":")[1]

    def policy(sid, actions):
        return {
            "Version": "2012-10-17",
            "Statement": [
                {"Sid": sid, "Effect": "Allow", "Principal": {"AWS": f"arn:{partition}:iam::{account}:root"}, "Action": actions, "Resource": arn}
            ],
        }

    def get():
        response = metadata_only(kinesis.get_resource_policy(ResourceARN=arn))
        response["Policy"] = json.loads(response["Policy"])
        return response

    out = {"default_policy_if_not_set": get()}
    out["put_resource_policy_if_not_set"] = metadata_only(
        kinesis.put_resource_policy(ResourceARN=arn, Policy=json.dumps(policy("AllowCrossAccountWrite", "kinesis:PutRecord")))
    )
    out["get_resource_policy_after_set"] = get()
    out["update_resource_policy"] = metadata_only(
        kinesis.put_resource_policy(
            ResourceARN=arn, Policy=json.dumps(policy("AllowCrossAccountReadWrite", ["kinesis:PutRecord", "kinesis:GetRecords"]))
        )
    )
    out["get_resource_policy_after_update"] = get()
    out["delete_resource_policy"] = metadata_only(kinesis.delete_resource_policy(ResourceARN=arn))
    out["get_resource_policy_after_delete"] = get()
    return out, [name], []


def main():
    results = {}
    for test_name, test in sorted(globals().items()):
        if not test_name.startswith("test_"):
            continue
        try:
            responses, streams, consumers = test()
            results[test_name] = {"responses": plain(responses), "streams": streams, "consumers": consumers}
        except (ClientError, AssertionError) as error:
            results[test_name] = {"failure": repr(error)}
    print(json.dumps(results))


main()
