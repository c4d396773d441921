import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { S3Errors } from './errors.ts';

const parser = new XMLParser({ parseTagValue: false, trimValues: false, isArray: (name) => name === 'Tag' });

/**
 * A POST form's `tagging` field, which is a `<Tagging>` XML document (not the `x-amz-tagging` header's query form),
 * as that query form: text that is no XML is MalformedXML; a document of another shape carries no tags.
 */
export function formTagging(xml: string): string {
  if (XMLValidator.validate(xml) !== true) throw S3Errors.malformedXml();
  const tags = (parser.parse(xml) as { Tagging?: { TagSet?: { Tag?: { Key?: unknown; Value?: unknown }[] } } }).Tagging?.TagSet?.Tag ?? [];
  return tags.map((tag) => `${encodeURIComponent(String(tag.Key ?? ''))}=${encodeURIComponent(String(tag.Value ?? ''))}`).join('&');
}
