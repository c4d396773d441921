/**
 * An error raised while a state machine runs, named as ASL names errors (`States.Runtime`, `States.TaskFailed`, a
 * Fail state's or a task's own error): what Retry and Catch match and what the execution fails with.
 */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    readonly causeText?: string,
    /** For JSONata evaluation errors: the field that failed (`Output/result`), which AWS reports in EvaluationFailed. */
    readonly location?: string,
  ) {
    super(causeText ?? error);
    this.name = 'StatesError';
  }
}

export const statesRuntime = (cause: string) => new StatesError('States.Runtime', cause);
export const statesQueryEvaluation = (cause: string, location?: string) => new StatesError('States.QueryEvaluationError', cause, location);

/** Any thrown value as a StatesError (unexpected exceptions become States.Runtime, as AWS reports them). */
export function asStatesError(error: unknown): StatesError {
  if (error instanceof StatesError) return error;
  return statesRuntime(error instanceof Error ? error.message : String(error));
}
