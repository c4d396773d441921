"""boto3 against twinstack's directory buckets (S3 Express One Zone): create, session-signed object calls, rename. Prints JSON."""
import json
import os
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-west-2", config=Config(s3={"addressing_style": "path"}))
bucket = "py" + os.urandom(3).hex() + "--usw2-az1--x-s3"
out = {}
s3.create_bucket(
    Bucket=bucket,
    CreateBucketConfiguration={"Location": {"Type": "AvailabilityZone", "Name": "usw2-az1"}, "Bucket": {"Type": "Directory", "DataRedundancy": "SingleAvailabilityZone"}},
)
s3.put_object(Bucket=bucket, Key="logs/a.txt", Body=b"alpha")
s3.rename_object(Bucket=bucket, Key="logs/b.txt", RenameSource=bucket + "/logs/a.txt")
got = s3.get_object(Bucket=bucket, Key="logs/b.txt")
out["body"] = got["Body"].read().decode()
out["storage_class"] = got.get("StorageClass")
out["keys"] = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]
try:
    s3.rename_object(Bucket=bucket, Key="logs/c.txt", RenameSource=bucket + "/logs/a.txt")
except ClientError as e:
    out["missing_source"] = e.response["Error"]["Code"]
out["session_keys"] = sorted(s3.create_session(Bucket=bucket)["Credentials"].keys())
print(json.dumps(out))
