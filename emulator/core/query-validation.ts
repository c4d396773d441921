import type { ServiceModel } from '../models/types.ts';
import { validateInput } from '../protocols/validate.ts';
import { AwsError } from './errors.ts';
import type { Handler } from './service.ts';

/**
 * Handlers wrapped with Coral's constraint checks, reported under the code query-protocol services use for them
 * (`ValidationError`, status 400) rather than JSON services' `ValidationException`.
 */
export function withQueryValidation<State>(model: ServiceModel, handlers: Record<string, Handler<State>>): Record<string, Handler<State>> {
  const wrap = (operation: string, handler: Handler<State>): Handler<State> => (input, ctx) => {
    try {
      validateInput(model, model.operations[operation].input, input);
    } catch (error) {
      if (error instanceof AwsError && error.code === 'ValidationException') throw new AwsError('ValidationError', error.message, { status: 400 });
      throw error;
    }
    return handler(input, ctx);
  };
  return Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, wrap(name, handler)]));
}
