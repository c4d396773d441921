import type { ServiceModel } from './types.ts';

/**
 * The model with some enums' values in the order AWS's ValidationException lists them where botocore's order differs
 * (the server prints its own set; each order comes from an AWS-recorded message and names the same values).
 */
export function withEnumOrder(model: ServiceModel, orders: Record<string, string[]>): ServiceModel {
  const shapes = { ...model.shapes };
  for (const [name, order] of Object.entries(orders)) {
    const values = shapes[name]?.enum;
    if (!values || values.length !== order.length || !values.every((value) => order.includes(value))) {
      throw new Error(`enum order for ${name} does not name the model's values`);
    }
    shapes[name] = { ...shapes[name], enum: order };
  }
  return { ...model, shapes };
}
