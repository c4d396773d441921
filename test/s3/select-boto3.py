"""boto3's select_object_content against twinstack: a CSV object queried over a scan range. Prints JSON."""
import json
import os
import sys

import boto3
from botocore.config import Config

s3 = boto3.client("s3", endpoint_url=sys.argv[1], config=Config(s3={"addressing_style": "path"}))
bucket = "select-" + os.urandom(4).hex()
s3.create_bucket(Bucket=bucket)
csv = 'name,city,age\nAda,London,36\n"Hopper, Grace",New York,85\nLinus,Helsinki,28\n'
s3.put_object(Bucket=bucket, Key="people.csv", Body=csv.encode())
response = s3.select_object_content(
    Bucket=bucket,
    Key="people.csv",
    ExpressionType="SQL",
    Expression="SELECT * FROM S3Object",
    InputSerialization={"CSV": {"FileHeaderInfo": "NONE"}},
    OutputSerialization={"CSV": {}},
    ScanRange={"Start": 30, "End": 60},
)
out = {"records": "", "end": False}
for event in response["Payload"]:
    if "Records" in event:
        out["records"] += event["Records"]["Payload"].decode()
    elif "Stats" in event:
        out["stats"] = event["Stats"]["Details"]
    elif "End" in event:
        out["end"] = True
print(json.dumps(out))
