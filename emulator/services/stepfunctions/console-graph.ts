import type { MachineDef, StateDef } from './asl/definition.ts';

/** What an execution did, by state name: the graph colours those states. */
export interface ExecutionMarks {
  visited: Set<string>;
  failed: Set<string>;
  running: Set<string>;
}

interface Box {
  w: number;
  h: number;
  /** SVG elements for the box with its top-left corner at (x, y). */
  draw(x: number, y: number): string[];
}

const GAP_X = 24;
const GAP_Y = 40;
const PAD = 16;
const HEADER = 30;
const NAME_CHARS = 36;

/** Text for SVG: every character that could open markup escaped. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const short = (name: string) => (name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name);

function colours(name: string, marks?: ExecutionMarks): string {
  if (marks?.failed.has(name)) return 'fill="#cf222e" fill-opacity="0.2" stroke="#cf222e" stroke-width="2"';
  if (marks?.running.has(name)) return 'fill="#0969da" fill-opacity="0.2" stroke="#0969da" stroke-width="2"';
  if (marks?.visited.has(name)) return 'fill="#1a7f37" fill-opacity="0.2" stroke="#1a7f37" stroke-width="2"';
  return 'fill="none" stroke="currentColor"';
}

function status(name: string, marks?: ExecutionMarks): string {
  if (!marks) return '';
  return marks.failed.has(name) ? ' (failed)' : marks.running.has(name) ? ' (running)' : marks.visited.has(name) ? ' (visited)' : ' (not visited)';
}

/** One state: a rounded box with its name and type; Parallel and Map hold their branches' graphs. */
function stateBox(name: string, state: StateDef, marks?: ExecutionMarks): Box {
  const inner = innerGraphs(state, marks);
  const label = `${short(name)} · ${state.Type}`;
  const textWidth = label.length * 7 + 2 * PAD;
  const innerWidth = inner.reduce((sum, g) => sum + g.w, 0) + GAP_X * Math.max(0, inner.length - 1);
  const w = Math.max(110, textWidth, inner.length ? innerWidth + 2 * PAD : 0);
  const h = inner.length ? HEADER + Math.max(...inner.map((g) => g.h)) + PAD : 40;
  return {
    w,
    h,
    draw(x, y) {
      const parts = [
        `<g class="state" data-state="${xmlText(name)}"><title>${xmlText(`${name} (${state.Type})${status(name, marks)}`)}</title>`,
        `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" ${colours(name, marks)}/>`,
        `<text x="${x + w / 2}" y="${y + (inner.length ? 20 : h / 2 + 5)}" text-anchor="middle" fill="currentColor">${xmlText(label)}</text>`,
      ];
      let left = x + (w - innerWidth) / 2;
      for (const graph of inner) {
        parts.push(...graph.draw(left, y + HEADER));
        left += graph.w + GAP_X;
      }
      return [...parts, '</g>'];
    },
  };
}

/** A Parallel state's branches, a Map state's item processor (or older Iterator): graphs of their own. */
function innerGraphs(state: StateDef, marks?: ExecutionMarks): Box[] {
  const machines: unknown[] = state.Type === 'Parallel' ? (Array.isArray(state.Branches) ? state.Branches : []) : state.Type === 'Map' ? [state.ItemProcessor ?? state.Iterator] : [];
  return machines.filter(isMachine).map((m) => graphBox(m, marks));
}

function isMachine(value: unknown): value is MachineDef {
  const m = value as MachineDef | undefined;
  return typeof m?.StartAt === 'string' && typeof m.States === 'object' && m.States !== null && !Array.isArray(m.States);
}

interface Edge {
  from: string;
  to: string;
  kind: 'next' | 'choice' | 'default' | 'catch';
}

function edgesOf(name: string, state: StateDef, states: Record<string, StateDef>): Edge[] {
  const edges: Edge[] = [];
  const add = (to: unknown, kind: Edge['kind']) => typeof to === 'string' && Object.hasOwn(states, to) && edges.push({ from: name, to, kind });
  add(state.Next, 'next');
  if (Array.isArray(state.Choices)) for (const choice of state.Choices) add(choice?.Next, 'choice');
  add(state.Default, 'default');
  if (Array.isArray(state.Catch)) for (const catcher of state.Catch) add(catcher?.Next, 'catch');
  return edges;
}

/** A state, or a point an edge that skips rows passes through in a row between (so it goes around the states there). */
interface Slot {
  name?: string;
  w: number;
  h: number;
  /** Slots of the row above with an edge (or an edge's part) into this one. */
  from: Slot[];
  order: number;
  x?: number;
  y?: number;
}

const PASS_WIDTH = 12;

/**
 * One level of states laid out in rows: each state one row below the furthest state that leads to it (edges back to
 * an earlier state, loops, are left out of that), states no path reaches last. Each row is ordered by where the
 * edges into it come from, which keeps most edges from crossing.
 */
function graphBox(machine: MachineDef, marks?: ExecutionMarks): Box {
  const { States: states, StartAt: start } = machine;
  const names = Object.keys(states);
  const edges = new Map(names.map((n) => [n, edgesOf(n, states[n], states)]));
  const order: string[] = [];
  const onPath = new Set<string>();
  const seen = new Set<string>();
  const back = new Set<Edge>();
  const visit = (name: string) => {
    seen.add(name);
    onPath.add(name);
    for (const edge of edges.get(name)!) {
      if (onPath.has(edge.to)) back.add(edge);
      else if (!seen.has(edge.to)) visit(edge.to);
    }
    onPath.delete(name);
    order.unshift(name);
  };
  if (Object.hasOwn(states, start)) visit(start);
  for (const name of names) if (!seen.has(name)) visit(name);
  const rank = new Map(order.map((n) => [n, 0]));
  for (const name of order) for (const edge of edges.get(name)!) if (!back.has(edge)) rank.set(edge.to, Math.max(rank.get(edge.to)!, rank.get(name)! + 1));
  const boxes = new Map(names.map((n) => [n, stateBox(n, states[n], marks)]));
  const rows: Slot[][] = [];
  const slots = new Map<string, Slot>();
  for (const name of order) {
    const slot: Slot = { name, w: boxes.get(name)!.w, h: boxes.get(name)!.h, from: [], order: 0 };
    slots.set(name, slot);
    (rows[rank.get(name)!] ??= []).push(slot);
  }
  /** The slots each forward edge goes through, from its state to the next. */
  const routes = new Map<Edge, Slot[]>();
  for (const name of order) {
    for (const edge of edges.get(name)!) {
      if (back.has(edge)) continue;
      const route = [slots.get(name)!];
      for (let r = rank.get(name)! + 1; r < rank.get(edge.to)!; r++) {
        const pass: Slot = { w: PASS_WIDTH, h: 0, from: [route.at(-1)!], order: 0 };
        rows[r].push(pass);
        route.push(pass);
      }
      const target = slots.get(edge.to)!;
      target.from.push(route.at(-1)!);
      routes.set(edge, [...route, target]);
    }
  }
  const rowWidth = (row: Slot[]) => row.reduce((sum, slot) => sum + slot.w, 0) + GAP_X * (row.length - 1);
  const w = Math.max(0, ...rows.map(rowWidth));
  const rowHeights = rows.map((row) => Math.max(...row.map((slot) => slot.h)));
  let top = GAP_Y;
  rows.forEach((row, i) => {
    row.forEach((slot, index) => (slot.order = slot.from.length ? slot.from.reduce((sum, f) => sum + f.x! + f.w / 2, 0) / slot.from.length : index * 1e-6 - 1e9));
    if (i > 0) row.sort((a, b) => a.order - b.order);
    let left = (w - rowWidth(row)) / 2;
    for (const slot of row) {
      Object.assign(slot, { x: left, y: top });
      left += slot.w + GAP_X;
    }
    top += rowHeights[i] + GAP_Y;
  });
  const h = top - GAP_Y;
  const rowOf = new Map(rows.flatMap((row, i) => row.map((slot) => [slot, i] as const)));
  return {
    w,
    h,
    draw(x, y) {
      const at = (slot: Slot) => ({ x: x + slot.x!, y: y + slot.y!, w: slot.w, h: slot.name ? slot.h : rowHeights[rowOf.get(slot)!] });
      const parts: string[] = [];
      const first = slots.get(start);
      if (first) {
        const { x: fx, y: fy, w: fw } = at(first);
        parts.push(`<circle cx="${fx + fw / 2}" cy="${fy - 26}" r="6" fill="currentColor"><title>Start</title></circle>`, arrow([[fx + fw / 2, fy - 20], [fx + fw / 2, fy]], 'next'));
      }
      for (const list of edges.values()) {
        for (const edge of list) {
          if (back.has(edge)) {
            parts.push(loop(at(slots.get(edge.from)!), at(slots.get(edge.to)!)));
            continue;
          }
          // Down from the bottom of each slot to the top of the next: a state's box, or a row passed through.
          const points: [number, number][] = [];
          for (const slot of routes.get(edge)!) {
            const box = at(slot);
            if (points.length) points.push([box.x + box.w / 2, box.y]);
            if (!slot.name || !points.length) points.push([box.x + box.w / 2, box.y + box.h]);
          }
          parts.push(arrow(points, edge.kind));
        }
      }
      for (const name of names) {
        const { x: sx, y: sy } = at(slots.get(name)!);
        parts.push(...boxes.get(name)!.draw(sx, sy));
      }
      return parts;
    },
  };
}

/** A path through points going down: a curve between rows, straight through a row an edge passes. */
function arrow(points: [number, number][], kind: Edge['kind']): string {
  let d = `M${points[0][0]} ${points[0][1]}`;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i - 1];
    const [x2, y2] = points[i];
    if (x1 === x2) d += ` L${x2} ${y2}`;
    else {
      const bend = Math.max(12, (y2 - y1) / 2);
      d += ` C${x1} ${y1 + bend} ${x2} ${y2 - bend} ${x2} ${y2}`;
    }
  }
  const dash = kind === 'catch' ? ' stroke-dasharray="5 4"' : '';
  return `<path class="edge ${kind}" d="${d}" fill="none" stroke="currentColor"${dash} marker-end="url(#sfn-arrow)"/>`;
}

/** An edge back to an earlier state: around the right of both. */
function loop(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): string {
  const x1 = a.x + a.w;
  const y1 = a.y + a.h / 2;
  const x2 = b.x + b.w;
  const y2 = b.y + b.h / 2;
  const out = Math.max(x1, x2) + 40;
  return `<path class="edge loop" d="M${x1} ${y1} C${out} ${y1} ${out} ${y2} ${x2} ${y2}" fill="none" stroke="currentColor" marker-end="url(#sfn-arrow)"/>`;
}

/** A state machine's definition as an SVG graph; with an execution's marks, the states it went through coloured. */
export function machineGraph(definition: unknown, marks?: ExecutionMarks): string {
  if (!isMachine(definition)) throw new RangeError('the definition has no StartAt and States to draw');
  const graph = graphBox(definition, marks);
  // Loops go around the right side: room for them.
  const width = graph.w + 2 * PAD + 48;
  const height = graph.h + PAD;
  const count = Object.keys(definition.States).length;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="state-machine" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xmlText(`State machine graph, ${count} states at its top level`)}" font-family="system-ui, sans-serif" font-size="12">`,
    '<defs><marker id="sfn-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="currentColor"/></marker></defs>',
    ...graph.draw(PAD, 0),
    '</svg>',
  ].join('\n');
}

/** Which states an execution entered, left, failed in or is still in, from its history events. */
export function marksFrom(events: { type?: string; stateEnteredEventDetails?: { name?: string }; stateExitedEventDetails?: { name?: string } }[], executionStatus?: string): ExecutionMarks {
  const visited = new Set<string>();
  const open = new Set<string>();
  for (const event of events) {
    const entered = event.stateEnteredEventDetails?.name;
    const exited = event.stateExitedEventDetails?.name;
    if (entered !== undefined) {
      visited.add(entered);
      open.add(entered);
    }
    if (exited !== undefined) open.delete(exited);
  }
  // States entered and never left: where it failed, or where it is now.
  const stuck = executionStatus === 'RUNNING' ? 'running' : executionStatus && executionStatus !== 'SUCCEEDED' ? 'failed' : undefined;
  return { visited, failed: stuck === 'failed' ? open : new Set(), running: stuck === 'running' ? open : new Set() };
}
