"""For every service a twinstack serves, calls one of its operations that needs no input through boto3, and prints
what each returned: the standalone build must serve them all. Usage: python3 standalone_probe.py ENDPOINT"""
import json
import socket
import sys
import urllib.request

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
health = json.load(urllib.request.urlopen(endpoint + "/_twinstack/health"))
implemented = json.load(urllib.request.urlopen(endpoint + "/_twinstack/operations"))
_resolve = socket.getaddrinfo


def loopback_names(host, *args, **kwargs):
    # `*.localhost` is loopback (RFC 6761), which this machine's resolver does not know.
    return _resolve("127.0.0.1" if isinstance(host, str) and host.endswith(".localhost") else host, *args, **kwargs)


socket.getaddrinfo = loopback_names
account = boto3.client("sts", endpoint_url=endpoint).get_caller_identity()["Account"]
results = {}
for service in health["services"]:
    # S3 Control puts the account id in the host name: `<account>.localhost` reaches the emulator, an IP literal would not.
    client = boto3.client(service, endpoint_url=endpoint.replace("127.0.0.1", "localhost") if service == "s3control" else endpoint)
    model = client.meta.service_model

    def required(name):
        shape = model.operation_model(name).input_shape
        return set(shape.required_members) - {"AccountId"} if shape else set()

    def inputless(name):
        return not required(name)

    def arguments(name):
        shape = model.operation_model(name).input_shape
        return {"AccountId": account} if shape and "AccountId" in shape.required_members else {}

    def members(name):
        shape = model.operation_model(name).input_shape
        return len(shape.members) if shape else 0

    # A plain listing: List* first, the fewest optional members (ListShards wants a stream without saying so).
    candidates = sorted(
        # Operations newer than this machine's botocore are left to the SDK tests.
        (op for op in implemented[service]["implemented"] if op in model.operation_names and inputless(op)),
        key=lambda op: (not op.startswith("List"), members(op), op),
    )
    # The first of them that succeeds (some want context a bare call lacks, as on AWS): the service is served.
    tried = []
    for operation in candidates[:5]:
        name = next(m for m, api in client.meta.method_to_api_mapping.items() if api == operation)
        try:
            response = getattr(client, name)(**arguments(operation))
            results[service] = {"operation": operation, "status": response["ResponseMetadata"]["HTTPStatusCode"]}
            break
        except ClientError as error:
            tried.append(operation + ": " + error.response["Error"]["Code"])
    else:
        results[service] = {"operation": None, "error": "; ".join(tried) or "no implemented operation without required input"}
print(json.dumps(results))
