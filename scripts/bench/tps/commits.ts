// When each block is committed, as a client sees it: the app's own last committed height
// (ABCI Info through CometBFT's /abci_info) polled every few milliseconds. The block store
// height would be early: CometBFT saves a block before the app has executed it.
import { setTimeout as sleep } from 'node:timers/promises';
import { rpc } from '../../lib/cometbft.js';
import { nowMs } from '../stats.js';

export class CommitWatcher {
  /** height -> when it was first seen committed (nowMs clock). */
  readonly committedAt = new Map<number, number>();
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly rpcUrl: string, private readonly intervalMs = 10) {
    this.loop = this.poll();
  }

  private async poll(): Promise<void> {
    let last = -1;
    while (this.running) {
      try {
        const info = await rpc<{ response: { last_block_height?: string } }>(this.rpcUrl, '/abci_info');
        const height = Number(info.response.last_block_height ?? 0);
        const now = nowMs();
        // Heights skipped between polls are stamped with the time they were seen.
        for (let h = last < 0 ? height : last + 1; h <= height; h++) this.committedAt.set(h, now);
        last = Math.max(last, height);
      } catch {
        // A slow or busy node is not a measurement error; try again.
      }
      await sleep(this.intervalMs);
    }
  }

  get lastHeight(): number {
    return Math.max(0, ...this.committedAt.keys());
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
