# Rebuilds aws-managed-policies.json.gz from a checkout of the MAMIP tracker of AWS managed policies
# (github.com/zoph-io/MAMIP: policies-list.json as IAM's ListPolicies returned it, policies/<name> as its
# GetPolicyVersion returned each default version). Usage: python3 build-aws-managed-policies.py <MAMIP checkout>
import gzip
import json
import os
import sys

root = sys.argv[1]
listed = json.load(open(os.path.join(root, "policies-list.json")))["Policies"]
entries = []
for policy in sorted(listed, key=lambda p: p["Arn"]):
    version = json.load(open(os.path.join(root, "policies", policy["PolicyName"])))["PolicyVersion"]
    entries.append({
        "name": policy["PolicyName"],
        "path": policy["Path"],
        "id": policy["PolicyId"],
        "defaultVersionId": policy["DefaultVersionId"],
        "createDate": policy["CreateDate"].replace("+00:00", "Z"),
        "updateDate": policy["UpdateDate"].replace("+00:00", "Z"),
        "document": json.dumps(version["Document"], separators=(",", ":")),
    })
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "aws-managed-policies.json.gz")
with gzip.GzipFile(out, "wb", mtime=0) as f:
    f.write(json.dumps(entries, separators=(",", ":")).encode())
print(f"{len(entries)} policies -> {out}")
