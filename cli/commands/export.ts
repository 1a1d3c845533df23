// `zonekit export`, as simd's: the state of the home's store at the latest (or a given)
// committed height as a genesis.json that `zonekit start` begins a new chain from, at the next
// height with the same validators. Reads the store the node writes: stop the node first.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { BaseApp } from '../../app/baseapp.js';
import { exportedGenesisJson, exportState } from '../../app/export.js';
import { appFor, globalOptions } from '../context.js';
import { readGenesis } from '../home.js';
import { CliError } from '../output.js';

function parseHeight(value: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`expected a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function exportCommand(): Command {
  return new Command('export')
    .description("export the state at the latest (or --height) committed height as a genesis JSON that `zonekit start` begins a new chain from; stop the node first")
    .option('--height <height>', 'the committed height to export (default: the latest)', parseHeight)
    .option('--output-document <file>', 'write the genesis to this file instead of stdout')
    .action(async (opts: { height?: number; outputDocument?: string }, command: Command) => {
      const g = globalOptions(command);
      const genesis = readGenesis(g.home);
      const dataDir = join(g.home, 'data', 'zonekit');
      if (!existsSync(dataDir)) throw new CliError(`no state in ${dataDir}`, 'export reads the state a node committed: run `zonekit start` first');
      const app = new BaseApp({ app: appFor(genesis).app, dataDir, chainId: genesis.chain_id });
      let json: string;
      try {
        json = JSON.stringify(exportedGenesisJson(exportState(app, opts.height), genesis), null, 2) + '\n';
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err));
      } finally {
        await app.close();
      }
      if (opts.outputDocument === undefined) process.stdout.write(json);
      else writeFileSync(opts.outputDocument, json);
    });
}
