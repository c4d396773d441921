"""boto3 SQS clients for both wire protocols from one Python (boto3 1.43).

The query client loads twinstack's SQS model (which keeps the query-protocol traits) with its protocol set to
query, the way the recorded tests drove AWS over both protocols.
"""
import json
import os
import tempfile

import boto3
import botocore.session

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CREDENTIALS = dict(region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")


def _query_model_dir():
    model = json.load(open(os.path.join(ROOT, "emulator", "models", "sqs.json")))
    meta = model["metadata"]
    meta["protocol"] = "query"
    meta["protocols"] = ["query"]
    for key in ("awsQueryCompatible", "jsonVersion", "targetPrefix"):
        meta.pop(key, None)
    directory = tempfile.mkdtemp(prefix="sqs-query-model-")
    os.makedirs(os.path.join(directory, "sqs", meta["apiVersion"]))
    with open(os.path.join(directory, "sqs", meta["apiVersion"], "service-2.json"), "w") as f:
        json.dump(model, f)
    return directory


def sqs_client(endpoint, protocol, **overrides):
    options = {**CREDENTIALS, **overrides}
    if protocol == "json":
        return boto3.client("sqs", endpoint_url=endpoint, **options)
    session = botocore.session.get_session()
    session.get_component("data_loader").search_paths.insert(0, _query_model_dir())
    return boto3.Session(botocore_session=session).client("sqs", endpoint_url=endpoint, **options)
