import { loadModel } from '../models/load.ts';
import { decodeXml, loadXmlParser, parseXmlDocument } from '../protocols/rest/xml-decode.ts';

/**
 * A document someone else wrote in a service's own XML form, read as the model's typed shape, for a service that
 * passes such a document on as its answer (S3 Object Lambda: a function's `listResultXml` becomes the listing) without
 * knowing the wire format itself. Undefined when the text is not well-formed XML.
 */
export async function readXmlShape(service: string, shape: string, text: string): Promise<unknown> {
  await loadXmlParser();
  let root: ReturnType<typeof parseXmlDocument>;
  try {
    root = parseXmlDocument(text);
  } catch {
    return undefined;
  }
  return decodeXml(loadModel(service), { shape }, root);
}
