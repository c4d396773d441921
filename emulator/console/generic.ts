import type { ServiceDefinition } from '../core/service.ts';
import type { ServiceModel, Shape } from '../models/types.ts';
import type { ConsoleColumn, ConsoleView } from './view.ts';

const SCALARS = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp']);

function shapeOf(model: ServiceModel, name: string | undefined): Shape | undefined {
  return name && Object.hasOwn(model.shapes, name) ? model.shapes[name] : undefined;
}

/** The output's first list member, and up to four scalar members of its items (none: the items are names). */
function listIn(model: ServiceModel, output: Shape | undefined): { items: string; columns: ConsoleColumn[] } | undefined {
  for (const [member, ref] of Object.entries(output?.members ?? {})) {
    const list = shapeOf(model, ref.shape);
    if (list?.type !== 'list') continue;
    const item = shapeOf(model, list.member?.shape);
    if (item?.type !== 'structure') return { items: member, columns: [{ label: member }] };
    const scalars = Object.entries(item.members ?? {}).filter(([, r]) => SCALARS.has(shapeOf(model, r.shape)?.type ?? ''));
    return { items: member, columns: scalars.slice(0, 4).map(([name]) => ({ label: name, path: name })) };
  }
  return undefined;
}

/**
 * Views for a service that declares none: each implemented List* or Describe* operation that needs no input and
 * returns a list, shortest name first (`ListTopics` before `ListOriginationNumbers`): the console shows the first and
 * offers the others.
 */
export function genericViews(service: ServiceDefinition): ConsoleView[] {
  const { model } = service;
  const candidates = Object.keys(service.handlers)
    .filter((op) => /^(List|Describe)/.test(op) && Object.hasOwn(model.operations, op))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  const views: ConsoleView[] = [];
  for (const operation of candidates) {
    const input = shapeOf(model, model.operations[operation].input?.shape);
    if (input?.required?.length) continue;
    const table = listIn(model, shapeOf(model, model.operations[operation].output?.shape));
    if (table) views.push({ title: operation.replace(/^(List|Describe)/, ''), list: { operation, ...table } });
  }
  return views;
}
