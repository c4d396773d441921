"""Reproduces the DynamoDB and DynamoDB Streams tests recorded in LocalStack's AWS-validated snapshots
(github localstack/localstack, Apache-2.0; see shared/reference/aws-snapshots/README.md) against twinstack
with boto3. Prints {test: {"responses": {...}, "references": {...}, "literals": {...}, "checks": {...}}} as JSON;
the mocha test redacts and compares. Request sequences are described in our own words from the recorded content."""
import datetime
import json
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
only = set(sys.argv[2:])
ddb = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
streams = boto3.client("dynamodbstreams", endpoint_url=endpoint, region_name="us-east-1")
results = {}
TAGS = [{"Key": "Name", "Value": "test-table"}, {"Key": "TestKey", "Value": "true"}]
HASH_ID = dict(KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])
THROUGHPUT = {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}


def name(prefix):
    return f"{prefix}{'_' if '_' in prefix else '-'}{uuid.uuid4().hex[:8]}"


def error(call):
    try:
        call()
    except ClientError as e:
        return e
    raise AssertionError("expected an error")


def scenario(fn):
    if not only or fn.__name__ in only:
        out = {"responses": {}, "references": {}, "literals": {}, "checks": {}}
        try:
            fn(out)
        except Exception as e:  # reported per test by the mocha side
            out["failure"] = f"{type(e).__name__}: {e}"
        results[fn.__name__] = out
    return fn


def ref(out, kind, value):
    out["references"].setdefault(kind, []).append(value)


def stream_refs(out, table, description):
    """The transformers of the streams tests: table name, status, stream label, shard id, starting sequence."""
    ref(out, "table-name", table)
    ref(out, "uuid", description["TableId"])
    out["keyValues"] = {
        "TableStatus": "table-status", "LatestStreamLabel": "latest-stream-label", "ShardId": "shard-id",
        "SequenceNumber": "sequence-number", "eventID": "event-i-d", "ShardIterator": "shard-iterator", "StreamLabel": "latest-stream-label",
    }
    out["constants"] = {"StartingSequenceNumber": "starting-sequence-number"}


def records_from(iterator, count):
    records = []
    for _ in range(5):
        r = streams.get_records(ShardIterator=iterator)
        records.extend(r["Records"])
        iterator = r.get("NextShardIterator") or iterator
        if len(records) >= count:
            break
    return records


@scenario
def test_valid_local_secondary_index(out):
    t = name("test-table")
    ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"}, {"AttributeName": "LSI1SK", "AttributeType": "N"}],
        LocalSecondaryIndexes=[{"IndexName": "LSI1", "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "LSI1SK", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "ALL"}}],
        ProvisionedThroughput=THROUGHPUT, Tags=TAGS)
    ddb.put_item(TableName=t, Item={"SK": {"S": "hello"}, "LSI1SK": {"N": "123"}, "PK": {"S": "test one"}})
    out["responses"]["Items"] = ddb.query(TableName=t, IndexName="LSI1", KeyConditionExpression="PK = :v1", ExpressionAttributeValues={":v1": {"S": "test one"}}, Select="ALL_ATTRIBUTES")


@scenario
def test_return_values_in_put_item(out):
    t = name("ddb-test-table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    item1 = {"id": {"S": "id1"}, "data": {"S": "foobar"}}
    r = out["responses"]
    r["PutFirstItem"] = ddb.put_item(TableName=t, Item=item1, ReturnValues="ALL_OLD")
    r["PutFirstItemOLD"] = ddb.put_item(TableName=t, Item=item1, ReturnValues="ALL_OLD")
    r["PutFirstItemB"] = ddb.put_item(TableName=t, Item={"id": {"S": "id1"}, "data": {"S": "barfoo"}}, ReturnValues="ALL_OLD")
    r["PutSecondItem"] = ddb.put_item(TableName=t, Item=item1)
    r["PutSecondItemReturnNone"] = ddb.put_item(TableName=t, Item=item1)


@scenario
def test_empty_and_binary_values(out):
    t = name("table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    out["responses"]["PutFirstItem"] = ddb.put_item(TableName=t, Item={"id": {"S": "id1"}, "data": {"S": ""}})
    out["responses"]["PutSecondItem"] = ddb.put_item(TableName=t, Item={"id": {"S": "id2"}, "data": {"B": b"\x90"}})


@scenario
def test_batch_write_binary(out):
    t = name("table_batch_binary")
    ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"}, {"AttributeName": "SK", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
    ddb.put_item(TableName=t, Item={"PK": {"S": "hello"}, "SK": {"S": "user"}, "data": {"B": b"test"}})
    out["responses"]["Response"] = ddb.batch_write_item(RequestItems={t: [
        {"PutRequest": {"Item": {"PK": {"S": "hello-1"}, "SK": {"S": "user-1"}, "data": {"B": b"test-1"}}}},
        {"PutRequest": {"Item": {"PK": {"S": "hello-2"}, "SK": {"S": "user-2"}, "data": {"B": b"test \xc0 \xed"}}}}]})


@scenario
def test_create_duplicate_table(out):
    t = name("test_table")
    spec = dict(TableName=t, ProvisionedThroughput=THROUGHPUT, Tags=TAGS, **HASH_ID)
    ddb.create_table(**spec)
    out["literals"][t] = "<test-table>"
    out["responses"]["Error"] = str(error(lambda: ddb.create_table(**spec)))


@scenario
def test_transaction_write_items(out):
    t = name("test-ddb-table")
    arn = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, Tags=TAGS, **HASH_ID)["TableDescription"]["TableArn"]
    for key, table in (("Response", t), ("Response_using_table_arn", arn)):
        out["responses"][key] = ddb.transact_write_items(TransactItems=[
            {"ConditionCheck": {"TableName": table, "ConditionExpression": "attribute_not_exists(id)", "Key": {"id": {"S": "test1"}}}},
            {"Put": {"TableName": table, "Item": {"id": {"S": "test2"}}}},
            {"Update": {"TableName": table, "Key": {"id": {"S": "test3"}}, "UpdateExpression": "SET attr1 = :v1, attr2 = :v2",
                        "ExpressionAttributeValues": {":v1": {"S": "value1"}, ":v2": {"S": "value2"}}}},
            {"Delete": {"TableName": table, "Key": {"id": {"S": "test4"}}}}])


@scenario
def test_transaction_write_canceled(out):
    t = name("table")
    ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "Username", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "Username", "AttributeType": "S"}], ProvisionedThroughput=THROUGHPUT)
    ddb.put_item(TableName=t, Item={"Username": {"S": "Fred"}})
    out["responses"]["Error"] = str(error(lambda: ddb.transact_write_items(TransactItems=[
        {"ConditionCheck": {"TableName": t, "ConditionExpression": "attribute_not_exists(Username)", "Key": {"Username": {"S": "Fred"}}}},
        {"Delete": {"TableName": t, "Key": {"Username": {"S": "Bert"}}}}])))


@scenario
def test_transaction_write_binary_data(out):
    t = name("test-ddb-table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, Tags=TAGS, **HASH_ID)
    out["responses"]["WriteResponse"] = ddb.transact_write_items(TransactItems=[{"Put": {"TableName": t, "Item": {"id": {"S": "someUser"}, "binaryData": {"B": b"foobar"}}}}])
    out["responses"]["GetItem"] = ddb.get_item(TableName=t, Key={"id": {"S": "someUser"}})["Item"]


@scenario
def test_transact_get_items(out):
    t = name("test-ddb-table")
    arn = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)["TableDescription"]["TableArn"]
    ddb.put_item(TableName=t, Item={"id": {"S": "John"}})
    ddb.put_item(TableName=t, Item={"id": {"S": "Sarah"}})
    out["responses"]["TransactGetItems"] = ddb.transact_get_items(TransactItems=[{"Get": {"Key": {"id": {"S": "John"}}, "TableName": t}}])
    out["responses"]["TransactGetItems-with-TableArn"] = ddb.transact_get_items(TransactItems=[{"Get": {"Key": {"id": {"S": "Sarah"}}, "TableName": arn}}])


@scenario
def test_batch_write_items(out):
    t = name("test-ddb-table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, Tags=TAGS, **HASH_ID)
    ddb.put_item(TableName=t, Item={"id": {"S": "Fred"}})
    out["responses"]["BatchWriteResponse"] = ddb.batch_write_item(RequestItems={t: [
        {"DeleteRequest": {"Key": {"id": {"S": "Fred"}}}}, {"PutRequest": {"Item": {"id": {"S": "Bob"}}}}]})


@scenario
def test_dynamodb_pay_per_request(out):
    out["responses"]["Error"] = str(error(lambda: ddb.create_table(TableName=name("ddb-table"), ProvisionedThroughput=THROUGHPUT, BillingMode="PAY_PER_REQUEST", **HASH_ID)))


@scenario
def test_dynamodb_create_table_with_partial_sse_specification(out):
    t = name("test_table")
    created = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, SSESpecification={"Enabled": True}, Tags=TAGS, **HASH_ID)
    sse = created["TableDescription"]["SSEDescription"]
    ref(out, "uuid", sse["KMSMasterKeyArn"].split("/")[-1])
    out["responses"]["SSEDescription"] = sse
    out["responses"]["update-table-disable-sse-spec"] = ddb.update_table(TableName=t, SSESpecification={"Enabled": False})["TableDescription"]["SSEDescription"]
    out["checks"]["no SSESpecification after update"] = "SSESpecification" not in ddb.describe_table(TableName=t)["Table"]


@scenario
def test_dynamodb_update_table_without_sse_specification_change(out):
    t = name("test_table")
    created = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, SSESpecification={"Enabled": True}, **HASH_ID)
    sse = created["TableDescription"]["SSEDescription"]
    ref(out, "uuid", sse["KMSMasterKeyArn"].split("/")[-1])
    out["responses"]["create_table_sse_description"] = sse
    updated = ddb.update_table(TableName=t, DeletionProtectionEnabled=False, ProvisionedThroughput={"ReadCapacityUnits": 6, "WriteCapacityUnits": 6})
    out["responses"]["update_table_sse_description"] = updated["TableDescription"]["SSEDescription"]


@scenario
def test_dynamodb_get_batch_items(out):
    t = name("test_table")
    ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"}],
        ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1})
    out["literals"][t] = "<test-table>"
    out["responses"]["Response"] = ddb.batch_get_item(RequestItems={t: {"Keys": [{"PK": {"S": "test-key"}}]}})


@scenario
def test_dynamodb_idempotent_writing(out):
    t = name("ddb-table")
    ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "name", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}, {"AttributeName": "name", "AttributeType": "S"}], ProvisionedThroughput=THROUGHPUT)
    write = lambda item: ddb.transact_write_items(ClientRequestToken="dedupe_token", TransactItems=[{"Put": {"TableName": t, "Item": item}}])
    out["responses"]["Response1"] = write({"id": {"S": "id1"}, "name": {"S": "name1"}})
    out["responses"]["Response2"] = write({"name": {"S": "name1"}, "id": {"S": "id1"}})


@scenario
def test_batch_write_not_matching_schema(out):
    t = name("ddb-table")
    ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "sortKey", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}, {"AttributeName": "sortKey", "AttributeType": "S"}], ProvisionedThroughput=THROUGHPUT)
    out["responses"]["ValidationException"] = str(error(lambda: ddb.batch_write_item(RequestItems={t: [{"PutRequest": {"Item": {"nonKey": {"S": "hello"}}}}]})))


@scenario
def test_batch_write_not_existing_table(out):
    e = error(lambda: ddb.transact_write_items(TransactItems=[{"Put": {"TableName": "non-existing-table", "Item": {}}}]))
    out["responses"]["exc-not-found-transact-write-items"] = e.response


@scenario
def test_data_encoding_consistency(out):
    t = name("table")
    table = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}, **HASH_ID)
    ddb.put_item(TableName=t, Item={"id": {"S": "id1"}, "version": {"N": "1"}, "data": {"B": b"\x90"}})
    out["responses"]["GetItem"] = ddb.get_item(TableName=t, Key={"id": {"S": "id1"}})["Item"]
    arn = table["TableDescription"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="AT_SEQUENCE_NUMBER",
        SequenceNumber=shard["SequenceNumberRange"]["StartingSequenceNumber"])["ShardIterator"]
    out["responses"]["GetRecords"] = streams.get_records(ShardIterator=iterator)["Records"][0]["dynamodb"]["NewImage"]
    ddb.update_item(TableName=t, Key={"id": {"S": "id1"}}, UpdateExpression="SET version=:v", ExpressionAttributeValues={":v": {"N": "2"}})
    out["responses"]["GetItemAfterUpdate"] = ddb.get_item(TableName=t, Key={"id": {"S": "id1"}})["Item"]
    out["responses"]["GetRecordsAfterUpdate"] = streams.get_records(ShardIterator=iterator)["Records"][1]["dynamodb"]["NewImage"]


@scenario
def test_continuous_backup_update(out):
    t = name("table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    spec = {"PointInTimeRecoveryEnabled": True}
    ddb.update_continuous_backups(TableName=t, PointInTimeRecoverySpecification=spec)
    out["responses"]["update-continuous-backup"] = ddb.update_continuous_backups(TableName=t, PointInTimeRecoverySpecification=spec)
    out["responses"]["describe-continuous-backup"] = ddb.describe_continuous_backups(TableName=t)


def streaming_table(out, t, view="NEW_AND_OLD_IMAGES", key="id"):
    created = ddb.create_table(TableName=t, KeySchema=[{"AttributeName": key, "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
        ProvisionedThroughput=THROUGHPUT, StreamSpecification={"StreamEnabled": True, "StreamViewType": view})
    stream_refs(out, t, created["TableDescription"])
    return created


def streaming_start(out, t, key="create-table"):
    """Creates a streaming table, describes its stream and opens a TRIM_HORIZON iterator, recording both responses."""
    out["responses"][key] = created = streaming_table(out, t)
    arn = created["TableDescription"]["LatestStreamArn"]
    out["responses"]["describe-stream"] = described = streams.describe_stream(StreamArn=arn)
    shard_id = described["StreamDescription"]["Shards"][0]["ShardId"]
    return streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]


@scenario
def test_batch_write_items_streaming(out):
    t = name("test-ddb-table")
    r = out["responses"]
    iterator = streaming_start(out, t)
    r["put-item-1"] = ddb.put_item(TableName=t, Item={"id": {"S": "Fred"}})
    r["batch-write-response-overwrite-item-1"] = ddb.batch_write_item(RequestItems={t: [{"PutRequest": {"Item": {"id": {"S": "Fred"}}}}, {"PutRequest": {"Item": {"id": {"S": "NewKey"}}}}]})
    r["batch-write-response-delete"] = ddb.batch_write_item(RequestItems={t: [{"DeleteRequest": {"Key": {"id": {"S": "NewKey"}}}}, {"PutRequest": {"Item": {"id": {"S": "Fred"}, "name": {"S": "Fred"}}}}]})
    r["get-records"] = {"Records": records_from(iterator, 4)}


@scenario
def test_dynamodb_streams_describe_with_exclusive_start_shard_id(out):
    t = name("test-ddb-table")
    ddb.create_table(TableName=t, BillingMode="PAY_PER_REQUEST", StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}, **HASH_ID)
    arn = ddb.describe_table(TableName=t)["Table"]["LatestStreamArn"]
    shards = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
    out["checks"]["at least one shard"] = len(shards) >= 1
    after = streams.describe_stream(StreamArn=arn, ExclusiveStartShardId=shards[0]["ShardId"])["StreamDescription"]["Shards"]
    out["checks"]["excluded shard not listed"] = all(s["ShardId"] != shards[0]["ShardId"] for s in after)


@scenario
def test_return_values_on_conditions_check_failure(out):
    t = name("table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    ddb.put_item(TableName=t, Item={"id": {"S": "456"}, "price": {"N": "650"}, "product": {"S": "sporting goods"}})
    e = error(lambda: ddb.delete_item(TableName=t, Key={"id": {"S": "456"}}, ConditionExpression="price between :lo and :hi",
        ExpressionAttributeValues={":lo": {"N": "500"}, ":hi": {"N": "600"}}, ReturnValuesOnConditionCheckFailure="ALL_OLD"))
    out["responses"]["items"] = e.response


@scenario
def test_transact_write_items_streaming(out):
    t = name("test-ddb-table")
    r = out["responses"]
    iterator = streaming_start(out, t)
    r["put-item-1"] = ddb.put_item(TableName=t, Item={"id": {"S": "Fred"}})
    r["transact-write-response-overwrite"] = ddb.transact_write_items(TransactItems=[
        {"Put": {"TableName": t, "Item": {"id": {"S": "Fred"}}}}, {"Put": {"TableName": t, "Item": {"id": {"S": "NewKey"}}}}])
    update = lambda key, expression, values: {"Update": {"TableName": t, "Key": {"id": {"S": key}}, "UpdateExpression": expression, "ExpressionAttributeValues": values}}
    r["transact-write-response-update"] = ddb.transact_write_items(TransactItems=[update("NewKey", "SET attr1 = :v1, attr2 = :v2", {":v1": {"S": "value1"}, ":v2": {"S": "value2"}})])
    r["transact-write-update-insert"] = ddb.transact_write_items(TransactItems=[update("NonExistentKey", "SET attr1 = :v1", {":v1": {"S": "value1"}})])
    r["transact-write-response-delete"] = ddb.transact_write_items(TransactItems=[
        {"Delete": {"TableName": t, "Key": {"id": {"S": "NewKey"}}}},
        {"Put": {"TableName": t, "Item": {"id": {"S": "Fred"}, "name": {"S": "Fred"}}}},
        update("NonExistentKey", "SET attr1 = :v1", {":v1": {"S": "value1"}})])
    r["get-records"] = {"Records": records_from(iterator, 6)}


@scenario
def test_transact_write_items_streaming_for_different_tables(out):
    t1, t2 = name("test-ddb-table"), name("test-ddb-table")
    r = out["responses"]
    iterator = streaming_start(out, t1, "create-table-stream")
    r["create-table-no-stream"] = other = ddb.create_table(TableName=t2, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    ref(out, "table-name", t2)
    ref(out, "uuid", other["TableDescription"]["TableId"])
    r["transact-write-two-tables"] = ddb.transact_write_items(TransactItems=[
        {"Put": {"TableName": t2, "Item": {"id": {"S": "Fred"}}}}, {"Put": {"TableName": t1, "Item": {"id": {"S": "Fred"}}}}])
    r["get-records"] = {"Records": records_from(iterator, 1)}


@scenario
def test_dynamodb_stream_records_with_update_item(out):
    t = name("test-ddb-table")
    r = out["responses"]
    r["create-table"] = created = streaming_table(out, t)
    arn = created["TableDescription"]["LatestStreamArn"]
    r["describe-stream"] = described = streams.describe_stream(StreamArn=arn)
    shard = described["StreamDescription"]["Shards"][0]
    r["get-shard-iterator"] = it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON")
    values = lambda a, b: {":v1": {"S": a}, ":v2": {"S": b}}
    for a, b in (("value1", "value2"), ("value1", "value2"), ("value2", "value3")):
        ddb.update_item(TableName=t, Key={"id": {"S": "my-item-id"}}, UpdateExpression="SET attr1 = :v1, attr2 = :v2", ExpressionAttributeValues=values(a, b))
    records = records_from(it["ShardIterator"], 2)
    r["get-records"] = {"Records": records}
    start = int(shard["SequenceNumberRange"]["StartingSequenceNumber"])
    out["checks"]["two records"] = len(records) == 2
    out["checks"]["whole seconds"] = all(x["dynamodb"]["ApproximateCreationDateTime"].microsecond == 0 for x in records)
    out["checks"]["sequence numbers after the start"] = all(int(x["dynamodb"]["SequenceNumber"]) >= start for x in records)


@scenario
def test_dynamodb_execute_statement_empy_parameter(out):
    t = name("table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    # boto3 refuses an empty list itself; the recorded call went out without client-side validation
    unchecked = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1", config=Config(parameter_validation=False))
    e = error(lambda: unchecked.execute_statement(Statement=f"SELECT * FROM {t}", Parameters=[]))
    out["responses"]["invalid-param-error"] = e.response


def gsi_table(out, mode):
    t = name("table")
    ref(out, "table-name", t)
    provisioned = mode == "PROVISIONED"
    index = {"IndexName": "TransactionRecordID", "KeySchema": [{"AttributeName": "TRID", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}}
    if provisioned:
        index["ProvisionedThroughput"] = {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}
    extra = {"ProvisionedThroughput": THROUGHPUT} if provisioned else {}
    created = ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "TID", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "TID", "AttributeType": "S"}, {"AttributeName": "TRID", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[index], BillingMode=mode, **extra)
    ref(out, "uuid", created["TableDescription"]["TableId"])
    out["constants"] = {"TableStatus": "<table-status>", "IndexStatus": "<index-status>"}
    out["responses"]["create-table-with-gsi"] = created
    out["responses"]["describe-table"] = ddb.describe_table(TableName=t)


@scenario
def test_gsi_with_billing_mode_PAY_PER_REQUEST(out):
    gsi_table(out, "PAY_PER_REQUEST")


@scenario
def test_gsi_with_billing_mode_PROVISIONED(out):
    gsi_table(out, "PROVISIONED")


@scenario
def test_kinesis_streaming_destination_crud(out):
    t = name("table")
    created = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    ref(out, "table-name", t)
    stream_arn = "arn:aws:kinesis:us-east-1:000000000000:stream/" + name("kinesis-stream")
    ref(out, "stream-arn", stream_arn)
    out["literals"][created["TableDescription"]["TableId"]] = "<table-id>"
    r = out["responses"]
    r["enable-bad-table"] = error(lambda: ddb.enable_kinesis_streaming_destination(TableName="bad-table", StreamArn=stream_arn)).response
    r["enable"] = ddb.enable_kinesis_streaming_destination(TableName=t, StreamArn=stream_arn)
    r["describe"] = ddb.describe_kinesis_streaming_destination(TableName=t)
    r["update-missing-params"] = error(lambda: ddb.update_kinesis_streaming_destination(TableName=t, StreamArn=stream_arn)).response
    r["update-bad-precision"] = error(lambda: ddb.update_kinesis_streaming_destination(TableName=t, StreamArn=stream_arn,
        UpdateKinesisStreamingConfiguration={"ApproximateCreationDateTimePrecision": "SECOND"})).response
    bad = "arn:aws:kinesis:us-east-1:000000000000:stream/bad-stream"
    r["update-bad-stream-arn"] = error(lambda: ddb.update_kinesis_streaming_destination(TableName=t, StreamArn=bad,
        UpdateKinesisStreamingConfiguration={"ApproximateCreationDateTimePrecision": "MICROSECOND"})).response
    precise = {"ApproximateCreationDateTimePrecision": "MICROSECOND"}
    r["update"] = ddb.update_kinesis_streaming_destination(TableName=t, StreamArn=stream_arn, UpdateKinesisStreamingConfiguration=precise)
    r["update-no-idempotency"] = error(lambda: ddb.update_kinesis_streaming_destination(TableName=t, StreamArn=stream_arn, UpdateKinesisStreamingConfiguration=precise)).response
    r["disable-bad-table"] = error(lambda: ddb.disable_kinesis_streaming_destination(TableName="bad-table", StreamArn=stream_arn)).response
    r["disable"] = ddb.disable_kinesis_streaming_destination(TableName=t, StreamArn=stream_arn)


@scenario
def test_dynamodb_describe_contributor_insights(out):
    t = name("table")
    ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    ref(out, "table-name", t)
    out["responses"]["describe-contributor-insights-disabled"] = ddb.describe_contributor_insights(TableName=t)


@scenario
def test_table_crud(out):
    t = name("table")
    r = out["responses"]
    r["create-table"] = created = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT, **HASH_ID)
    ref(out, "table-name", t)
    ref(out, "uuid", created["TableDescription"]["TableId"])
    r["describe-table"] = ddb.describe_table(TableName=t)
    r["delete-table"] = ddb.delete_table(TableName=t)
    r["delete-non-existent-table"] = error(lambda: ddb.delete_table(TableName="non-existent")).response


@scenario
def test_table_warm_throughput(out):
    t = name("table")
    r = out["responses"]
    r["create-table"] = created = ddb.create_table(TableName=t, ProvisionedThroughput=THROUGHPUT,
        WarmThroughput={"ReadUnitsPerSecond": 1000, "WriteUnitsPerSecond": 1200}, **HASH_ID)
    ref(out, "table-name", t)
    ref(out, "uuid", created["TableDescription"]["TableId"])
    r["describe-table"] = ddb.describe_table(TableName=t)


@scenario
def test_non_existent_stream(out):
    arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + name("table") + "/stream/2024-11-18T14:36:44.149"
    out["literals"][arn.split("/")[1]] = "<table-name>"
    out["responses"]["non-existent-stream"] = error(lambda: streams.describe_stream(StreamArn=arn)).response


def username_table(prefix, **extra):
    t = name(prefix)
    ddb.create_table(TableName=t, KeySchema=[{"AttributeName": "Username", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "Username", "AttributeType": "S"}], ProvisionedThroughput=THROUGHPUT, **extra)
    return t


@scenario
def test_dynamodb_execute_transaction(out):
    t = username_table("table_")
    out["responses"]["ExecutedTransaction"] = ddb.execute_transaction(TransactStatements=[
        {"Statement": f"INSERT INTO {t} VALUE {{'Username': 'user01'}}"}, {"Statement": f"INSERT INTO {t} VALUE {{'Username': 'user02'}}"}])
    scan = ddb.scan(TableName=t)
    scan["Items"].sort(key=lambda x: x["Username"]["S"])
    out["responses"]["TableScan"] = scan


@scenario
def test_dynamodb_batch_execute_statement(out):
    t = username_table("test_table")
    out["literals"][t] = "<test-table>"
    ddb.put_item(TableName=t, Item={"Username": {"S": "user02"}})
    result = ddb.batch_execute_statement(Statements=[
        {"Statement": f"INSERT INTO {t} VALUE {{'Username': 'user01'}}"}, {"Statement": f"UPDATE {t} SET Age=20 WHERE Username='user02'"}])
    result["Responses"].sort(key=lambda x: x["TableName"])
    out["responses"]["ExecutedStatement"] = result
    out["responses"]["ItemUser2"] = ddb.get_item(TableName=t, Key={"Username": {"S": "user02"}})["Item"]
    out["responses"]["ItemUser1"] = ddb.get_item(TableName=t, Key={"Username": {"S": "user01"}})["Item"]


@scenario
def test_dynamodb_partiql_missing(out):
    t = username_table("table_with_stream")
    ddb.execute_statement(Statement=f"INSERT INTO {t} VALUE {{'Username': 'Alice123', 'FirstName':'Alice'}}")
    out["responses"]["FirstNameNotMissing"] = ddb.execute_statement(Statement=f"SELECT * FROM {t} WHERE FirstName IS NOT MISSING")["Items"]
    out["checks"]["nothing IS MISSING"] = len(ddb.execute_statement(Statement=f"SELECT * FROM {t} WHERE FirstName IS MISSING")["Items"]) == 0


@scenario
def test_dynamodb_stream_stream_view_type(out):
    t = name("table_with_stream")
    r = out["responses"]
    r["create-table"] = created = streaming_table(out, t, view="KEYS_ONLY", key="Username")
    arn = created["TableDescription"]["LatestStreamArn"]
    ddb.put_item(TableName=t, Item={"Username": {"S": "Fred"}})
    ddb.put_item(TableName=t, Item={"Username": {"S": "Fred"}})
    ddb.update_item(TableName=t, Key={"Username": {"S": "Fred"}}, UpdateExpression="set S=:r", ExpressionAttributeValues={":r": {"S": "Fred_Modified"}}, ReturnValues="UPDATED_NEW")
    ddb.delete_item(TableName=t, Key={"Username": {"S": "Fred"}})
    r["describe-stream"] = described = streams.describe_stream(StreamArn=arn)
    ddb.execute_statement(Statement=f"INSERT INTO {t} VALUE {{'Username': 'Alice'}}")
    ddb.execute_statement(Statement=f"UPDATE {t} SET partiql=1 WHERE Username='Alice'")
    ddb.execute_statement(Statement=f"DELETE FROM {t} WHERE Username='Alice'")
    shard = described["StreamDescription"]["Shards"][0]
    r["get-shard-iterator"] = it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="AT_SEQUENCE_NUMBER",
        SequenceNumber=shard["SequenceNumberRange"]["StartingSequenceNumber"])
    r["get-records"] = {"Records": records_from(it["ShardIterator"], 6)}


@scenario
def test_streams_on_global_tables(out):
    """A streaming table with a replica (global tables version 2019.11.21) in a second region: each region lists
    the stream of its own replica table."""
    t = name("table")
    second = "us-west-2"
    ddb.create_table(TableName=t, BillingMode="PAY_PER_REQUEST", StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}, **HASH_ID)
    ddb.update_table(TableName=t, ReplicaUpdates=[{"Create": {"RegionName": second}}])
    ddb.get_waiter("table_exists").wait(TableName=t, WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    out["literals"][second] = "<region-2>"
    out["keyValues"] = {"TableName": "table-name", "StreamLabel": "stream-label"}
    out["responses"]["region-streams"] = streams.list_streams(TableName=t)
    remote = boto3.client("dynamodbstreams", endpoint_url=endpoint, region_name=second)
    out["responses"]["secondary-region-streams"] = remote.list_streams(TableName=t)


@scenario
def test_table_v2_stream(out):
    """CDK's TableV2 with a stream, as CloudFormation's AWS::DynamoDB::GlobalTable creates it in one region (an
    on-demand table with the stream), then described."""
    t = name("TableV2StreamStack-v2table")
    created = ddb.create_table(TableName=t, BillingMode="PAY_PER_REQUEST", StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}, **HASH_ID)
    ref(out, "uuid", created["TableDescription"]["TableId"])
    out["keyValues"] = {"LatestStreamArn": "latest-stream-arn", "TableArn": "table-arn", "TableName": "table-name", "TableStatus": "table-status",
        "LatestStreamLabel": "latest-stream-label"}
    ddb.get_waiter("table_exists").wait(TableName=t, WaiterConfig={"Delay": 1, "MaxAttempts": 5})
    out["responses"]["global-table-v2"] = ddb.describe_table(TableName=t)


def encode(value):
    if isinstance(value, (bytes, bytearray)):
        return repr(bytes(value))
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    raise TypeError(type(value))


print(json.dumps(results, default=encode))
