// The time the practice loop runs on. One instance per activation; integration tests move it forward (through the
// `DojoApi`) to see questions come due without waiting days.
export class Clock {
  private offsetMs = 0;

  readonly now = (): number => Date.now() + this.offsetMs;

  /** Moves the clock forward (tests only: nothing in the extension calls it). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
