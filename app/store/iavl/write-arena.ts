/** A window into an arena chunk, in the form lmdb-js accepts as a value (`start`/`end`). */
export type ArenaWindow = Buffer & { start: number; end: number };

const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Bump allocation for the values of one commit's node writes: one big buffer instead of a
 * Buffer per node, which the garbage collector would otherwise have to chase by the hundred
 * thousand per block. Chunks are kept until `reset()`, after the commit has landed.
 */
export class WriteArena {
  private chunks: ArenaWindow[] = [];
  private current: ArenaWindow | undefined;
  private used = 0;

  reserve(size: number): ArenaWindow {
    if (!this.current || this.used + size > this.current.length) {
      this.current = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, size)) as ArenaWindow;
      this.chunks.push(this.current);
      this.used = 0;
    }
    this.current.start = this.used;
    this.current.end = this.used + size;
    this.used += size;
    return this.current;
  }

  reset(): void {
    this.chunks = [];
    this.current = undefined;
    this.used = 0;
  }
}
