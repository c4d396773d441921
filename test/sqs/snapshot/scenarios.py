"""Request sequences of AWS-validated SQS tests (LocalStack's tests/aws/services/sqs/test_sqs.py, Apache-2.0),
restated as scenarios against twinstack. Each scenario records responses under the same keys as the snapshot
file shared/reference/aws-snapshots/sqs/test_sqs.snapshot.json; test/sqs/snapshot/ compares them.

Usage: python3 scenarios.py <endpoint>  (reads [{"id", "scenario", "protocol", "params"}] on stdin, prints
{"<id>": {"recorded": {...}, "replacements": {...}} | {"error": "..."}} as JSON).
"""
import base64
import json
import sys
import time
import traceback
import uuid

from botocore.exceptions import ClientError

from clients import sqs_client

MAX_SIZE = 1048576
ATTRS = {"k": {"DataType": "String", "StringValue": "x"}}
ATTRS_SIZE = len("k") + len("String") + len("x")


def short_uid():
    return uuid.uuid4().hex[:8]


class Ctx:
    def __init__(self, endpoint, protocol):
        self.sqs = sqs_client(endpoint, protocol)
        self.json = sqs_client(endpoint, "json")
        self.recorded = {}
        self.replacements = {}

    def snap(self, key, value):
        self.recorded[key] = value

    def error(self, fn, **kwargs):
        try:
            fn(**kwargs)
        except ClientError as e:
            return e.response
        raise AssertionError(f"{fn.__name__} did not fail")

    def create(self, QueueName=None, Attributes=None, **kwargs):
        # The recorded tests create queues through their JSON client whatever the protocol under test.
        name = QueueName or f"test-queue-{short_uid()}"
        return self.json.create_queue(QueueName=name, Attributes=Attributes or {}, **kwargs)["QueueUrl"]

    def fifo(self, **attributes):
        return self.create(QueueName=f"queue-{short_uid()}.fifo", Attributes={"FifoQueue": "true", **attributes})

    def arn(self, url):
        return self.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]


def test_send_receive_max_number_of_messages(c):
    q = c.create()
    c.sqs.send_message(QueueUrl=q, MessageBody="message")
    c.snap("send_max_number_of_messages", c.error(c.sqs.receive_message, QueueUrl=q, MaxNumberOfMessages=11))


def test_send_oversized_message(c):
    q = c.create()
    body = "a" * (MAX_SIZE - ATTRS_SIZE + 1)
    c.snap("send_oversized_message", c.error(c.sqs.send_message, QueueUrl=q, MessageBody=body, MessageAttributes=ATTRS))


def test_send_message_with_updated_maximum_message_size(c):
    q = c.create()
    c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"MaximumMessageSize": "1024"})
    c.sqs.send_message(QueueUrl=q, MessageBody="a" * 1024)
    body = "a" * (1024 - ATTRS_SIZE + 1)
    c.snap("send_oversized_message", c.error(c.sqs.send_message, QueueUrl=q, MessageBody=body, MessageAttributes=ATTRS))


def test_send_message_batch_with_oversized_contents(c):
    q = c.create()
    entries = [{"Id": "1", "MessageBody": "a" * (MAX_SIZE - ATTRS_SIZE), "MessageAttributes": ATTRS}, {"Id": "2", "MessageBody": "a"}]
    c.snap("send_oversized_message_batch", c.error(c.sqs.send_message_batch, QueueUrl=q, Entries=entries))


def test_send_message_batch_with_oversized_contents_with_updated_maximum_message_size(c):
    q = c.create()
    c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"MaximumMessageSize": "2048"})
    entries = [{"Id": "1", "MessageBody": "a" * (2048 - ATTRS_SIZE), "MessageAttributes": ATTRS}, {"Id": "2", "MessageBody": "a"}]
    c.snap("send_oversized_message_batch", c.sqs.send_message_batch(QueueUrl=q, Entries=entries))


def test_tag_untag_queue(c):
    q = c.create()
    c.sqs.tag_queue(QueueUrl=q, Tags={"tag1": "value1", "tag2": "value2", "tag3": ""})
    c.snap("get-tag-1", c.sqs.list_queue_tags(QueueUrl=q))
    c.sqs.untag_queue(QueueUrl=q, TagKeys=["tag1", "tag3"])
    c.snap("get-tag-2", c.sqs.list_queue_tags(QueueUrl=q))
    c.sqs.untag_queue(QueueUrl=q, TagKeys=["tag2"])
    c.snap("get-tag-after-untag", c.sqs.list_queue_tags(QueueUrl=q))


def test_create_fifo_queue_with_different_attributes_raises_error(c):
    name = f"queue-{short_uid()}.fifo"
    c.create(QueueName=name, Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"})
    attributes = {"FifoQueue": "true", "ContentBasedDeduplication": "false"}
    c.snap("queue-already-exists", c.error(c.json.create_queue, QueueName=name, Attributes=attributes))


def test_create_queue_with_different_attributes_raises_exception(c):
    name = f"queue-{short_uid()}"
    q = c.create(QueueName=name, Attributes={"ReceiveMessageWaitTimeSeconds": "1", "DelaySeconds": "1"})
    assert q == c.create(QueueName=name)
    assert q == c.create(QueueName=name, Attributes={"DelaySeconds": "1"})
    c.snap("create_queue_01", c.error(c.json.create_queue, QueueName=name, Attributes={"ReceiveMessageWaitTimeSeconds": "1", "DelaySeconds": "2"}))
    c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"DelaySeconds": "2"})
    assert q == c.create(QueueName=name, Attributes={"ReceiveMessageWaitTimeSeconds": "1", "DelaySeconds": "2"})
    c.snap("create_queue_02", c.error(c.json.create_queue, QueueName=name, Attributes={"ReceiveMessageWaitTimeSeconds": "1", "DelaySeconds": "1"}))


def test_create_and_update_queue_attributes(c):
    q = c.create(Attributes={"MessageRetentionPeriod": "604800", "ReceiveMessageWaitTimeSeconds": "10", "VisibilityTimeout": "20"})
    c.snap("get_queue_attributes", c.sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["All"]))
    c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"MaximumMessageSize": "2048", "VisibilityTimeout": "69", "DelaySeconds": "420"})
    c.snap("get_updated_queue_attributes", c.sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["All"]))


def test_change_message_visibility_after_visibility_timeout_expiration(c):
    q = c.create(Attributes={"VisibilityTimeout": "1"})
    c.sqs.send_message(QueueUrl=q, MessageBody="test")
    handle = c.sqs.receive_message(QueueUrl=q)["Messages"][0]["ReceiptHandle"]
    time.sleep(1.5)
    c.snap("visibility_timeout_expired", c.sqs.change_message_visibility(QueueUrl=q, ReceiptHandle=handle, VisibilityTimeout=1))


def test_fifo_empty_message_groups_added_back_to_queue(c):
    q = c.fifo(ContentBasedDeduplication="true")
    c.sqs.send_message(QueueUrl=q, MessageBody="Message 1", MessageGroupId="group-1")
    first = c.sqs.receive_message(QueueUrl=q)
    c.snap("inital-fifo-receive", first)
    c.sqs.delete_message(QueueUrl=q, ReceiptHandle=first["Messages"][0]["ReceiptHandle"])
    c.snap("empty-fifo-receive", c.sqs.receive_message(QueueUrl=q))
    c.sqs.send_message(QueueUrl=q, MessageBody="Message 2", MessageGroupId="group-1")
    c.snap("final-fifo-receive", c.sqs.receive_message(QueueUrl=q))


def test_fifo_queue_send_message_with_delay_seconds_fails(c):
    q = c.fifo(ContentBasedDeduplication="true")
    c.snap("send_message", c.error(c.sqs.send_message, QueueUrl=q, MessageBody="message-1", MessageGroupId="1", DelaySeconds=2))


def test_fifo_message_attributes(c):
    q = c.fifo(ContentBasedDeduplication="true", VisibilityTimeout="0", DeduplicationScope="messageGroup", FifoThroughputLimit="perMessageGroupId")
    c.snap("send_message", c.sqs.send_message(QueueUrl=q, MessageBody="message-body-1", MessageGroupId="group-1", MessageDeduplicationId="dedup-1"))
    c.snap("receive_message_0", c.sqs.receive_message(QueueUrl=q, AttributeNames=["All"], WaitTimeSeconds=10))
    c.snap("receive_message_1", c.sqs.receive_message(QueueUrl=q, AttributeNames=["All"], WaitTimeSeconds=10))


def test_fifo_set_content_based_deduplication_strategy(c):
    q = c.fifo(SqsManagedSseEnabled="true", ContentBasedDeduplication="true")
    c.snap("before-update", c.sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["All"]))
    c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"ContentBasedDeduplication": "false"})
    c.snap("after-update", c.sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["All"]))


def test_too_many_entries_in_batch_request(c):
    q = c.create()
    entries = [{"Id": f"message-{i}", "MessageBody": f"messageBody-{i}"} for i in range(20)]
    c.snap("test_too_many_entries_in_batch_request", c.error(c.sqs.send_message_batch, QueueUrl=q, Entries=entries))


def test_invalid_batch_id(c):
    q = c.create()
    batch_id = short_uid()
    entries = [{"Id": f"message:{batch_id}", "MessageBody": f"messageBody-{batch_id}"}]
    c.snap("test_invalid_batch_id", c.error(c.sqs.send_message_batch, QueueUrl=q, Entries=entries))


def test_send_batch_missing_deduplication_id_for_fifo_queue(c):
    q = c.fifo(ContentBasedDeduplication="false")
    entries = [
        {"Id": f"message-{short_uid()}", "MessageBody": "messageBody", "MessageGroupId": "test-group", "MessageDeduplicationId": f"dedup-{short_uid()}"},
        {"Id": f"message-{short_uid()}", "MessageBody": "messageBody", "MessageGroupId": "test-group"},
    ]
    c.snap("test_missing_deduplication_id_for_fifo_queue", c.error(c.sqs.send_message_batch, QueueUrl=q, Entries=entries))


def test_send_batch_missing_message_group_id_for_fifo_queue(c):
    q = c.fifo(ContentBasedDeduplication="false")
    entries = [
        {"Id": f"message-{short_uid()}", "MessageBody": "messageBody", "MessageGroupId": "test-group", "MessageDeduplicationId": f"dedup-{short_uid()}"},
        {"Id": f"message-{short_uid()}", "MessageBody": "messageBody", "MessageDeduplicationId": f"dedup-{short_uid()}"},
    ]
    c.snap("test_missing_message_group_id_for_fifo_queue", c.error(c.sqs.send_message_batch, QueueUrl=q, Entries=entries))


def test_delete_message_batch_invalid_msg_id(c, invalid_id):
    q = c.create()
    entries = [{"Id": invalid_id, "ReceiptHandle": "testHandle1"}]
    c.snap("error_response", c.error(c.sqs.delete_message_batch, QueueUrl=q, Entries=entries))


def _receive_twenty(c, q):
    batch = [{"Id": f"message-{i}", "MessageBody": f"messageBody-{i}"} for i in range(10)]
    c.sqs.send_message_batch(QueueUrl=q, Entries=batch)
    c.sqs.send_message_batch(QueueUrl=q, Entries=batch)
    received = []
    while len(received) < 20:
        received.extend(c.sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=min(10, 20 - len(received)))["Messages"])
    return received


def test_delete_message_batch_with_too_large_batch(c):
    q = c.create()
    entries = [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(_receive_twenty(c, q))]
    c.snap("error_response", c.error(c.sqs.delete_message_batch, QueueUrl=q, Entries=entries))


def test_change_message_visibility_batch_with_too_large_batch(c):
    q = c.create()
    entries = [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 123} for i, m in enumerate(_receive_twenty(c, q))]
    c.snap("error_response", c.error(c.sqs.change_message_visibility_batch, QueueUrl=q, Entries=entries))


def test_send_message_with_binary_attributes(c):
    q = c.create()
    attributes = {"attr1": {"BinaryValue": b"traceparent\x1e00-774062d6c37081a5a0b9b5b88e30627c-2d2482211f6489da-01", "DataType": "Binary"}}
    sent = c.sqs.send_message(QueueUrl=q, MessageBody="test", MessageAttributes=attributes)
    received = c.sqs.receive_message(QueueUrl=q, MessageAttributeNames=["All"])
    c.snap("binary-attrs-msg", received)
    assert received["Messages"][0]["MD5OfMessageAttributes"] == sent["MD5OfMessageAttributes"]


def test_send_message_with_empty_string_attribute(c):
    q = c.create()
    attributes = {"ErrorDetails": {"StringValue": "", "DataType": "String"}}
    c.snap("empty-string-attr", c.error(c.sqs.send_message, QueueUrl=q, MessageBody="test", MessageAttributes=attributes))


def _dedup_args(content_based):
    return ({"ContentBasedDeduplication": "true"} if content_based else {}), ({} if content_based else {"MessageDeduplicationId": "dedup1"})


def test_fifo_deduplication_arrives_once_after_delete(c, content_based):
    attributes, kwargs = _dedup_args(content_based)
    q = c.create(QueueName=f"test-queue-{short_uid()}.fifo", Attributes={"FifoQueue": "true", **attributes})
    item = '{"foo": "bar"}'
    c.sqs.send_message(QueueUrl=q, MessageBody=item, MessageGroupId="group-1", **kwargs)
    response = c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=3)
    c.snap("get-messages", response)
    c.sqs.delete_message(QueueUrl=q, ReceiptHandle=response["Messages"][0]["ReceiptHandle"])
    c.sqs.send_message(QueueUrl=q, MessageBody=item, MessageGroupId="group-1", **kwargs)
    c.snap("get-messages-duplicate", c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=1))


def test_fifo_deduplication_not_on_message_group_id(c, content_based):
    attributes, kwargs = _dedup_args(content_based)
    q = c.create(QueueName=f"test-queue-{short_uid()}.fifo", Attributes={"FifoQueue": "true", **attributes})
    item = '{"foo": "bar"}'
    c.sqs.send_message(QueueUrl=q, MessageBody=item, MessageGroupId="group-1", **kwargs)
    c.sqs.send_message(QueueUrl=q, MessageBody=item, MessageGroupId="group-2", **kwargs)
    c.snap("get-messages", c.sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=1, WaitTimeSeconds=2))
    c.snap("get-dedup-messages", c.sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=1, WaitTimeSeconds=1))


def test_posting_to_fifo_requires_deduplicationid_group_id(c):
    q = c.fifo()
    for client, suffix in ((c.sqs, ""), (c.json, "-query")):
        body = f"test{short_uid()}"
        c.snap(f"invalid-parameter-value{suffix}", c.error(client.send_message, QueueUrl=q, MessageBody=body, MessageGroupId=f"fifo_group-{short_uid()}"))
        c.snap(f"missing-parameter{suffix}", c.error(client.send_message, QueueUrl=q, MessageBody=body, MessageDeduplicationId=f"fifo_dedup-{short_uid()}"))


def test_successive_purge_calls_fail(c):
    name = f"test-queue-{short_uid()}"
    c.replacements[name] = "<queue-name>"
    q = c.create(QueueName=name)
    c.sqs.purge_queue(QueueUrl=q)
    c.snap("purge_queue_error", c.error(c.sqs.purge_queue, QueueUrl=q))


def _same_dedup_different_groups(c, q):
    for group in ("group-1", "group-2"):
        c.sqs.send_message(QueueUrl=q, MessageBody="Test", MessageGroupId=group, MessageDeduplicationId="1")
    c.snap("same-dedup-different-grp-1", c.sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=1))
    c.snap("same-dedup-different-grp-2", c.sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=1))


def test_sqs_fifo_same_dedup_id_different_message_groups(c):
    _same_dedup_different_groups(c, c.fifo())


def test_sqs_fifo_message_group_scope_no_throughput_setting(c):
    _same_dedup_different_groups(c, c.fifo(DeduplicationScope="messageGroup"))


def test_sse_queue_attributes(c):
    names = ["KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled"]
    q = c.create()
    c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"KmsMasterKeyId": "testKeyId", "KmsDataKeyReusePeriodSeconds": "6000", "SqsManagedSseEnabled": "false"})
    c.snap("sse_kms_attributes", c.sqs.get_queue_attributes(QueueUrl=q, AttributeNames=names))
    q = c.create()
    c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"SqsManagedSseEnabled": "true"})
    c.snap("sse_sqs_attributes", c.sqs.get_queue_attributes(QueueUrl=q, AttributeNames=names))


def test_sse_kms_and_sqs_are_mutually_exclusive(c):
    q = c.create()
    try:
        c.sqs.set_queue_attributes(QueueUrl=q, Attributes={"KmsMasterKeyId": "testKeyId", "SqsManagedSseEnabled": "true"})
        raise AssertionError("set_queue_attributes did not fail")
    except ClientError as e:
        c.snap("error", str(e))


def test_receive_message_message_attribute_names_filters(c):
    q = c.create(Attributes={"VisibilityTimeout": "0"})
    attributes = {
        "Help.Me": {"DataType": "String", "StringValue": "Me"},
        "Hello": {"DataType": "String", "StringValue": "There"},
        "General": {"DataType": "String", "StringValue": "Kenobi"},
    }
    c.snap("send_message_response", c.sqs.send_message(QueueUrl=q, MessageBody="msg", MessageAttributes=attributes))

    def receive(names):
        return c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=5, MessageAttributeNames=names)

    c.snap("empty_filter", receive([]))
    c.snap("all_name", receive(["All"]))
    c.snap("all_wildcard_asterisk", receive(["*"])["Messages"][0])
    c.snap("all_wildcard", receive([".*"])["Messages"][0])
    c.snap("only_non_existing_names", receive(["Foo", "Help"])["Messages"][0])
    c.snap("only_existing", receive(["Hello", "General"])["Messages"][0])
    c.snap("existing_and_non_existing", receive(["Foo", "Hello"])["Messages"][0])
    c.snap("prefix_filter", receive(["Hel.*"])["Messages"][0])
    c.snap("illegal_name_1", receive(["AWS."]))
    c.snap("illegal_name_2", receive(["..foo"]))


def _system_attribute_filters(c, parameter):
    q = c.create(Attributes={"VisibilityTimeout": "0"})
    c.sqs.send_message(QueueUrl=q, MessageBody="msg", MessageAttributes={"Foo": {"DataType": "String", "StringValue": "Bar"}})

    def receive(names, message_attribute_names=None):
        return c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=5, MessageAttributeNames=message_attribute_names or [], **{parameter: names})

    c.snap("all_attributes", receive(["All"]))
    c.snap("all_system_and_message_attributes", receive(["All"], ["All"]))
    c.snap("single_attribute", receive(["SenderId"]))
    c.snap("multiple_attributes", receive(["SenderId", "SequenceNumber"]))


def test_receive_message_attribute_names_filters(c):
    _system_attribute_filters(c, "AttributeNames")


def test_receive_message_message_system_attribute_names_filters(c):
    _system_attribute_filters(c, "MessageSystemAttributeNames")


def test_sqs_permission_lifecycle(c):
    q = c.create()
    account = c.arn(q).split(":")[4]
    label, label2 = "crossaccountpermission", "crossaccountpermission2"

    def policy():
        return c.sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["Policy"])

    c.snap("add-permission-response", c.sqs.add_permission(QueueUrl=q, AWSAccountIds=[account, "668614515564"], Actions=["ReceiveMessage"], Label=label))
    c.snap("get-queue-policy-attribute", policy())
    c.snap("remove-permission-response", c.sqs.remove_permission(QueueUrl=q, Label=label))
    c.snap("get-queue-policy-attribute-after-removal", policy())
    c.sqs.add_permission(QueueUrl=q, AWSAccountIds=[account], Actions=["ReceiveMessage"], Label=label)
    c.snap("get-queue-policy-attribute-first-account-same-label", policy())
    c.snap("get-queue-policy-attribute-second-account-same-label", c.error(c.sqs.add_permission, QueueUrl=q, AWSAccountIds=["668614515564"], Actions=["ReceiveMessage"], Label=label))
    c.sqs.add_permission(QueueUrl=q, AWSAccountIds=[account], Actions=["ReceiveMessage"], Label=label2)
    c.snap("get-queue-policy-attribute-second-account-different-label", policy())
    c.sqs.remove_permission(QueueUrl=q, Label=label)
    c.snap("get-queue-policy-attribute-delete-first-permission", policy())
    c.sqs.remove_permission(QueueUrl=q, Label=label2)
    c.snap("get-queue-policy-attribute-delete-second-permission", policy())
    c.snap("get-queue-policy-attribute-delete-non-existent-label", c.error(c.sqs.remove_permission, QueueUrl=q, Label=label2))


def test_set_unsupported_attribute_standard(c):
    q = c.create()
    c.snap("invalid-attr-name-1", c.error(c.sqs.set_queue_attributes, QueueUrl=q, Attributes={"FifoQueue": "true"}))
    c.snap("invalid-attr-name-2", c.error(c.sqs.set_queue_attributes, QueueUrl=q, Attributes={"FifoQueue": "false"}))


def test_set_unsupported_attribute_fifo(c):
    q = c.create()
    c.snap("invalid-attr-name-1", c.error(c.sqs.set_queue_attributes, QueueUrl=q, Attributes={"FifoQueue": "true"}))
    fifo = c.fifo()
    c.sqs.set_queue_attributes(QueueUrl=fifo, Attributes={"FifoQueue": "true"})
    c.snap("invalid-attr-name-2", c.error(c.sqs.set_queue_attributes, QueueUrl=fifo, Attributes={"FifoQueue": "false"}))


def test_create_standard_queue_with_fifo_attribute_raises_error(c):
    cases = {
        "invalid-attribute-fifo-queue": {"FifoQueue": "false"},
        "invalid-attribute-content-based-deduplication": {"ContentBasedDeduplication": "true"},
        "invalid-attribute-deduplication-scope": {"DeduplicationScope": "queue"},
        "invalid-attribute-throughput-limit": {"FifoThroughputLimit": "perQueue"},
    }
    for key, attributes in cases.items():
        c.snap(key, c.error(c.json.create_queue, QueueName=f"test-queue-{short_uid()}", Attributes=attributes))


def test_non_existent_queue(c):
    q = c.create()
    account = c.arn(q).split(":")[4]
    c.sqs.delete_queue(QueueUrl=q)
    c.snap("queue-does-not-exist", c.error(c.json.get_queue_attributes, QueueUrl=q))
    c.snap("queue-does-not-exist-url", c.error(c.json.get_queue_url, QueueName="does-not-exist", QueueOwnerAWSAccountId=account))
    query = sqs_client(c.endpoint, "query")
    c.snap("queue-does-not-exist-query", c.error(query.get_queue_attributes, QueueUrl=q))


def test_send_receive_wait_time_seconds(c):
    q = c.create()
    c.snap("recieve_message_error_too_large", c.error(c.sqs.receive_message, QueueUrl=q, WaitTimeSeconds=21))
    c.snap("recieve_message_error_too_small", c.error(c.sqs.receive_message, QueueUrl=q, WaitTimeSeconds=-1))
    c.sqs.send_message(QueueUrl=q, MessageBody="message")
    response = c.sqs.receive_message(QueueUrl=q)
    c.snap("empty_short_poll_by_default_resp", response)
    c.sqs.delete_message(QueueUrl=q, ReceiptHandle=response["Messages"][0]["ReceiptHandle"])
    c.sqs.send_message(QueueUrl=q, MessageBody="message")
    c.snap("empty_short_poll_explicit_resp", c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=0))


def test_receive_empty_queue(c):
    q = c.create()
    c.snap("empty_short_poll_resp_no_param", c.sqs.receive_message(QueueUrl=q))
    c.snap("empty_short_poll_resp", c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=0))
    c.snap("empty_long_poll_resp", c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=1))


def test_send_empty_message(c):
    q = c.create()
    c.snap("send_empty_message", c.error(c.sqs.send_message, QueueUrl=q, MessageBody=""))


def test_list_queues_pagination(c):
    prefix = "7f7df0f5"
    for i in range(10):
        c.create(QueueName=f"{prefix}-test-queue-{i}")
    c.snap("list_all", c.sqs.list_queues(QueueNamePrefix=prefix))
    first = c.sqs.list_queues(QueueNamePrefix=prefix, MaxResults=2)
    c.snap("list_two_max", first)
    c.snap("list_remaining", c.sqs.list_queues(QueueNamePrefix=prefix, MaxResults=10, NextToken=first["NextToken"]))


def test_delete_after_visibility_timeout(c):
    q = c.create(Attributes={"VisibilityTimeout": "1"})
    c.sqs.send_message(QueueUrl=q, MessageBody="foobar")
    handle = c.sqs.receive_message(QueueUrl=q)["Messages"][0]["ReceiptHandle"]
    time.sleep(1.5)
    c.sqs.delete_message(QueueUrl=q, ReceiptHandle=handle)
    c.snap("delete_after_timeout_queue_empty", c.sqs.receive_message(QueueUrl=q))


def test_fifo_delete_after_visibility_timeout(c):
    q = c.fifo(VisibilityTimeout="1", ContentBasedDeduplication="true")
    c.sqs.send_message(QueueUrl=q, MessageBody="foobar", MessageGroupId="1")
    response = c.sqs.receive_message(QueueUrl=q)
    c.snap("received_sqs_message", response)
    time.sleep(1.5)
    handle = response["Messages"][0]["ReceiptHandle"]
    c.snap("delete_after_timeout_fifo", c.error(c.sqs.delete_message, QueueUrl=q, ReceiptHandle=handle))


def test_fifo_delete_after_visibility_timeout_extended(c):
    q = c.fifo(VisibilityTimeout="1", ContentBasedDeduplication="true")
    c.sqs.send_message(QueueUrl=q, MessageBody="foobar", MessageGroupId="1")
    response = c.sqs.receive_message(QueueUrl=q)
    c.snap("received_sqs_message", response)
    handle = response["Messages"][0]["ReceiptHandle"]
    c.sqs.change_message_visibility(QueueUrl=q, ReceiptHandle=handle, VisibilityTimeout=4)
    time.sleep(1.5)
    c.snap("delete_after_timeout_fifo_extended", c.sqs.delete_message(QueueUrl=q, ReceiptHandle=handle))


def test_dead_letter_queue_message_attributes(c):
    dlq = c.create()
    dlq_arn = c.arn(dlq)
    c.snap("dlq-arn", dlq_arn)
    q = c.create(Attributes={"RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 1}), "VisibilityTimeout": "0"})
    c.snap("sourcen-arn", c.arn(q))
    trace = {"AWSTraceHeader": {"DataType": "String", "StringValue": "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"}}
    c.sqs.send_message(QueueUrl=q, MessageBody="message-1", MessageAttributes={"MyAttribute": {"DataType": "String", "StringValue": "foobar"}}, MessageSystemAttributes=trace)
    c.sqs.send_message(QueueUrl=q, MessageBody="message-2")
    system = ["ApproximateFirstReceiveTimestamp", "ApproximateReceiveCount", "SentTimestamp", "AWSTraceHeader", "DeadLetterQueueSourceArn"]
    options = dict(AttributeNames=system, MessageAttributeNames=["All"], MaxNumberOfMessages=10)
    c.snap("rec-pre-dlq", c.sqs.receive_message(QueueUrl=q, **options)["Messages"])
    assert "Messages" not in c.sqs.receive_message(QueueUrl=q, **options)
    c.snap("dlq-messages", c.sqs.receive_message(QueueUrl=dlq, **options)["Messages"])


def test_fair_queue_with_message_group_id(c):
    q = c.create()
    c.snap("send_message", c.sqs.send_message(QueueUrl=q, MessageBody="message", MessageGroupId="test"))
    c.snap("get-message-with-deduplication-id", c.sqs.receive_message(QueueUrl=q, AttributeNames=["All"]))


def _invalid_tag(value):
    return {"empty": "", "too_long": "a" * 129, "spaces": "group 123"}[value]


def test_send_message_to_standard_queue_with_invalid_message_group_id(c, case):
    q = c.create()
    c.snap("error-response", c.error(c.sqs.send_message, QueueUrl=q, MessageBody="message", MessageGroupId=_invalid_tag(case)))


def test_message_deduplication_id_invalid(c, case):
    q = c.fifo()
    args = dict(QueueUrl=q, MessageBody="message", MessageGroupId="group", MessageDeduplicationId=_invalid_tag(case))
    c.snap("error-response", c.error(c.sqs.send_message, **args))


def test_fifo_queue_send_message_with_zero_delay_defaults_to_queue_delay(c):
    q = c.fifo(ContentBasedDeduplication="true", DelaySeconds="1")
    c.snap("send_message_result", c.sqs.send_message(QueueUrl=q, MessageBody="message-1", MessageGroupId="1", DelaySeconds=0))
    c.snap("receive_message_initial_result", c.sqs.receive_message(QueueUrl=q))
    c.snap("receive_message_after_delay_result", c.sqs.receive_message(QueueUrl=q, WaitTimeSeconds=3))


# Message move tasks (LocalStack's tests/aws/services/sqs/test_sqs_move_task.py).


def _task_handle(task_id, source_arn):
    return base64.b64encode(json.dumps({"taskId": task_id, "sourceArn": source_arn}).encode()).decode()


def _dlq_pipe(c):
    dlq = c.create()
    source = c.create(Attributes={"RedrivePolicy": json.dumps({"deadLetterTargetArn": c.arn(dlq), "maxReceiveCount": 1})})
    return source, dlq


def _fill_dlq(c, source, count):
    for i in range(count):
        c.sqs.send_message(QueueUrl=source, MessageBody=f"message-{i + 1}")
    for _ in range(count * 2):
        c.sqs.receive_message(QueueUrl=source, VisibilityTimeout=0)


def test_cancel_with_invalid_task_handle(c):
    c.snap("error", c.error(c.sqs.cancel_message_move_task, TaskHandle="foobared"))


def test_cancel_with_invalid_source_arn_in_task_handle(c):
    handle = _task_handle("10f57157-fc38-4da9-a113-4de7e12d05dd", "arn:aws:sqs:us-east-1:878966065785:test-queue-doesnt-exist-123456")
    c.snap("error", c.error(c.sqs.cancel_message_move_task, TaskHandle=handle))


def test_cancel_with_invalid_task_id_in_task_handle(c):
    handle = _task_handle("10f57157-fc38-4da9-a113-4de7e12d05aa", c.arn(c.create()))
    c.snap("error", c.error(c.sqs.cancel_message_move_task, TaskHandle=handle))


def test_source_needs_redrive_policy(c):
    source, destination = c.arn(c.create()), c.arn(c.create())
    c.snap("error", c.error(c.sqs.start_message_move_task, SourceArn=source, DestinationArn=destination))


def test_destination_needs_to_exist(c):
    _, dlq = _dlq_pipe(c)
    destination = c.arn(c.create()) + "doesntexist"
    c.snap("error", c.error(c.sqs.start_message_move_task, SourceArn=c.arn(dlq), DestinationArn=destination))


def test_basic_move_task_workflow(c):
    source, dlq = _dlq_pipe(c)
    destination = c.create()
    _fill_dlq(c, source, 2)
    c.snap("start-message-move-task-response", c.sqs.start_message_move_task(SourceArn=c.arn(dlq), DestinationArn=c.arn(destination)))
    bodies = set()
    while len(bodies) < 2:
        bodies |= {m["Body"] for m in c.sqs.receive_message(QueueUrl=destination, WaitTimeSeconds=5, MaxNumberOfMessages=10).get("Messages", [])}
    c.snap("list-message-move-task-response", c.sqs.list_message_move_tasks(SourceArn=c.arn(dlq)))


def test_start_multiple_move_tasks(c):
    source, dlq = _dlq_pipe(c)
    destination = c.arn(c.create())
    _fill_dlq(c, source, 10)
    c.sqs.start_message_move_task(SourceArn=c.arn(dlq), DestinationArn=destination, MaxNumberOfMessagesPerSecond=1)
    c.snap("error", c.error(c.sqs.start_message_move_task, SourceArn=c.arn(dlq), DestinationArn=destination, MaxNumberOfMessagesPerSecond=1))


def main():
    endpoint = sys.argv[1]
    jobs = json.load(sys.stdin)
    out = {}
    for job in jobs:
        c = Ctx(endpoint, job["protocol"])
        c.endpoint = endpoint
        try:
            globals()[job["scenario"]](c, *job.get("params", []))
            out[job["id"]] = {"recorded": c.recorded, "replacements": c.replacements}
        except Exception:
            out[job["id"]] = {"error": traceback.format_exc()}
    json.dump(out, sys.stdout, default=lambda o: repr(o) if isinstance(o, bytes) else str(o))


if __name__ == "__main__":
    main()
