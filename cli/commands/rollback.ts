// `zonekit rollback`, simd's: CometBFT's state goes back one height (the pinned cometbft's own
// `rollback`, as simd runs CometBFT's RollbackState), then the app's multistore to the same
// height, so that on restart the node executes the last block again. For recovering from a bad
// state transition: an app hash that CometBFT persisted and the network disagrees with.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { CommitMultiStore } from '../../app/store/index.js';
import { cometbftBinary } from '../binaries.js';
import { appFor, globalOptions } from '../context.js';
import { appDataPath, readGenesis } from '../home.js';
import { assertNodeStopped } from '../node-stopped.js';
import { CliError, print } from '../output.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

/** CometBFT's `rollback`; returns the height and app hash its state now holds. */
function rollbackComet(home: string, hard: boolean): { height: number; hash: string } {
  const result = spawnSync(cometbftBinary(), ['rollback', '--home', home, ...(hard ? ['--hard'] : [])], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const rolled = /Rolled back (?:both )?state(?: and block)? to height (\d+) and hash ([0-9A-F]*)/.exec(output);
  if (result.status !== 0 || !rolled) throw new CliError(`failed to rollback CometBFT state: ${output || result.error?.message || `exit ${result.status}`}`);
  return { height: Number(rolled[1]), hash: rolled[2]! };
}

export function rollbackCommand(): Command {
  return new Command('rollback')
    .description(
      "roll CometBFT's state and the app's state back by one height (from n to n - 1), to recover from an incorrect app hash: no blocks are removed, so on restart the node executes block n again; with --hard block n goes too",
    )
    .option('--hard', 'remove the last block as well as the state')
    .action(async (opts: { hard?: boolean }, command: Command) => {
      const g = globalOptions(command);
      const path = appDataPath(g.home);
      if (!existsSync(path)) throw new CliError(`${path} holds no app state: there is nothing to roll back`, 'rollback is for a node that has committed blocks');
      await assertNodeStopped(g.home, 'rollback');
      const store = CommitMultiStore.open({ path, stores: appFor(readGenesis(g.home)).app.storeKeys });
      try {
        // Checked before CometBFT is touched, so a refusal changes nothing.
        const latest = store.lastCommitId().version;
        if (latest < 2) throw new CliError(`the app has committed ${latest === 0 ? 'no blocks' : 'only its first block'}: there is no earlier height to roll back to`);
        if (!store.availableVersions().includes(latest - 1)) {
          throw new CliError(`the app's state at height ${latest - 1} was pruned: the app cannot roll back to it`, "keep recent heights with app.toml's pruning (default or custom with keep-recent >= 1)");
        }
        const comet = rollbackComet(g.home, opts.hard ?? false);
        let app;
        try {
          app = await store.rollbackToVersion(comet.height);
        } catch (err) {
          throw new CliError(`failed to rollback to version: ${err instanceof Error ? err.message : String(err)}`);
        }
        if (hex(app.hash) !== comet.hash) {
          process.stderr.write(`warning: the app's hash at height ${comet.height} is ${hex(app.hash)}, CometBFT's is ${comet.hash}: the node will stop at the handshake\n`);
        }
        print(g.output, { height: String(comet.height), hash: comet.hash }, () => `Rolled back state to height ${comet.height} and hash ${comet.hash}`);
      } finally {
        await store.close();
      }
    });
}
