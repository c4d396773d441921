"""A bucket in us-west-2 used by us-east-1 boto3 clients: botocore follows S3's PermanentRedirect. Prints JSON."""
import json
import os
import sys

import boto3
from botocore.config import Config

config = Config(s3={"addressing_style": "path"})
west = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-west-2", config=config)
east = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1", config=config)
bucket = "west-" + os.urandom(4).hex()
west.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
east.put_object(Bucket=bucket, Key="k", Body=b"redirected")
print(
    json.dumps(
        {
            "body": east.get_object(Bucket=bucket, Key="k")["Body"].read().decode(),
            "region": east.head_bucket(Bucket=bucket)["BucketRegion"],
            "keys": [o["Key"] for o in east.list_objects_v2(Bucket=bucket)["Contents"]],
        }
    )
)
