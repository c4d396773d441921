"""Uploads through Signature Version 2 presigned URLs carrying metadata in their query (botocore's `s3` signer), sent
with urllib, against a strict-signature twinstack. Prints JSON."""
import json
import os
import sys
import urllib.error
import urllib.request

import boto3
from botocore.config import Config
from botocore.handlers import validate_ascii_metadata

config = Config(s3={"addressing_style": "path"})
s3 = boto3.client("s3", endpoint_url=sys.argv[1], config=config)
v2 = boto3.client("s3", endpoint_url=sys.argv[1], config=Config(s3={"addressing_style": "path"}, signature_version="s3"))
# AWS accepts non-ASCII metadata in a presigned URL; botocore's own check would refuse to sign it.
v2.meta.events.unregister("before-parameter-build.s3.PutObject", validate_ascii_metadata)
bucket = "v2meta-" + os.urandom(4).hex()
s3.create_bucket(Bucket=bucket)


def put(url, headers=None):
    # urllib would add a form content type, which the URL does not sign (requests, as the tests use, adds none).
    request = urllib.request.Request(url, data=b"content 123", method="PUT", headers={"Content-Type": "", **(headers or {})})
    try:
        with urllib.request.urlopen(request) as response:
            return {"status": response.status, "body": response.read().decode()}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "body": e.read().decode()}


def metadata(key):
    try:
        return s3.head_object(Bucket=bucket, Key=key)["Metadata"]
    except s3.exceptions.ClientError as e:
        return e.response["Error"]["Code"]


out = {}
url = v2.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "ascii", "Metadata": {"foo": "bar"}})
out["inUrl"] = "x-amz-meta-foo=bar" in url
out["put"] = put(url)
out["ascii"] = metadata("ascii")
out["extraHeader"] = put(url, {"x-amz-meta-wrong": "wrong"})
url = v2.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "unicode", "Metadata": {"foo": "non-ascii-%E2%80%94_—_é_"}})
out["putUnicode"] = put(url)["status"]
out["unicode"] = metadata("unicode")
print(json.dumps(out))
