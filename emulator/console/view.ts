/**
 * What a service shows in the web console, declared in its own folder (`emulator/services/<name>/console.ts`) and
 * reached through CONSOLE_VIEWS: the console knows no service. Everything is read and done through the service's
 * operations (`emulator.call`), never its state.
 *
 * Inputs are templates: a string `$item` is the item the action is done on, `$item.Name` one of its members,
 * `$parent` (and `$parent.Name`) the listed item a result row comes from (the table a scanned item is in), `$field.Name` what the user typed in the
 * action's field `Name` (left out when empty).
 */
export interface ConsoleColumn {
  label: string;
  /** Member of the item shown (dotted path); absent: the item itself (lists of names or URLs). */
  path?: string;
}

/** A table of results: where the items are in an operation's output, and how to ask for the next page. */
export interface ConsoleTable {
  /** Member of the output holding the item list (dotted path). */
  items: string;
  /** Absent: every scalar member of the first items, as found. */
  columns?: ConsoleColumn[];
  /** The output member holding the next page's token, and the input member it goes back in. */
  next?: { from: string; to: string };
}

export interface ConsoleField {
  /** What `$field.<name>` refers to. */
  name: string;
  label: string;
  multiline?: boolean;
  /** The text is JSON, parsed before it fills the input (a DynamoDB item, a payload given as an object). */
  json?: boolean;
  /** A file chosen on the user's machine, handed to `run` as `{ name, type, base64 }`. */
  file?: boolean;
  /** Filled in beforehand from a template (`$item` shown as JSON for a JSON field). */
  value?: string;
}

/** One part of what a `run` action shows. */
export type ConsoleBlock =
  | { kind: 'json'; title?: string; value: unknown }
  | { kind: 'text'; title?: string; text: string }
  /** An SVG picture made by twinstack's own code, every text in it escaped (see `xmlText`). */
  | { kind: 'svg'; title?: string; svg: string }
  | { kind: 'table'; title?: string; table: ConsoleTable; output: unknown }
  /** Saved by the browser as a file. */
  | { kind: 'download'; name: string; contentType: string; base64: string };

/** What a `run` action may do: call operations of its service (or another enabled one) as the chosen account. */
export interface ConsoleCalls {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- outputs are each operation's own; views read a few members
  call(operation: string, input: object, service?: string): Promise<any>;
  /** The emulator's clock (milliseconds since the epoch). */
  now(): number;
}

export interface ConsoleRunArgs {
  item: unknown;
  parent?: unknown;
  fields: Record<string, unknown>;
  /** What the previous run of a live action returned as its cursor (absent on the first run). */
  cursor?: unknown;
}

export interface ConsoleAction {
  label: string;
  /** One operation, its input filled in from `input`'s template and shown as JSON or as the `result` table... */
  operation?: string;
  input?: Record<string, unknown>;
  /** ...or several, run on the server, each through `calls.call`, shown as blocks. */
  run?: (calls: ConsoleCalls, args: ConsoleRunArgs) => Promise<{ blocks: ConsoleBlock[]; cursor?: unknown }>;
  fields?: ConsoleField[];
  /** Shown beside the action: what it does to the resource that a user might not expect. */
  note?: string;
  /** Asked before it runs (deletes, purges). */
  confirm?: string;
  /** Shows the operation's result as a table; absent, as JSON. */
  result?: ConsoleTable;
  /** Offered on each row of the tables this action shows; `$parent` in them is the listed item the rows come from. */
  rowActions?: ConsoleAction[];
  /** As a row action: offered only on the rows of the table block with this title. */
  on?: string;
  /** As a row action: fills the field `field` of the action whose rows these are with a template of the row, and runs
   * that action again (opening a folder of a listing), instead of an operation. */
  refine?: { field: string; value: string };
  /** A live view: run again every this many milliseconds with the last cursor, its table rows added to those shown. */
  liveMs?: number;
}

export interface ConsoleView {
  /** What the listed items are, e.g. `Queues`. */
  title: string;
  list: { operation: string; input?: Record<string, unknown> } & ConsoleTable;
  /** Done on one listed item. */
  actions?: ConsoleAction[];
  /** Said once above the list (what the console cannot do through public operations, and why). */
  note?: string;
  /** Members of this service's requests and responses the request log hides (besides keys, tokens and passwords). */
  secretMembers?: string[];
}
