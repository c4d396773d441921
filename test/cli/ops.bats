#!/usr/bin/env bats
# Running twinstack as a user does: clear start-up errors, status, --version, --config and LocalStack init hooks.

setup_file() {
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=''
  init="$BATS_FILE_TMPDIR/init"
  mkdir -p "$init/ready.d" "$init/boot.d"
  # A ready hook creates a queue through the AWS CLI, at the endpoint twinstack hands it.
  printf '%s\n' '#!/bin/sh' 'python3 -m awscli --endpoint-url "$AWS_ENDPOINT_URL" sqs create-queue --queue-name from-init-hook' >"$init/ready.d/10-queue.sh"
  printf '%s\n' 'exit 3' >"$init/boot.d/failing.sh"
  printf '{"services": ["sqs", "sts"], "initDir": "%s"}\n' "$init" >"$BATS_FILE_TMPDIR/config.json"
  log="$BATS_FILE_TMPDIR/start.log"
  node emulator/cli/bin.js start --port 0 --config "$BATS_FILE_TMPDIR/config.json" >"$log" 2>&1 &
  echo $! >"$BATS_FILE_TMPDIR/pid"
  for _ in $(seq 1 150); do
    grep -q 'ready on' "$log" && break
    sleep 0.1
  done
  ENDPOINT=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
  PORT=${ENDPOINT##*:}
  export ENDPOINT PORT
}

teardown_file() {
  kill "$(cat "$BATS_FILE_TMPDIR/pid")" 2>/dev/null || true
}

@test "--version prints the version" {
  run node emulator/cli/bin.js --version
  [ "$status" -eq 0 ]
  [[ "$output" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "a taken port is one clear line and exit 1" {
  run node emulator/cli/bin.js start --port "$PORT"
  [ "$status" -eq 1 ]
  [ "${#lines[@]}" -eq 1 ]
  [[ "$output" == "twinstack: port $PORT on 127.0.0.1 is already in use"* ]]
}

@test "a host that is not this machine's is one clear line and exit 1" {
  run node emulator/cli/bin.js start --port 0 --host 192.0.2.1
  [ "$status" -eq 1 ]
  [ "${#lines[@]}" -eq 1 ]
  [[ "$output" == "twinstack: cannot bind host 192.0.2.1"* ]]
}

@test "bad flags and config files are one line and exit 2" {
  run node emulator/cli/bin.js start --no-such-flag
  [ "$status" -eq 2 ]
  [[ "$output" == "twinstack: Unknown option '--no-such-flag'"* ]]
  echo '{"port": ' >"$BATS_TEST_TMPDIR/bad.json"
  run node emulator/cli/bin.js start --config "$BATS_TEST_TMPDIR/bad.json"
  [ "$status" -eq 2 ]
  [[ "$output" == *"is not valid JSON"* ]]
}

@test "status says whether twinstack runs at a port" {
  run node emulator/cli/bin.js status --port "$PORT"
  [ "$status" -eq 0 ]
  [[ "$output" == *"running at $ENDPOINT (sqs, sts)"* ]]
  run node emulator/cli/bin.js status --endpoint http://127.0.0.1:9
  [ "$status" -eq 1 ]
  [[ "$output" == *"not running"* ]]
}

@test "the config file chose the services" {
  run curl -sf "$ENDPOINT/_localstack/health"
  [[ "$output" == *'"sqs":"running"'* ]]
  [[ "$output" != *'dynamodb'* ]]
}

@test "init hooks ran: the ready script's queue exists and /_localstack/init reports each script" {
  run python3 -m awscli --endpoint-url "$ENDPOINT" sqs get-queue-url --queue-name from-init-hook --output text
  [ "$status" -eq 0 ]
  run curl -sf "$ENDPOINT/_localstack/init"
  [[ "$output" == *'"READY":true'* ]]
  [[ "$output" == *'{"stage":"READY","name":"10-queue.sh","state":"SUCCESSFUL"}'* ]]
  [[ "$output" == *'{"stage":"BOOT","name":"failing.sh","state":"ERROR"}'* ]]
  run curl -sf "$ENDPOINT/_localstack/init/ready"
  [[ "$output" == *'"completed":true'* ]]
}

@test "--persist DIR: a queue survives a restart, and a second twinstack cannot take the directory" {
  data="$BATS_TEST_TMPDIR/data"
  node emulator/cli/bin.js start --port 0 --services sqs --persist "$data" >"$BATS_TEST_TMPDIR/a.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do grep -q 'ready on' "$BATS_TEST_TMPDIR/a.log" && break; sleep 0.1; done
  endpoint=$(grep -o 'http://[0-9.:]*' "$BATS_TEST_TMPDIR/a.log" | head -1)
  run python3 -m awscli --endpoint-url "$endpoint" sqs create-queue --queue-name persisted --output text
  [ "$status" -eq 0 ]
  run node emulator/cli/bin.js start --port 0 --services sqs --persist "$data"
  [ "$status" -eq 1 ]
  [[ "$output" == "twinstack: persistence directory $data is in use by another twinstack (pid $pid)" ]]
  kill -TERM "$pid"
  wait "$pid" || true
  node emulator/cli/bin.js start --port 0 --services sqs --persist "$data" --persist-mode snapshot >"$BATS_TEST_TMPDIR/b.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do grep -q 'ready on' "$BATS_TEST_TMPDIR/b.log" && break; sleep 0.1; done
  endpoint=$(grep -o 'http://[0-9.:]*' "$BATS_TEST_TMPDIR/b.log" | head -1)
  run python3 -m awscli --endpoint-url "$endpoint" sqs get-queue-url --queue-name persisted --output text
  kill -TERM "$pid"
  [ "$status" -eq 0 ]
}
