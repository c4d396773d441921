"""Exercises twinstack SQS with whichever boto3 runs this script: boto3 1.43 (AWS JSON 1.0) or Debian's boto3
1.26 (query protocol). Prints what it observed as JSON for python-clients.test.ts to check.

Usage: python3 python-clients.py <endpoint>
"""
import json
import sys
import threading
import time
import uuid

import boto3
import botocore
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
sqs = boto3.client("sqs", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
out = {"botocore": botocore.__version__}
suffix = uuid.uuid4().hex[:8]


def error_of(fn, **kwargs):
    try:
        fn(**kwargs)
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


url = sqs.create_queue(QueueName=f"py-{suffix}", Attributes={"VisibilityTimeout": "30"}, tags={"team": "py"})["QueueUrl"]
out["url"] = url
out["get_queue_url"] = sqs.get_queue_url(QueueName=f"py-{suffix}")["QueueUrl"]
sent = sqs.send_message(QueueUrl=url, MessageBody="hi <&>", MessageAttributes={"n": {"DataType": "Number", "StringValue": "7"}, "b": {"DataType": "Binary", "BinaryValue": b"\x00\x01"}})
received = sqs.receive_message(QueueUrl=url, AttributeNames=["All"], MessageAttributeNames=["All"])["Messages"][0]
out["receive"] = {
    "body": received["Body"],
    "same_id": received["MessageId"] == sent["MessageId"],
    "md5_attributes_match": received["MD5OfMessageAttributes"] == sent["MD5OfMessageAttributes"],
    "binary": list(received["MessageAttributes"]["b"]["BinaryValue"]),
    "receive_count": received["Attributes"]["ApproximateReceiveCount"],
}
sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=received["ReceiptHandle"], VisibilityTimeout=0)
again = sqs.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount"])["Messages"][0]
out["receive_count_after_visibility_reset"] = again["Attributes"]["ApproximateReceiveCount"]
sqs.delete_message(QueueUrl=url, ReceiptHandle=again["ReceiptHandle"])
out["attributes"] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
out["tags"] = sqs.list_queue_tags(QueueUrl=url).get("Tags")

batch = sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": "a", "MessageBody": "one"}, {"Id": "b", "MessageBody": "\x01"}])
out["batch"] = {"successful": [e["Id"] for e in batch.get("Successful", [])], "failed": [[e["Id"], e["Code"]] for e in batch.get("Failed", [])]}

threading.Timer(0.3, lambda: sqs.send_message(QueueUrl=url, MessageBody="late")).start()
start = time.time()
bodies = []
while "late" not in bodies and time.time() - start < 10:
    bodies += [m["Body"] for m in sqs.receive_message(QueueUrl=url, WaitTimeSeconds=5, MaxNumberOfMessages=10).get("Messages", [])]
out["long_poll_bodies"] = sorted(bodies)

fifo = sqs.create_queue(QueueName=f"py-{suffix}.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
out["errors"] = {
    "missing_queue": error_of(sqs.get_queue_url, QueueName="does-not-exist"),
    "fifo_missing_group": error_of(sqs.send_message, QueueUrl=fifo, MessageBody="x", MessageDeduplicationId="d"),
    "fifo_missing_dedup": error_of(sqs.send_message, QueueUrl=fifo, MessageBody="x", MessageGroupId="g"),
    "fifo_delay": error_of(sqs.send_message, QueueUrl=fifo, MessageBody="x", MessageGroupId="g", MessageDeduplicationId="d", DelaySeconds=5),
    "too_many_entries": error_of(sqs.send_message_batch, QueueUrl=url, Entries=[{"Id": str(i), "MessageBody": "x"} for i in range(11)]),
    "unknown_attribute": error_of(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=["Foobar"]),
    "standard_name_with_fifo_attribute": error_of(sqs.create_queue, QueueName=f"py-{suffix}-x", Attributes={"FifoQueue": "true"}),
    "queue_exists": error_of(sqs.create_queue, QueueName=f"py-{suffix}", Attributes={"VisibilityTimeout": "31"}),
}
sqs.delete_queue(QueueUrl=url)
out["errors"]["deleted_queue"] = error_of(sqs.get_queue_attributes, QueueUrl=url, AttributeNames=["All"])
json.dump(out, sys.stdout)
