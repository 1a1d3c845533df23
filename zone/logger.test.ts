// The node's log: simd's levels and formats, and a line per committed block from the wrapped app.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { ResponseCommit, ResponseFinalizeBlock, ExecTxResult } from 'cosmjs-types/tendermint/abci/types';
import { withBlockLog } from './block-log.js';
import { createLogger, parseLogFormat, parseLogLevel } from './logger.js';

function capture(level: string, format: string) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, done) {
      lines.push(...chunk.toString().split('\n').filter((l) => l !== ''));
      done();
    },
  });
  return { lines, log: createLogger({ level, format, destination }) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('node log', () => {
  it('refuses unknown levels and formats with the choices', () => {
    assert.throws(() => parseLogLevel('loud'), /invalid --log_level "loud": use one of trace, debug, info, warn, error, fatal, disabled/);
    assert.throws(() => parseLogFormat('xml'), /invalid --log_format "xml": use plain or json/);
  });

  it('logs a line per committed block, and failed txs at debug level only', async () => {
    const app = {
      finalizeBlock: () =>
        ResponseFinalizeBlock.fromPartial({
          txResults: [ExecTxResult.fromPartial({ code: 0, gasUsed: 100n, gasWanted: 150n }), ExecTxResult.fromPartial({ code: 5, codespace: 'sdk', log: 'insufficient funds', gasUsed: 50n, gasWanted: 90n })],
          appHash: new Uint8Array(32).fill(0xab),
        }),
      commit: () => ResponseCommit.fromPartial({}),
    };
    const req = { height: 7n, txs: [new Uint8Array([1]), new Uint8Array([2])], time: { seconds: 1714557600n, nanos: 0 } } as never;
    const json = capture('debug', 'json');
    const logged = withBlockLog(app, json.log);
    await logged.finalizeBlock!(req);
    await logged.commit!({});
    await tick();
    const [failed, block] = json.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual([failed!.level, failed!.msg, failed!.code, failed!.codespace, failed!.reason], ['debug', 'tx failed', 5, 'sdk', 'insufficient funds']);
    assert.deepEqual(
      [block!.level, block!.msg, block!.height, block!.txs, block!.failed, block!.gas_used, block!.block_time, block!.app_hash],
      ['info', 'committed block', '7', 2, 1, '150', '2024-05-01T10:00:00.000Z', 'ABABABABABAB'],
    );

    const plain = capture('info', 'plain');
    const quiet = withBlockLog(app, plain.log);
    await quiet.finalizeBlock!(req);
    await quiet.commit!({});
    await tick();
    assert.equal(plain.lines.length, 1);
    assert.match(plain.lines[0]!, /^\S+Z INF committed block module=consensus height=7 txs=2 failed=1 gas_used=150 gas_wanted=240 block_time=2024-05-01T10:00:00.000Z app_hash=ABABABABABAB ms=\d+$/);
  });
});
