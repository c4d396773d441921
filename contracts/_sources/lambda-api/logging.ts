// TestLoggingConfig scenarios of test_lambda_api.py: a function's LoggingConfig at creation and through updates.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { callerAccount, CODE_SIZE, CONFIGURATION_CODE_SIZE, createRecorded, onFunction } from './common.ts';

const SMALL = { MemorySize: 256, Timeout: 5 };
/** The test's partial_config parameters, by pytest id. */
const PARTIAL_CONFIGS: Record<string, Record<string, string>> = {
  partial_config0: { LogFormat: 'JSON' },
  partial_config1: { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG' },
  partial_config2: { LogFormat: 'JSON', SystemLogLevel: 'DEBUG' },
  partial_config3: { LogGroup: 'cool_lambda' },
};

/** Create, read, then each update followed by a read of the configuration, as every TestLoggingConfig test does. */
const loggingSteps = (createParams: Record<string, unknown>, updates: [string, string, Record<string, string>][]): SourceStep[] => [
  callerAccount,
  createRecorded('create_response', { ...SMALL, ...createParams }),
  onFunction('GetFunction', 'get_function_response', {}, { ignore: CONFIGURATION_CODE_SIZE }),
  onFunction('GetFunctionConfiguration', 'function_config', {}, { ignore: CODE_SIZE }),
  ...updates.flatMap(([updated, received, LoggingConfig]) => [
    onFunction('UpdateFunctionConfiguration', updated, { LoggingConfig }, { ignore: CODE_SIZE }),
    onFunction('GetFunctionConfiguration', received, {}, { ignore: CODE_SIZE }),
  ]),
];

export const loggingScenarios: SourceScenario[] = [
  {
    test: 'TestLoggingConfig::test_function_advanced_logging_configuration',
    steps: loggingSteps({ LoggingConfig: { LogFormat: 'JSON' } }, [
      ['updated_config', 'received_config', { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'INFO', LogGroup: 'cool_lambda' }],
    ]),
  },
  {
    test: 'TestLoggingConfig::test_advanced_logging_configuration_format_switch',
    steps: loggingSteps({}, [
      ['updated_config', 'received_config', { LogFormat: 'JSON' }],
      ['updated_config_v2', 'received_config_v2', { LogFormat: 'Text' }],
    ]),
  },
  {
    test: 'TestLoggingConfig::test_function_partial_advanced_logging_configuration_update',
    steps: (param) => loggingSteps({}, [['updated_config', 'received_config', PARTIAL_CONFIGS[param]]]),
  },
];
