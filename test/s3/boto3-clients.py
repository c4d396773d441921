"""boto3 against twinstack's S3: managed transfers, presigned URLs used with plain HTTP, errors. Prints JSON."""
import hashlib
import json
import os
import sys
import tempfile
import urllib.error
import urllib.request

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
s3 = boto3.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}))
out = {}
bucket = "boto3-" + os.urandom(4).hex()
s3.create_bucket(Bucket=bucket)
out["location"] = s3.get_bucket_location(Bucket=bucket)["LocationConstraint"]

with tempfile.TemporaryDirectory() as tmp:
    source = os.path.join(tmp, "big.bin")
    data = os.urandom(20 * 1024 * 1024 + 17)
    with open(source, "wb") as f:
        f.write(data)
    config = TransferConfig(multipart_threshold=8 * 1024 * 1024, multipart_chunksize=8 * 1024 * 1024)
    s3.upload_file(source, bucket, "dir/big.bin", Config=config)
    head = s3.head_object(Bucket=bucket, Key="dir/big.bin")
    out["multipart_etag_parts"] = head["ETag"].strip('"').split("-")[-1]
    out["size"] = head["ContentLength"]
    target = os.path.join(tmp, "back.bin")
    s3.download_file(bucket, "dir/big.bin", target, Config=config)
    with open(target, "rb") as f:
        out["download_matches"] = hashlib.sha256(f.read()).hexdigest() == hashlib.sha256(data).hexdigest()

s3.put_object(Bucket=bucket, Key="hello.txt", Body=b"hello", ContentType="text/plain")
url = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "hello.txt"}, ExpiresIn=300)
with urllib.request.urlopen(url) as response:
    out["presigned_get"] = response.read().decode()
put_url = s3.generate_presigned_url("put_object", Params={"Bucket": bucket, "Key": "via-url.txt"}, ExpiresIn=300)
request = urllib.request.Request(put_url, data=b"uploaded by url", method="PUT")
with urllib.request.urlopen(request) as response:
    out["presigned_put_status"] = response.status
out["presigned_put_body"] = s3.get_object(Bucket=bucket, Key="via-url.txt")["Body"].read().decode()

post = s3.generate_presigned_post(bucket, "posted/${filename}", ExpiresIn=300)
boundary = "----twinstack"
parts = []
for name, value in post["fields"].items():
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.txt"\r\n\r\nposted body\r\n--{boundary}--\r\n'.encode())
request = urllib.request.Request(post["url"], data=b"".join(parts), method="POST", headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
with urllib.request.urlopen(request) as response:
    out["presigned_post_status"] = response.status
out["presigned_post_body"] = s3.get_object(Bucket=bucket, Key="posted/f.txt")["Body"].read().decode()

paginator = s3.get_paginator("list_objects_v2")
keys = []
for page in paginator.paginate(Bucket=bucket, PaginationConfig={"PageSize": 1}):
    keys += [o["Key"] for o in page.get("Contents", [])]
out["keys"] = keys


def error_of(call):
    try:
        call()
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"], "message": e.response["Error"].get("Message")}
    return None


out["errors"] = {
    "head_missing": error_of(lambda: s3.head_object(Bucket=bucket, Key="missing")),
    "get_missing": error_of(lambda: s3.get_object(Bucket=bucket, Key="missing")),
    "no_bucket": error_of(lambda: s3.list_objects_v2(Bucket=bucket + "-nope")),
    "not_empty": error_of(lambda: s3.delete_bucket(Bucket=bucket)),
}
print(json.dumps(out))
