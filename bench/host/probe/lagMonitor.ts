// A 5 ms timer on the extension host's event loop: every late tick is a block. Kept as spans, so the longest
// block of any phase can be read afterwards (a block is counted in every phase it overlaps).
import type { Span } from '../protocol';

export const TICK_MS = 5;
/** Late ticks shorter than this are timer jitter, not worth keeping. */
const KEEP_ABOVE_MS = 2;

export class LagMonitor {
  private readonly blocks: Span[] = [];
  private last = Date.now();
  private readonly timer: NodeJS.Timeout;

  /** `onTick` runs on every tick (the probe watches for the extension's activation there). */
  constructor(onTick: () => void) {
    this.timer = setInterval(() => {
      const now = Date.now();
      if (now - this.last - TICK_MS > KEEP_ABOVE_MS) this.blocks.push({ start: this.last + TICK_MS, end: now });
      this.last = now;
      onTick();
    }, TICK_MS);
  }

  /** The longest block (ms) overlapping the span. */
  longestIn(span: Span): number {
    return longestBlock(this.blocks, span);
  }

  /** When the last block longer than `ms` ended (0 if none). */
  lastBlockOver(ms: number): number {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      if (this.blocks[i].end - this.blocks[i].start > ms) return this.blocks[i].end;
    }
    return 0;
  }

  /** Resolves after the next few ticks: a block that ends a phase has been recorded by then. */
  settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, TICK_MS * 4));
  }

  dispose(): void {
    clearInterval(this.timer);
  }
}

/** The longest of `blocks` (ms) that overlaps `span`, even in part: a block that began earlier still held the span up. */
export function longestBlock(blocks: readonly Span[], span: Span): number {
  let longest = 0;
  for (const block of blocks) {
    if (block.start < span.end && block.end > span.start) longest = Math.max(longest, block.end - block.start);
  }
  return longest;
}
