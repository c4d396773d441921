import type { ValidateStateMachineDefinitionInput, ValidateStateMachineDefinitionOutput } from '@aws-sdk/client-sfn';
import type { RequestContext } from '../../../core/service.ts';
import { checkDefinition } from '../asl/definition.ts';
import type { MachineType, SfnState } from '../state.ts';

/** ValidateStateMachineDefinition: the diagnostics CreateStateMachine would judge the definition by. */
export function validateStateMachineDefinition(input: ValidateStateMachineDefinitionInput, _ctx: RequestContext<SfnState>): ValidateStateMachineDefinitionOutput {
  const { diagnostics } = checkDefinition(input.definition!, (input.type ?? 'STANDARD') as MachineType);
  const threshold = input.severity ?? 'ERROR';
  const shown = diagnostics.filter((d) => threshold === 'WARNING' || d.severity === 'ERROR');
  const max = input.maxResults || 100;
  return {
    result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK',
    diagnostics: shown.slice(0, max),
    truncated: shown.length > max,
  };
}
