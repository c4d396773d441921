/**
 * What a service shows in the web console, declared in its own folder (`emulator/services/<name>/console.ts`) and
 * reached through CONSOLE_VIEWS: the console knows no service. Everything is read and done through the service's
 * operations (`emulator.call`), never its state.
 *
 * Inputs are templates: a string `$item` is the listed item itself, `$item.Name` one of its members, `$field.Name` what
 * the user typed in the action's field `Name` (left out when empty).
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

export interface ConsoleAction {
  label: string;
  operation: string;
  input: Record<string, unknown>;
  /** Text boxes the user fills in; `name` is what `$field.<name>` refers to. */
  fields?: { name: string; label: string; multiline?: boolean }[];
  /** Shown beside the action: what it does to the resource that a user might not expect. */
  note?: string;
  /** Shows the result as a table; absent, as JSON. */
  result?: ConsoleTable;
}

export interface ConsoleView {
  /** What the listed items are, e.g. `Queues`. */
  title: string;
  list: { operation: string; input?: Record<string, unknown> } & ConsoleTable;
  /** Done on one listed item. */
  actions?: ConsoleAction[];
  /** Said once above the list (what the console cannot do through public operations, and why). */
  note?: string;
}
