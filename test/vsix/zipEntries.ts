// The files of a zip archive (a .vsix is one), read from its central directory: names, unpacked sizes, and the
// text of one file. Enough for checking what a package holds, without a zip library.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Unpacked size in bytes. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  localHeaderOffset: number;
}

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryHeader = 0x02014b50;
const localFileHeader = 0x04034b50;

export function zipEntries(file: string): ZipEntry[] {
  return readEntries(readFileSync(file), file);
}

/** The contents of one file of the archive, as UTF-8 text. */
export function zipFileText(file: string, name: string): string {
  const zip = readFileSync(file);
  const entry = readEntries(zip, file).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${file} has no ${name}`);
  const offset = entry.localHeaderOffset;
  if (zip.readUInt32LE(offset) !== localFileHeader) throw new Error(`${file}: bad local header for ${name}`);
  const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.toString('utf8');
  if (entry.method === 8) return inflateRawSync(data).toString('utf8');
  throw new Error(`${file}: ${name} uses compression method ${entry.method}`);
}

function readEntries(zip: Buffer, file: string): ZipEntry[] {
  // The end record is the last 22 bytes plus a comment of at most 64 KiB.
  let end = zip.length - 22;
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  while (end > earliest && zip.readUInt32LE(end) !== endOfCentralDirectory) end -= 1;
  if (end < 0 || zip.readUInt32LE(end) !== endOfCentralDirectory) throw new Error(`${file} is not a zip archive`);
  const count = zip.readUInt16LE(end + 10);
  const entries: ZipEntry[] = [];
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== centralDirectoryHeader) throw new Error(`${file}: bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}
