"""Presigned S3 URLs against a strict-signature twinstack: valid, tampered and expired. Prints JSON."""
import json
import os
import sys
import time
import urllib.error
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
print(json.dumps(out))
