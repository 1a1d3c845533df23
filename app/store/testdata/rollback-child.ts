/**
 * Rollback crash-test child: opens the store at argv[2] (stores from argv[3], comma-separated),
 * says `ready`, then rolls it back to version argv[4]. The parent kills it with SIGKILL at
 * random instants, before, during or after the rollback's one LMDB transaction.
 */
import { writeSync } from 'node:fs';
import { CommitMultiStore } from '../multistore.js';

const [path, stores, target] = process.argv.slice(2);
if (!path || !stores || !target) throw new Error('usage: rollback-child <store folder> <store,names> <version>');
const ms = CommitMultiStore.open({ path, stores: stores.split(','), pruning: { strategy: 'nothing' } });
writeSync(1, 'ready\n');
await ms.rollbackToVersion(Number(target));
writeSync(1, 'rolled back\n');
await ms.close();
