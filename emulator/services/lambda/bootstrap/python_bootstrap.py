# twinstack's Python runtime: polls the Lambda Runtime API (AWS_LAMBDA_RUNTIME_API) and runs the handler named by
# _HANDLER from LAMBDA_TASK_ROOT with the event and an AWS-shaped context, the way AWS's managed runtime does.
import http.client
import importlib
import json
import logging
import os
import socket
import sys
import time
import traceback
import urllib.parse


SDK_PACKAGES = ("boto3", "botocore", "s3transfer")


def preload_sdk():
    """A spare imports the SDK AWS's runtime provides while it waits (reading no environment yet: clients read it when
    made), so that a handler's `import boto3` costs nothing at its cold start."""
    try:
        import boto3  # noqa: F401
    except ImportError:
        pass


def take_assignment():
    """A spare runtime (started before any function needed it) learns its function's environment on stdin."""
    assignment = json.loads(sys.stdin.read())
    os.environ.clear()
    os.environ.update(assignment["env"])
    os.chdir(assignment["cwd"])
    # PYTHONPATH is read at interpreter start, before the assignment: its entries go first on the path, as they would.
    paths = [p for p in assignment["env"].get("PYTHONPATH", "").split(":") if p]
    sys.path[1:1] = paths
    # A function (or layer) that brings its own SDK imports that one, as on AWS: the preloaded one is forgotten.
    roots = [assignment["env"].get("LAMBDA_TASK_ROOT", assignment["cwd"]), *paths]
    if any(os.path.isdir(os.path.join(root, name)) for root in roots for name in SDK_PACKAGES):
        for module in [m for m in sys.modules if m.split(".")[0] in SDK_PACKAGES]:
            del sys.modules[module]


if os.environ.get("TWINSTACK_SPARE_RUNTIME"):
    preload_sdk()
    take_assignment()

_getaddrinfo = socket.getaddrinfo


def _emulator_names(host, *args, **kwargs):
    """Names under the emulator's host resolve to it, as AWS's endpoints with host prefixes do: SDKs send S3 Object
    Lambda's WriteGetObjectResponse to `<route>.<endpoint host>` (`io-use1-001.127.0.0.1`)."""
    endpoint = urllib.parse.urlsplit(os.environ.get("AWS_ENDPOINT_URL", "")).hostname
    if endpoint and isinstance(host, str) and host.endswith("." + endpoint):
        host = endpoint
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _emulator_names

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
BOOTSTRAP = os.path.abspath(__file__)
connection = http.client.HTTPConnection(API)
request_id = ""


def call(method, path, body=None, headers=None):
    global connection
    for attempt in (0, 1):
        try:
            connection.request(method, "/2018-06-01/runtime/" + path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response, response.read()
        except (http.client.HTTPException, ConnectionError):
            connection.close()
            connection = http.client.HTTPConnection(API)
            if attempt:
                raise


JSON_LOGS = os.environ.get("AWS_LAMBDA_LOG_FORMAT", "").upper() == "JSON"
# Python's logging has no TRACE: AWS maps it to DEBUG.
LOG_LEVEL = {"TRACE": "DEBUG"}.get(os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper(), os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper())
# LogRecord attributes that are logging's own; any other attribute (logging's `extra`) becomes a field of a JSON line.
RECORD_FIELDS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "aws_request_id"}


class LambdaLogFormatter(logging.Formatter):
    def format(self, record):
        record.aws_request_id = request_id
        return super().format(record)


class JsonLogFormatter(logging.Formatter):
    """The logging module's records as AWS's Python runtime writes them when the function's log format is JSON."""

    def format(self, record):
        level = min(50, max(0, record.levelno)) // 10 * 10
        error = record.exc_info
        line = {
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": logging.getLevelName(level),
            "message": record.getMessage(),
            "logger": record.name,
            "stackTrace": traceback.format_tb(error[2]) if error else None,
            "errorType": error[0].__name__ if error else None,
            "errorMessage": str(error[1]) if error else None,
            "requestId": request_id or None,
            "location": f"{record.pathname}:{record.funcName}:{record.lineno}" if error else None,
        }
        line.update((k, v) for k, v in vars(record).items() if k not in RECORD_FIELDS and k not in line)
        return json.dumps({k: v for k, v in line.items() if v is not None}, ensure_ascii=False, default=str) + "\n"


handler_ = logging.StreamHandler(sys.stdout)
handler_.terminator = ""
if JSON_LOGS:
    handler_.setFormatter(JsonLogFormatter())
else:
    handler_.setFormatter(LambdaLogFormatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    handler_.formatter.converter = time.gmtime
logging.getLogger().addHandler(handler_)
logging.getLogger().setLevel(LOG_LEVEL if isinstance(logging.getLevelName(LOG_LEVEL), int) else logging.WARNING)


TASK_ROOT = os.environ["LAMBDA_TASK_ROOT"]


def frames(tb):
    """The handler's frames, with the task root shown as AWS's /var/task."""
    entries = traceback.extract_tb(tb)
    lines = traceback.format_list(entries)
    return [line.replace(TASK_ROOT, "/var/task") for frame, line in zip(entries, lines) if frame.filename != BOOTSTRAP]


def error_payload(error, rid, error_type=None):
    payload = {"errorMessage": str(error), "errorType": error_type or type(error).__name__}
    # AWS's python3.8 runtime names no requestId in the error (AWS-recorded test_uncaught_exception_invoke).
    if os.environ.get("AWS_EXECUTION_ENV") != "AWS_Lambda_python3.8":
        payload["requestId"] = rid
    payload["stackTrace"] = frames(error.__traceback__)
    return payload


def log_error(payload):
    if JSON_LOGS:
        sys.stdout.write(json.dumps({"timestamp": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime()), "level": "ERROR", **payload}) + "\n")
        return
    trace = "".join(payload["stackTrace"])
    sys.stdout.write(f"[ERROR] {payload['errorType']}: {payload['errorMessage']}\nTraceback (most recent call last):\n{trace}\n")


def load_handler():
    spec = os.environ.get("_HANDLER", "")
    module_path, _, function_name = spec.rpartition(".")
    if not module_path:
        return None, {"errorMessage": f"Bad handler '{spec}': not enough values to unpack (expected 2, got 1)", "errorType": "Runtime.MalformedHandlerName", "requestId": "", "stackTrace": []}
    try:
        module = importlib.import_module(module_path.replace("/", "."))
    except ImportError as error:
        return None, {"errorMessage": f"Unable to import module '{module_path}': {error}", "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []}
    except SyntaxError as error:
        return None, {"errorMessage": f"Syntax error in module '{module_path}': {error}", "errorType": "Runtime.UserCodeSyntaxError", "requestId": "", "stackTrace": []}
    except Exception as error:
        return None, error_payload(error, "")
    handler = getattr(module, function_name, None)
    if handler is None:
        return None, {"errorMessage": f"Handler '{function_name}' missing on module '{module_path}'", "errorType": "Runtime.HandlerNotFound", "requestId": "", "stackTrace": []}
    return handler, None


class ClientContext:
    def __init__(self, data):
        self.client = data.get("client")
        self.custom = data.get("custom")
        self.env = data.get("env")


class CognitoIdentity:
    def __init__(self, data):
        self.cognito_identity_id = data.get("cognitoIdentityId")
        self.cognito_identity_pool_id = data.get("cognitoIdentityPoolId")


class LambdaContext:
    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms", "0"))
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        client_context = headers.get("Lambda-Runtime-Client-Context")
        self.client_context = ClientContext(json.loads(client_context)) if client_context else None
        identity = headers.get("Lambda-Runtime-Cognito-Identity")
        self.identity = CognitoIdentity(json.loads(identity)) if identity else None

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def main():
    global request_id
    sys.path.insert(0, TASK_ROOT)
    handler, init_error = load_handler()
    if init_error:
        log_error(init_error)
        call("POST", "init/error", json.dumps(init_error), {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": init_error["errorType"]})
        sys.exit(1)
    while True:
        response, body = call("GET", "invocation/next")
        headers = response.headers
        request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id", "")
        context = LambdaContext(headers)
        try:
            event = json.loads(body) if body else None
            result = handler(event, context)
            try:
                answer = json.dumps(result)
            except (TypeError, ValueError) as error:
                raise MarshalError(f"Unable to marshal response: {error}") from None
            call("POST", f"invocation/{request_id}/response", answer, {"Content-Type": "application/json"})
        except Exception as error:
            payload = error_payload(error, request_id, "Runtime.MarshalError" if isinstance(error, MarshalError) else None)
            if isinstance(error, MarshalError):
                payload["stackTrace"] = []
            log_error(payload)
            call("POST", f"invocation/{request_id}/error", json.dumps(payload), {"Content-Type": "application/json", "Lambda-Runtime-Function-Error-Type": payload["errorType"]})


class MarshalError(Exception):
    pass


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    main()
