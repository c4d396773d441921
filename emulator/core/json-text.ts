/** Whether `text` parses as JSON: services validate JSON-typed strings with it, and the recorder and porter pick body kinds. */
export function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
