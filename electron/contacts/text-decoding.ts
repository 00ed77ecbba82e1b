/**
 * Address book files come in whatever encoding their exporter chose: UTF-8 with or without a
 * BOM (most), UTF-16 with a BOM (Outlook's "Unicode" export), or Windows-1252 (Outlook's default
 * "ANSI" CSV export on Western Windows). This picks the right one instead of showing `MÃ¼ller`.
 */

/** Decodes a file's bytes to text, BOM removed. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
