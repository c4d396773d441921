"""boto3 through an S3 Object Lambda access point made by the Node.js test: GetObject by ARN, and S3 Control listings."""
import json
import socket
import sys

import boto3
from botocore.exceptions import ClientError

# `*.localhost` is the loopback address (RFC 6761), which this machine's resolver does not know: S3 Control puts the
# account id in the host name, and S3 Object Lambda the access point.
_resolve = socket.getaddrinfo


def resolve(host, *args, **kwargs):
    return _resolve("127.0.0.1" if isinstance(host, str) and host.endswith(".localhost") else host, *args, **kwargs)


socket.getaddrinfo = resolve
endpoint = sys.argv[1].replace("127.0.0.1", "localhost")
account = "000000000000"
s3 = boto3.client("s3", endpoint_url=endpoint)
control = boto3.client("s3control", endpoint_url=endpoint)
seen = {}
got = s3.get_object(Bucket=f"arn:aws:s3-object-lambda:us-east-1:{account}:accesspoint/upper", Key="hello.txt")
seen["body"] = got["Body"].read().decode()
seen["metadata"] = got["Metadata"]
seen["content_type"] = got["ContentType"]
seen["names"] = [ap["Name"] for ap in control.list_access_points_for_object_lambda(AccountId=account)["ObjectLambdaAccessPointList"]]
try:
    control.get_access_point_for_object_lambda(AccountId=account, Name="nope")
except ClientError as error:
    seen["missing"] = [error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]]
print(json.dumps(seen))
