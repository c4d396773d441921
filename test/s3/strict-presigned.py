"""Presigned S3 URLs (SigV4 and SigV2) and SigV2-signed calls against a strict-signature twinstack. Prints JSON."""
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import boto3
from botocore.config import Config

s3 = boto3.client("s3", endpoint_url=sys.argv[1], config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"))
bucket = "strict-" + os.urandom(4).hex()
s3.create_bucket(Bucket=bucket)
s3.put_object(Bucket=bucket, Key="k", Body=b"signed")


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return {"status": response.status, "body": response.read().decode()}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "body": e.read().decode()}


out = {"valid": fetch(s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=60))}
url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=1)
out["tampered"] = fetch(url.replace("X-Amz-Signature=", "X-Amz-Signature=0"))
time.sleep(2.2)
out["expired"] = fetch(url)
out["unsigned"] = fetch(f"{sys.argv[1]}/{bucket}/k")

# Signature Version 2 (botocore's "s3" signer): header-signed calls and query-string presigned URLs.
v2 = boto3.client("s3", endpoint_url=sys.argv[1], config=Config(s3={"addressing_style": "path"}, signature_version="s3"))
v2.put_object(Bucket=bucket, Key="v2 key+x", Body=b"v2 body", ContentType="text/plain", Metadata={"color": "blue"})
out["v2Header"] = {"body": v2.get_object(Bucket=bucket, Key="v2 key+x")["Body"].read().decode(), "tags": v2.get_object_tagging(Bucket=bucket, Key="v2 key+x")["TagSet"]}
out["v2Valid"] = fetch(v2.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "v2 key+x", "ResponseContentType": "text/x-test"}, ExpiresIn=60))
v2url = v2.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=1)
out["v2Tampered"] = fetch(v2url.replace("Signature=", "Signature=A"))
# A SigV2 URL without its Expires parameter.
parts = urllib.parse.urlsplit(v2.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"}, ExpiresIn=60))
query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "Expires"]
out["v2NoExpires"] = fetch(urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query))))
time.sleep(2.2)
out["v2Expired"] = fetch(v2url)
wrong = boto3.client("s3", endpoint_url=sys.argv[1], aws_secret_access_key="wrong", aws_access_key_id="test", config=Config(s3={"addressing_style": "path"}, signature_version="s3", retries={"max_attempts": 1}))
try:
    wrong.get_object(Bucket=bucket, Key="k")
    out["v2WrongSecret"] = "accepted"
except wrong.exceptions.ClientError as e:
    out["v2WrongSecret"] = e.response["Error"]["Code"]
print(json.dumps(out))
