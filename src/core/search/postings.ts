// Posting lists for many keys in a few large byte pages: each key's list is a chain of chunks (16 bytes, doubling
// up to 4 KiB), entries are delta-coded varints. About 1.5 bytes per entry instead of 8 to 16 for a JS array of
// numbers, and no object per key, so a large bank's search index stays a fraction of its text.

const PAGE_BITS = 22;
const PAGE_SIZE = 1 << PAGE_BITS;
const OFFSET_MASK = PAGE_SIZE - 1;
const FIRST_PAGE_BITS = 16;
const LINK_BYTES = 4;
const MAX_CHUNK_STEP = 8;

/** Payload bytes of a key's `step`-th chunk. */
const chunkSize = (step: number): number => 16 << Math.min(step, MAX_CHUNK_STEP);

export class PostingLists {
  private readonly pages: Uint8Array[] = [];
  private pageUsed = 0;
  /** Per key: first chunk (-1 when none), next byte to write, end of the current chunk, its step, entries, last value. */
  private head: Int32Array;
  private tail: Int32Array;
  private limit: Int32Array;
  private step: Uint8Array;
  private counts: Int32Array;
  private last: Int32Array;

  constructor(capacity: number) {
    this.head = new Int32Array(capacity).fill(-1);
    this.tail = new Int32Array(capacity);
    this.limit = new Int32Array(capacity);
    this.step = new Uint8Array(capacity);
    this.counts = new Int32Array(capacity);
    this.last = new Int32Array(capacity);
  }

  /** Makes room for keys below `capacity`. */
  reserve(capacity: number): void {
    if (capacity <= this.head.length) return;
    const size = Math.max(capacity, this.head.length * 2);
    const grow = <T extends Int32Array | Uint8Array>(array: T, fill = 0): T => {
      const next = new (array.constructor as { new (length: number): T })(size);
      next.fill(fill);
      next.set(array);
      return next;
    };
    this.head = grow(this.head, -1);
    this.tail = grow(this.tail);
    this.limit = grow(this.limit);
    this.step = grow(this.step);
    this.counts = grow(this.counts);
    this.last = grow(this.last);
  }

  count(key: number): number {
    return key < this.counts.length ? this.counts[key] : 0;
  }

  /** Appends `value` to `key`'s list; values of one key must not decrease. */
  append(key: number, value: number): void {
    let delta = value - this.last[key];
    this.last[key] = value;
    this.counts[key]++;
    if (this.head[key] === -1) {
      const chunk = this.allocate(chunkSize(0));
      this.head[key] = chunk;
      this.tail[key] = chunk;
      this.limit[key] = chunk + chunkSize(0);
    }
    const position = this.tail[key];
    if (position + 5 <= this.limit[key]) {
      // Room for the longest varint in this chunk: write in place.
      const page = this.pages[position >>> PAGE_BITS];
      let offset = position & OFFSET_MASK;
      while (delta >= 0x80) {
        page[offset++] = (delta & 0x7f) | 0x80;
        delta >>>= 7;
      }
      page[offset++] = delta;
      this.tail[key] = position + offset - (position & OFFSET_MASK);
      return;
    }
    while (delta >= 0x80) {
      this.writeByte(key, (delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    this.writeByte(key, delta);
  }

  /** `key`'s values, ascending. */
  read(key: number): Int32Array {
    const count = this.count(key);
    const values = new Int32Array(count);
    if (count === 0) return values;
    let position = this.head[key];
    let step = 0;
    let value = 0;
    let delta = 0;
    let shift = 0;
    let i = 0;
    for (;;) {
      const page = this.pages[position >>> PAGE_BITS];
      let offset = position & OFFSET_MASK;
      const end = offset + chunkSize(step);
      while (offset < end) {
        const byte = page[offset++];
        delta |= (byte & 0x7f) << shift;
        if (byte & 0x80) {
          shift += 7;
          continue;
        }
        value += delta;
        values[i++] = value;
        if (i === count) return values;
        delta = 0;
        shift = 0;
      }
      position = page[end] | (page[end + 1] << 8) | (page[end + 2] << 16) | (page[end + 3] << 24);
      step++;
    }
  }

  private writeByte(key: number, byte: number): void {
    let position = this.tail[key];
    if (position === this.limit[key]) {
      const size = chunkSize(++this.step[key]);
      const chunk = this.allocate(size);
      const page = this.pages[position >>> PAGE_BITS];
      const offset = position & OFFSET_MASK;
      page[offset] = chunk & 0xff;
      page[offset + 1] = (chunk >>> 8) & 0xff;
      page[offset + 2] = (chunk >>> 16) & 0xff;
      page[offset + 3] = chunk >>> 24;
      position = chunk;
      this.limit[key] = chunk + size;
    }
    this.pages[position >>> PAGE_BITS][position & OFFSET_MASK] = byte;
    this.tail[key] = position + 1;
  }

  /** A chunk of `size` payload bytes plus its link, never across pages (which grow from 64 KiB, for small banks). */
  private allocate(size: number): number {
    const page = this.pages[this.pages.length - 1];
    if (page === undefined || this.pageUsed + size + LINK_BYTES > page.length) {
      this.pages.push(new Uint8Array(1 << Math.min(PAGE_BITS, FIRST_PAGE_BITS + this.pages.length)));
      this.pageUsed = 0;
    }
    const position = ((this.pages.length - 1) << PAGE_BITS) | this.pageUsed;
    this.pageUsed += size + LINK_BYTES;
    return position;
  }
}
