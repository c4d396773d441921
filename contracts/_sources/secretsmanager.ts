// LocalStack's AWS-validated Secrets Manager tests (github.com/localstack/localstack,
// tests/aws/services/secretsmanager/test_secretsmanager.py, Apache-2.0) reproduced as request sequences. Expected
// responses come only from the recorded snapshots. The shared calls are in secretsmanager/common.ts; the scenarios
// of each feature are in secretsmanager/*.ts.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { rotationScenarios } from './secretsmanager/rotation.ts';
import { LITERAL_NAMES, secretScenarios } from './secretsmanager/secrets.ts';
import { versionScenarios } from './secretsmanager/versions.ts';

const source: SourceFile = {
  service: 'secretsmanager',
  module: 'test_secretsmanager',
  snapshotDir: 'secretsmanager',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { datetime: 'timestamp' },
  expandedWords: LITERAL_NAMES,
  scenarios: [...secretScenarios, ...versionScenarios, ...rotationScenarios],
  notPorted: {},
};

export default source;
