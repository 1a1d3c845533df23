// Snapshots on disk, laid out as the SDK's snapshot store lays them out under
// <home>/data/snapshots: <height>/<format>/<index> holds each chunk, and beside the chunks a
// `metadata` file holds the encoded cosmos.store.snapshots.v1.Snapshot, written last (by
// rename), so a snapshot interrupted by a crash is never listed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Snapshot } from 'cosmjs-types/cosmos/store/snapshots/v1/snapshot';

/** The SDK's current snapshot format (store/snapshots/types.CurrentFormat): IAVL export items, zlib-compressed. */
export const SNAPSHOT_FORMAT = 3;

const METADATA_FILE = 'metadata';

export const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();

export class SnapshotStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private folder(height: number, format: number): string {
    return join(this.dir, String(height), String(format));
  }

  /**
   * Writes a snapshot's chunks as they come, then its metadata: the SHA-256 of every chunk
   * and, as its hash, the SHA-256 of all chunks in order (as the SDK's store computes it).
   */
  async save(height: number, format: number, chunks: AsyncIterable<Uint8Array>): Promise<Snapshot> {
    const folder = this.folder(height, format);
    rmSync(folder, { recursive: true, force: true }); // leftovers of an interrupted attempt
    mkdirSync(folder, { recursive: true });
    const whole = createHash('sha256');
    const chunkHashes: Uint8Array[] = [];
    for await (const chunk of chunks) {
      await writeFile(join(folder, String(chunkHashes.length)), chunk);
      whole.update(chunk);
      chunkHashes.push(sha256(chunk));
    }
    const snapshot: Snapshot = { height: BigInt(height), format, chunks: chunkHashes.length, hash: whole.digest(), metadata: { chunkHashes } };
    const tmp = join(folder, `${METADATA_FILE}.tmp`);
    await writeFile(tmp, Snapshot.encode(snapshot).finish());
    renameSync(tmp, join(folder, METADATA_FILE));
    return snapshot;
  }

  /** Every complete snapshot, newest first (as the SDK lists them). */
  list(): Snapshot[] {
    const snapshots: Snapshot[] = [];
    for (const height of readdirSync(this.dir)) {
      if (!/^[0-9]+$/.test(height)) continue;
      for (const format of readdirSync(join(this.dir, height))) {
        const file = join(this.dir, height, format, METADATA_FILE);
        if (existsSync(file)) snapshots.push(Snapshot.decode(readFileSync(file)));
      }
    }
    return snapshots.sort((a, b) => (a.height === b.height ? b.format - a.format : a.height > b.height ? -1 : 1));
  }

  /** A chunk's bytes, or undefined when this store has no such snapshot or chunk. */
  loadChunk(height: number, format: number, index: number): Uint8Array | undefined {
    const folder = this.folder(height, format);
    if (!existsSync(join(folder, METADATA_FILE))) return undefined;
    const file = join(folder, String(index));
    return existsSync(file) ? readFileSync(file) : undefined;
  }

  /** Deletes all but the `keepRecent` newest snapshots (0 keeps all, as in the SDK); returns how many went. */
  prune(keepRecent: number): number {
    if (keepRecent <= 0) return 0;
    const old = this.list().slice(keepRecent);
    for (const s of old) {
      rmSync(this.folder(Number(s.height), s.format), { recursive: true, force: true });
      const heightDir = join(this.dir, String(s.height));
      if (readdirSync(heightDir).length === 0) rmSync(heightDir, { recursive: true, force: true });
    }
    return old.length;
  }
}
