"""boto3's generate_presigned_post against twinstack's S3, the forms posted as a browser would. Prints JSON:
{case: {status, code, fields...}} for each form, and what was stored."""
import html
import json
import os
import re
import sys
import urllib.error
import urllib.request

import boto3
from botocore.config import Config

endpoint = sys.argv[1]
# In us-east-1 botocore signs POST forms with SigV2 unless told otherwise: one client of each version.
s3 = boto3.client("s3", endpoint_url=endpoint, config=Config(signature_version="s3v4", s3={"addressing_style": "path"}))
v2 = boto3.client("s3", endpoint_url=endpoint, config=Config(s3={"addressing_style": "path"}))
bucket = "post-" + os.urandom(4).hex()
s3.create_bucket(Bucket=bucket)
out = {}


def send(url, fields, file=b"abcdef", filename="file", file_type=None, content_type=None):
    boundary = os.urandom(8).hex()
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    disposition = f'form-data; name="file"' + (f'; filename="{filename}"' if filename else "")
    typed = f"Content-Type: {file_type}\r\n" if file_type else ""
    parts.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n{typed}\r\n".encode() + file + f"\r\n--{boundary}--\r\n".encode())
    headers = {"Content-Type": content_type or f"multipart/form-data; boundary={boundary}"}
    request = urllib.request.Request(url, data=b"".join(parts), method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return {"status": response.status}
    except urllib.error.HTTPError as e:
        body = e.read().decode()
        fields = {k: html.unescape(v) for k, v in re.findall(r"<(\w+)>([^<]*)</\1>", body)}
        return {"status": e.code, **fields}


def form(key, client=s3, **kwargs):
    return client.generate_presigned_post(Bucket=bucket, Key=key, ExpiresIn=60, **kwargs)


p = form("k")
out["v4-no-signature"] = send(p["url"], {k: v for k, v in p["fields"].items() if k != "x-amz-signature"})
out["v4-no-algorithm"] = send(p["url"], {k: v for k, v in p["fields"].items() if k not in ("x-amz-algorithm", "x-amz-credential")})
out["unsigned-policy"] = send(p["url"], {k: v for k, v in p["fields"].items() if k in ("key", "policy")})
out["v4-cut-policy"] = send(p["url"], {**p["fields"], "policy": p["fields"]["policy"][:-2]})
p2 = form("k", client=v2)
out["v2-no-key-id"] = send(p2["url"], {k: v for k, v in p2["fields"].items() if k != "AWSAccessKeyId"})
out["v2-signed"] = send(p2["url"], p2["fields"])

sized = form("sized", Conditions=[["content-length-range", 5, 10]])
out["too-big"] = send(sized["url"], sized["fields"], file=b"a" * 12)
out["too-small"] = send(sized["url"], sized["fields"], file=b"a")
odd = form("sized", Conditions=[["content-length-range", "test", "10"]])
out["range-not-numbers"] = send(odd["url"], odd["fields"], file=b"a" * 6)

tags = "<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>b</Key><Value>2</Value></Tag></TagSet></Tagging>"
tagged = form("tagged", Fields={"tagging": tags}, Conditions=[["eq", "$tagging", tags]])
out["tagged"] = send(tagged["url"], tagged["fields"])
out["tags"] = s3.get_object_tagging(Bucket=bucket, Key="tagged")["TagSet"]
bad = form("badtags", Fields={"tagging": "not-xml"}, Conditions=[["eq", "$tagging", "not-xml"]])
out["tagging-not-xml"] = send(bad["url"], bad["fields"])

expires = "Wed, 01 Jan 2099 00:00:00 GMT"
untyped = form("untyped", Fields={"Expires": expires}, Conditions=[{"Expires": expires}])
out["untyped"] = send(untyped["url"], untyped["fields"])
head = s3.head_object(Bucket=bucket, Key="untyped")
out["untyped-type"] = head["ContentType"]
out["untyped-expires"] = head.get("ExpiresString")
typed = form("typed")
send(typed["url"], typed["fields"], file_type="image/png")
out["typed-type"] = s3.head_object(Bucket=bucket, Key="typed")["ContentType"]

literal = form("literal-${filename}")
out["no-filename"] = send(literal["url"], literal["fields"], filename=None)
out["keys"] = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket)["Contents"]]

# Every field but the policy, its signature and the file must be named by a condition.
unnamed = form("unnamed", Fields={"x-amz-meta-color": "red", "success_action_status": "201"}, Conditions=[{"success_action_status": "201"}])
out["extra-field"] = send(unnamed["url"], unnamed["fields"])
ignored = form("ignored")
out["x-ignore-field"] = send(ignored["url"], {**ignored["fields"], "x-ignore-tracking": "1"})

plain = form("plain")
out["wrong-content-type"] = send(plain["url"], plain["fields"], content_type="text/html")
print(json.dumps(out))
