"""Global tables through boto3 (AWS JSON 1.0, botocore's own models): version 2019.11.21 replicas through UpdateTable,
auto scaling descriptors, and the version 2017.11.29 operations. Prints {check: null | failure} as JSON; expectations
come from the AWS API reference and the AWS CLI examples."""
import json
import sys
import uuid

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
HASH_ID = dict(KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
STREAM = {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
results = {}


def client(region, service="dynamodb"):
    return boto3.client(service, endpoint_url=endpoint, region_name=region)


def name(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def check(fn):
    try:
        fn()
        results[fn.__name__] = None
    except Exception as e:  # reported per check by the mocha side
        results[fn.__name__] = f"{type(e).__name__}: {e}"
    return fn


def error_of(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("expected an error")


@check
def replica_lifecycle_and_replication():
    us, eu = client("us-east-1"), client("eu-central-1")
    t = name("boto3-global")
    us.create_table(TableName=t, BillingMode="PAY_PER_REQUEST", **HASH_ID)
    created = us.update_table(TableName=t, ReplicaUpdates=[{"Create": {"RegionName": "eu-central-1"}}])["TableDescription"]
    assert created["GlobalTableVersion"] == "2019.11.21", created
    assert [(r["RegionName"], r["ReplicaStatus"]) for r in created["Replicas"]] == [("eu-central-1", "CREATING"), ("us-east-1", "ACTIVE")], created["Replicas"]
    eu.get_waiter("table_exists").wait(TableName=t, WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    eu.put_item(TableName=t, Item={"id": {"S": "from-eu"}})
    assert us.get_item(TableName=t, Key={"id": {"S": "from-eu"}})["Item"] == {"id": {"S": "from-eu"}}
    us.update_table(TableName=t, ReplicaUpdates=[{"Delete": {"RegionName": "eu-central-1"}}])
    assert error_of(lambda: eu.describe_table(TableName=t)) == ("ResourceNotFoundException", f"Requested resource not found: Table: {t} not found", 400)
    assert "Replicas" not in us.describe_table(TableName=t)["Table"]


@check
def replica_stream_in_second_region():
    t = name("boto3-streams")
    us = client("us-east-1")
    us.create_table(TableName=t, BillingMode="PAY_PER_REQUEST", StreamSpecification=STREAM, **HASH_ID)
    us.update_table(TableName=t, ReplicaUpdates=[{"Create": {"RegionName": "ap-northeast-1"}}])
    us.put_item(TableName=t, Item={"id": {"S": "1"}})
    remote = client("ap-northeast-1", "dynamodbstreams")
    (stream,) = remote.list_streams(TableName=t)["Streams"]
    assert stream["StreamArn"].startswith(f"arn:aws:dynamodb:ap-northeast-1:000000000000:table/{t}/stream/"), stream
    shard = remote.describe_stream(StreamArn=stream["StreamArn"])["StreamDescription"]["Shards"][0]
    it = remote.get_shard_iterator(StreamArn=stream["StreamArn"], ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = remote.get_records(ShardIterator=it)["Records"]
    assert [(r["eventName"], r["awsRegion"], r["dynamodb"]["Keys"]) for r in records] == [("INSERT", "ap-northeast-1", {"id": {"S": "1"}})], records


@check
def replica_auto_scaling():
    us = client("us-east-1")
    t = name("boto3-scaling")
    us.create_table(TableName=t, ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}, **HASH_ID)
    code, message, status = error_of(lambda: us.update_table(TableName=t, ReplicaUpdates=[{"Create": {"RegionName": "eu-west-2"}}]))
    assert (code, status) == ("ValidationException", 400) and "Pay-Per-Request or AutoScaled" in message, message
    described = us.describe_table_replica_auto_scaling(TableName=t)["TableAutoScalingDescription"]
    assert described["TableName"] == t and described["TableStatus"] == "ACTIVE", described
    (replica,) = described["Replicas"]
    assert replica["RegionName"] == "us-east-1" and replica["ReplicaStatus"] == "ACTIVE", replica
    assert replica["ReplicaProvisionedWriteCapacityAutoScalingSettings"] == {"AutoScalingDisabled": True}, replica
    updated = us.update_table_replica_auto_scaling(TableName=t, ProvisionedWriteCapacityAutoScalingUpdate={
        "MinimumUnits": 10, "MaximumUnits": 100, "AutoScalingDisabled": False,
        "ScalingPolicyUpdate": {"PolicyName": f"DynamoDBWriteCapacityUtilization:table/{t}", "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 80}}},
        ReplicaUpdates=[{"RegionName": "us-east-1", "ReplicaProvisionedReadCapacityAutoScalingUpdate": {
            "MinimumUnits": 5, "MaximumUnits": 40000, "ScalingPolicyUpdate": {"TargetTrackingScalingPolicyConfiguration": {"TargetValue": 70}}}}])
    replica = updated["TableAutoScalingDescription"]["Replicas"][0]
    assert replica["ReplicaProvisionedWriteCapacityAutoScalingSettings"]["MinimumUnits"] == 10, replica
    read = replica["ReplicaProvisionedReadCapacityAutoScalingSettings"]
    assert read["ScalingPolicies"] == [{"PolicyName": f"DynamoDBReadCapacityUtilization:table/{t}", "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 70.0}}], read
    us.update_table(TableName=t, ReplicaUpdates=[{"Create": {"RegionName": "eu-west-2"}}])
    assert client("eu-west-2").describe_table(TableName=t)["Table"]["GlobalTableVersion"] == "2019.11.21"


@check
def legacy_global_table():
    t = name("boto3-legacy")
    for region in ("us-east-1", "us-west-1"):
        client(region).create_table(TableName=t, ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}, StreamSpecification=STREAM, **HASH_ID)
    us = client("us-east-1")
    created = us.create_global_table(GlobalTableName=t, ReplicationGroup=[{"RegionName": "us-east-1"}, {"RegionName": "us-west-1"}])["GlobalTableDescription"]
    assert created["GlobalTableStatus"] == "CREATING" and created["GlobalTableArn"] == f"arn:aws:dynamodb::000000000000:global-table/{t}", created
    assert us.describe_global_table(GlobalTableName=t)["GlobalTableDescription"]["ReplicationGroup"] == [{"RegionName": "us-east-1"}, {"RegionName": "us-west-1"}]
    assert any(g["GlobalTableName"] == t for g in us.list_global_tables()["GlobalTables"])
    settings = us.describe_global_table_settings(GlobalTableName=t)["ReplicaSettings"]
    assert [s["ReplicaProvisionedWriteCapacityUnits"] for s in settings] == [5, 5], settings
    updated = us.update_global_table_settings(GlobalTableName=t, GlobalTableProvisionedWriteCapacityUnits=7)["ReplicaSettings"]
    assert [(s["ReplicaStatus"], s["ReplicaProvisionedWriteCapacityUnits"]) for s in updated] == [("UPDATING", 7), ("UPDATING", 7)], updated
    us.update_global_table(GlobalTableName=t, ReplicaUpdates=[{"Delete": {"RegionName": "us-west-1"}}])
    code, _, status = error_of(lambda: us.update_global_table(GlobalTableName=t, ReplicaUpdates=[{"Delete": {"RegionName": "us-west-1"}}]))
    assert (code, status) == ("ReplicaNotFoundException", 400), code
    assert error_of(lambda: us.describe_global_table(GlobalTableName="missing-global"))[0] == "GlobalTableNotFoundException"


print(json.dumps(results))
