/** A number from a text wire form (query parameter, header, XML element); undefined when it is not one. */
export function parseNumber(raw: string): number | undefined {
  const n = Number(raw);
  return raw.trim() === '' || Number.isNaN(n) ? undefined : n;
}
