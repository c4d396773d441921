"""boto3's deprecated S3 lifecycle and notification calls (put/get_bucket_lifecycle, put/get_bucket_notification),
which share AWS's ?lifecycle and ?notification endpoints with the current forms. Prints JSON."""
import json
import os
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
s3 = boto3.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}))
sqs = boto3.client("sqs", endpoint_url=endpoint)
out = {"errors": {}}


def error(name, call):
    try:
        call()
        out["errors"][name] = None
    except ClientError as e:
        out["errors"][name] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                               "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


bucket = "legacy-" + os.urandom(4).hex()
s3.create_bucket(Bucket=bucket)
error("get_missing", lambda: s3.get_bucket_lifecycle(Bucket=bucket))
s3.put_bucket_lifecycle(Bucket=bucket, LifecycleConfiguration={"Rules": [{
    "ID": "old", "Prefix": "logs/", "Status": "Enabled", "Expiration": {"Days": 30},
    "Transition": {"Days": 10, "StorageClass": "GLACIER"}}]})
out["old_rules"] = s3.get_bucket_lifecycle(Bucket=bucket)["Rules"]
out["current_rules"] = s3.get_bucket_lifecycle_configuration(Bucket=bucket)["Rules"]
error("mixed", lambda: s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [
    {"ID": "a", "Prefix": "x/", "Status": "Enabled", "Expiration": {"Days": 1}},
    {"ID": "b", "Filter": {"Prefix": "y/"}, "Status": "Enabled", "Expiration": {"Days": 1}}]}))
error("newer_noncurrent_v1", lambda: s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [
    {"ID": "a", "Prefix": "x/", "Status": "Enabled",
     "NoncurrentVersionExpiration": {"NoncurrentDays": 1, "NewerNoncurrentVersions": 2}}]}))

queue_url = sqs.create_queue(QueueName="legacy-" + os.urandom(4).hex())["QueueUrl"]
queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"},
                                                   "Action": "sqs:SendMessage", "Resource": queue_arn}]}
sqs.set_queue_attributes(QueueUrl=queue_url, Attributes={"Policy": json.dumps(policy)})
out["empty_notification"] = {k: v for k, v in s3.get_bucket_notification(Bucket=bucket).items() if k != "ResponseMetadata"}
s3.put_bucket_notification(Bucket=bucket, NotificationConfiguration={
    "QueueConfiguration": {"Id": "legacy-queue", "Events": ["s3:ObjectCreated:*"], "Queue": queue_arn}})
old = s3.get_bucket_notification(Bucket=bucket)
out["old_notification"] = old.get("QueueConfiguration")
out["current_notification"] = s3.get_bucket_notification_configuration(Bucket=bucket).get("QueueConfigurations")
s3.put_object(Bucket=bucket, Key="photo.jpg", Body=b"x")
bodies = []
for _ in range(3):
    for message in sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", []):
        bodies.append(json.loads(message["Body"]))
out["delivered"] = sorted(b.get("Event") or b["Records"][0]["eventName"] for b in bodies)
print(json.dumps(out, default=str))
