// A line per committed block in the node's log (height, txs, gas, block time, app hash prefix),
// each failed tx at debug level with its code and reason, and every ABCI error with the height
// it happened at: what a validator watches with `tail -f`. It wraps the app CometBFT talks to,
// so the state machine itself logs nothing and stays deterministic.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { RequestFinalizeBlock, ResponseFinalizeBlock } from 'cosmjs-types/tendermint/abci/types';
import type { Application } from '../abci/index.js';

interface PendingBlock {
  height: bigint;
  txs: number;
  failed: number;
  gasUsed: bigint;
  gasWanted: bigint;
  time: string;
  appHash: string;
  startedAt: number;
}

function blockTime(req: RequestFinalizeBlock): string {
  const t = req.time;
  return t ? new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)).toISOString() : '';
}

/** `app` with its blocks logged to `logger` (child `module=consensus`). */
export function withBlockLog(app: Application, logger: Logger): Application {
  const log = logger.child({ module: 'consensus' });
  let pending: PendingBlock | undefined;
  const wrapped: Application = { ...app };
  const finalize = app.finalizeBlock?.bind(app);
  const commit = app.commit?.bind(app);
  if (finalize !== undefined) {
    wrapped.finalizeBlock = async (req) => {
      const startedAt = Date.now();
      let res: ResponseFinalizeBlock;
      try {
        res = await finalize(req);
      } catch (err) {
        log.error({ height: String(req.height), err: err instanceof Error ? err.message : String(err) }, 'FinalizeBlock failed');
        throw err;
      }
      let failed = 0;
      let gasUsed = 0n;
      let gasWanted = 0n;
      res.txResults.forEach((result, i) => {
        gasUsed += result.gasUsed;
        gasWanted += result.gasWanted;
        if (result.code === 0) return;
        failed++;
        if (log.isLevelEnabled('debug')) {
          const hash = createHash('sha256').update(req.txs[i]!).digest('hex').toUpperCase();
          log.debug({ height: String(req.height), tx: hash, code: result.code, codespace: result.codespace, gas_used: String(result.gasUsed), gas_wanted: String(result.gasWanted), reason: result.log }, 'tx failed');
        }
      });
      pending = { height: req.height, txs: req.txs.length, failed, gasUsed, gasWanted, time: blockTime(req), appHash: Buffer.from(res.appHash).toString('hex').toUpperCase(), startedAt };
      return res;
    };
  }
  if (commit !== undefined) {
    wrapped.commit = async (req) => {
      let res;
      try {
        res = await commit(req);
      } catch (err) {
        log.error({ height: pending ? String(pending.height) : undefined, err: err instanceof Error ? err.message : String(err) }, 'Commit failed');
        throw err;
      }
      if (pending !== undefined) {
        const b = pending;
        pending = undefined;
        log.info(
          { height: String(b.height), txs: b.txs, failed: b.failed, gas_used: String(b.gasUsed), gas_wanted: String(b.gasWanted), block_time: b.time, app_hash: b.appHash.slice(0, 12), ms: Date.now() - b.startedAt },
          'committed block',
        );
      }
      return res;
    };
  }
  return wrapped;
}
