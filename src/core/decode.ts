// Bank bytes -> text. Banks come from anywhere (bundled, users' folders), so the encoding is guessed, never assumed.
import type { Diagnostic } from './model';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** How much of the text the control-character check looks at: enough to tell text from binary, cheap on huge files. */
const BINARY_SAMPLE = 65536;
/** Above this share of control characters (or U+FFFD) the file is data, not markdown. */
const BINARY_CONTROL_SHARE = 0.25;

export interface DecodedBank {
  text: string;
  diagnostics: Diagnostic[];
}

export function decodeBank(file: string, bytes: Uint8Array): DecodedBank {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    text = decodeUtf8OrGb18030(file, bytes.subarray(3), diagnostics);
  } else if (startsWith(bytes, 0xff, 0xfe)) {
    text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2));
  } else if (startsWith(bytes, 0xfe, 0xff)) {
    text = new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2));
  } else {
    text = decodeUtf8OrGb18030(file, bytes, diagnostics);
  }
  if (looksBinary(text)) {
    return { text: '', diagnostics: [{ file, line: 1, severity: 'error', message: 'binary file, not a markdown bank' }] };
  }
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, diagnostics };
}

function decodeUtf8OrGb18030(file: string, bytes: Uint8Array, diagnostics: Diagnostic[]): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    // Chinese banks that are not UTF-8 are almost always GBK/GB2312, and GB18030 is a superset of both.
    diagnostics.push({ file, line: 1, severity: 'warning', message: 'The file is not UTF-8; it was read as GB18030.' });
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  if (sample.length === 0) return false;
  // Tab, line feed, form feed and carriage return are the only control characters text files use.
  const controls = sample.match(/[\x01-\x08\x0b\x0e-\x1f\x7f\ufffd]/g)?.length ?? 0;
  return controls / sample.length > BINARY_CONTROL_SHARE;
}
