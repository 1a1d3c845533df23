/**
 * Crash-test writer: opens the store at argv[2] and commits deterministic blocks forever,
 * reporting each version's app hash before (`prepared`) and after (`committed`) its commit.
 * The parent test kills it with SIGKILL at random instants. Lines are written with
 * `writeSync`, so whatever was printed before the kill reaches the parent.
 */
import { writeSync } from 'node:fs';
import { CommitMultiStore } from '../multistore.js';
import { toHex } from '../encoding.js';
import { CRASH_PRUNING, CRASH_STORES, crashBlock } from './crash-blocks.js';

const path = process.argv[2];
if (!path) throw new Error('usage: crash-writer <store folder>');
const say = (line: string) => writeSync(1, line + '\n');

const ms = CommitMultiStore.open({ path, stores: CRASH_STORES, pruning: CRASH_PRUNING });
const start = ms.lastCommitId();
say(`ready ${start.version} ${toHex(start.hash)}`);
for (;;) {
  const version = ms.lastCommitId().version + 1;
  const block = ms.branch();
  for (const tx of crashBlock(version)) {
    const txBranch = block.branch();
    for (const ops of tx.msgs) {
      const msgBranch = txBranch.branch();
      for (const [store, key, value] of ops) {
        if (value === null) msgBranch.getStore(store).delete(key);
        else msgBranch.getStore(store).set(key, value);
      }
      msgBranch.write();
    }
    if (!tx.fails) txBranch.write();
  }
  block.write();
  const hash = toHex(ms.workingHash());
  say(`prepared ${version} ${hash}`);
  const id = await ms.commit();
  if (id.version !== version || toHex(id.hash) !== hash) {
    throw new Error(`commit returned ${id.version} ${toHex(id.hash)}, expected ${version} ${hash}`);
  }
  say(`committed ${version} ${hash}`);
}
