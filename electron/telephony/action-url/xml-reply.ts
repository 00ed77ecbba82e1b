/**
 * XML replies for the PBXs that expect them (sipgate.io, Placetel, and Zammad's controllers for
 * both): `application/xml`, one `<Response>` element whose attributes and children are built
 * here, every text and attribute escaped. What the request log keeps is a second rendering in
 * which the callback URLs carry `***` instead of the token.
 */

/** One element: a name, attributes in order, and child elements or text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: readonly (readonly [string, string])[];
  readonly children?: readonly XmlElement[];
  readonly text?: string;
}

/** A reply the listener sends as `application/xml`. */
export class XmlReply {
  constructor(
    /** The document sent to the PBX. */
    readonly xml: string,
    /** The same document as the request log shows it (no token). */
    readonly logged: string = xml,
  ) {}
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `text` safe inside an attribute value or element content; control characters dropped. */
export function escapeXml(text: string): string {
  // XML 1.0 cannot carry C0 controls other than tab, LF and CR, escaped or not.
  const allowed = Array.from(text)
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return (
        (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) &&
        code !== 0xfffe &&
        code !== 0xffff
      );
    })
    .join('');
  return allowed.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function render(element: XmlElement): string {
  const attributes = (element.attributes ?? [])
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const children = element.children ?? [];
  if (children.length === 0 && element.text === undefined) return `<${element.name}${attributes}/>`;
  const inner = element.text !== undefined ? escapeXml(element.text) : children.map(render).join('');
  return `<${element.name}${attributes}>${inner}</${element.name}>`;
}

/** A complete document: the XML declaration and `root`. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;
}

/** `<Response><Error>message</Error></Response>`, as Zammad's sipgate and Placetel controllers answer errors. */
export function xmlError(message: string): XmlReply {
  return new XmlReply(xmlDocument({ name: 'Response', children: [{ name: 'Error', text: message }] }));
}
