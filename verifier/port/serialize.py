"""Serializes AWS requests with botocore's own serializers (the real client code), for the contract generator.

stdin: JSON list of {"service", "protocol", "operation", "params", "plainHttp"?}; stdout: JSON list of
{"method", "path", "query", "headers", "body"}, the body text, `{"$base64"}` for bytes that are not UTF-8, or the
`{"$repeat", "bytes"}` a source gave as the payload; a `{"$repeat", "bytes"}` elsewhere (a long message body) is
serialized as the text `twinstack-repeat-<n>` and listed, n-th, in "repeats". botocore 1.43 models; SQS over query uses twinstack's copy (emulator/models), which keeps the legacy query traits.
"""
import base64
import json
import sys
from pathlib import Path

import botocore.session
from botocore.model import ServiceModel
from botocore.serialize import create_serializer

MODELS = Path(__file__).resolve().parents[2] / "emulator" / "models"
_models = {}


def model_for(service, protocol):
    """botocore's own model for its default protocol; for SQS query, twinstack's copy with the legacy query traits."""
    key = (service, protocol)
    if key not in _models:
        if protocol == "query" and service == "sqs":
            data = json.loads((MODELS / f"{service}.json").read_text())
            data["metadata"]["protocol"] = protocol
            _models[key] = ServiceModel(data, service_name=service)
        else:
            _models[key] = botocore.session.get_session().get_service_model(service)
    return _models[key]


def is_repeated(value):
    return isinstance(value, dict) and set(value) == {"$repeat", "bytes"}


def repeated(value):
    """`{"$repeat": text, "bytes": n}` -> the text repeated and cut to n bytes (a body the verifier makes at replay time)."""
    unit = value["$repeat"].encode("utf-8")
    return (unit * (value["bytes"] // len(unit) + 1))[: value["bytes"]]


def with_blobs(value, repeats=None):
    """`{"$blob": base64}` in a source's parameters -> bytes (blobs that are not UTF-8 text cannot travel as JSON strings);
    `{"$repeat", "bytes"}` -> the bytes it describes (a payload), or with `repeats` (a member inside the body) a marker
    text the generator finds in the serialized body, the description appended to `repeats`."""
    if isinstance(value, dict):
        if list(value) == ["$blob"]:
            return base64.b64decode(value["$blob"])
        if is_repeated(value):
            if repeats is None:
                return repeated(value)
            repeats.append(value)
            return f"twinstack-repeat-{len(repeats) - 1}"
        return {k: with_blobs(v, repeats) for k, v in value.items()}
    if isinstance(value, list):
        return [with_blobs(v, repeats) for v in value]
    return value


def with_checksum(request, operation, params):
    """What boto3 adds on the way out of a rest-xml client: its default CRC32 checksum (in a header, over plain HTTP)."""
    from botocore.config import Config
    from botocore.httpchecksum import apply_request_checksum, resolve_request_checksum_algorithm

    request["url"] = "http://localhost" + request["url_path"]
    request["context"] = {"client_config": Config(request_checksum_calculation="when_supported")}
    resolve_request_checksum_algorithm(request, operation, params)
    apply_request_checksum(request)


SENTINEL_TIME = "1999-12-31T23:59:59Z"


def timestamp_templates(operation, params):
    """Timestamp headers given as a template (`{{lastModified}}`, a captured HTTP date): botocore only formats dates, so a
    placeholder date is serialized and the header put back as the template. Returns header name -> template."""
    found = {}
    members = operation.input_shape.members if operation.input_shape else {}
    for name, value in list(params.items()):
        shape = members.get(name)
        if shape is not None and shape.type_name == "timestamp" and isinstance(value, str) and value.startswith("{{"):
            if shape.serialization.get("location") != "header":
                raise ValueError(f"{name}: only header timestamps may be templates")
            found[shape.serialization["name"]] = value
            params[name] = SENTINEL_TIME
    return found


def serialize(step):
    model = model_for(step["service"], step["protocol"])
    operation = model.operation_model(step["operation"])
    payload = operation.input_shape.serialization.get("payload") if operation.input_shape else None
    repeats = []
    params = {k: with_blobs(v, None if k == payload else repeats) for k, v in step["params"].items()}
    plain_http = step.get("plainHttp")  # a test's own HTTP request: none of boto3's additions, its own headers
    mode_member = operation.http_checksum.get("requestValidationModeMember")
    if step["protocol"] == "rest-xml" and mode_member and mode_member not in params and plain_http is None:
        params[mode_member] = "ENABLED"  # boto3 asks for response checksums wherever an operation offers them
    templated_times = timestamp_templates(operation, params)
    request = create_serializer(step["protocol"], include_validation=False).serialize_to_request(params, operation)
    for name, template in templated_times.items():
        request["headers"][name] = template
    if step["protocol"] == "rest-xml":
        # A body with templates changes when the verifier fills them in: a checksum of it would be wrong.
        if "{{" not in str(request["body"]) and plain_http is None:
            with_checksum(request, operation, params)
        request["headers"].update(plain_http or {})
        # Templates in bucket names and keys ({{suffix}}) must survive the path's percent-encoding.
        request["url_path"] = request["url_path"].replace("%7B%7B", "{{").replace("%7D%7D", "}}")
    body = request["body"]
    if payload and is_repeated(step["params"].get(payload)):
        body = step["params"][payload]  # made again by the verifier: the contract stores its description, not its bytes
    elif isinstance(body, bytes):
        try:
            body = body.decode("utf-8")
        except UnicodeDecodeError:
            body = {"$base64": base64.b64encode(body).decode()}
    elif isinstance(body, dict):  # query: botocore keeps the form as a dict until the HTTP layer encodes it
        from urllib.parse import quote

        body = "&".join(f"{quote(str(k), safe='-_.~')}={quote(str(v), safe='-_.~')}" for k, v in body.items())
    return {
        "method": request["method"],
        "path": request["url_path"],
        "query": {k: [str(x) for x in v] if isinstance(v, list) else str(v) for k, v in (request["query_string"] or {}).items()},
        "headers": {k: v.decode() if isinstance(v, bytes) else v for k, v in request["headers"].items()},
        "body": body,
        **({"repeats": repeats} if repeats else {}),
    }


print(json.dumps([serialize(step) for step in json.load(sys.stdin)]))
