"""Direct PUT into an Extended S3 destination with boto3: PutRecordBatch, then the object after the buffer interval."""
import json
import sys
import urllib.request

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
firehose = boto3.client("firehose", endpoint_url=endpoint)
s3 = boto3.client("s3", endpoint_url=endpoint)
out = {}

s3.create_bucket(Bucket="boto3-firehose")
firehose.create_delivery_stream(
    DeliveryStreamName="boto3-stream",
    ExtendedS3DestinationConfiguration={
        "RoleARN": "arn:aws:iam::000000000000:role/firehose",
        "BucketARN": "arn:aws:s3:::boto3-firehose",
        "Prefix": "events/",
        "BufferingHints": {"IntervalInSeconds": 120, "SizeInMBs": 5},
    },
)
batch = firehose.put_record_batch(
    DeliveryStreamName="boto3-stream", Records=[{"Data": json.dumps({"n": i}).encode() + b"\n"} for i in range(3)]
)
out["failed"] = batch["FailedPutCount"]
out["ids"] = len(batch["RequestResponses"])

# Move the emulator clock past the buffering interval, then wait for the object.
request = urllib.request.Request(f"{endpoint}/_twinstack/clock", data=json.dumps({"advance": "120s"}).encode(), method="POST")
urllib.request.urlopen(request).read()
for _ in range(200):
    listed = s3.list_objects_v2(Bucket="boto3-firehose").get("Contents", [])
    if listed:
        break
key = listed[0]["Key"]
out["key"] = key
out["body"] = s3.get_object(Bucket="boto3-firehose", Key=key)["Body"].read().decode()

try:
    firehose.describe_delivery_stream(DeliveryStreamName="nope")
except ClientError as e:
    out["missing"] = {"Code": e.response["Error"]["Code"], "Message": e.response["Error"]["Message"]}
print(json.dumps(out))
