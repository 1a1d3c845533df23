#!/usr/bin/env node
// The `zonekit` command: simd's command tree as thin commander commands over the library
// (Node, Keyring, cosmjs clients). Errors print what went wrong and what to do, exit code 1.
import { Command, CommanderError } from 'commander';
import { ZONE_VERSION } from '../zone/zone.js';
import { cometCommand } from './commands/comet.js';
import { exportCommand } from './commands/export.js';
import { genesisCommand, initCommand } from './commands/init.js';
import { keysCommand } from './commands/keys.js';
import { startCommand, statusCommand, versionCommand } from './commands/node.js';
import { testnetCommand } from './commands/testnet.js';
import { rollbackCommand } from './commands/rollback.js';
import { queryCommand, txCommand } from './commands/tx-query.js';
import { applyClientConfig } from './client-config.js';
import { configCommand } from './commands/config.js';
import { debugCommand } from './commands/debug.js';
import { completionCommand } from './commands/completion.js';
import { defaultHome } from './home.js';
import { toJson } from './output.js';

export function zonekitProgram(): Command {
  const program = new Command('zonekit')
    .description('zonekit: run and use a zone (a Cosmos app-chain behind CometBFT)')
    .version(ZONE_VERSION, '-v, --version')
    .option('--home <dir>', 'the node home', defaultHome())
    .option('--keyring-backend <backend>', 'file (encrypted, asks a passphrase) or test (plain, development only)', 'file')
    .option('-o, --output <format>', 'text or json', 'text')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    // client.toml's defaults for the flags the user left out, before every command.
    .hook('preAction', (_program, actionCommand) => applyClientConfig(actionCommand));
  for (const command of [initCommand(), genesisCommand(), keysCommand(), configCommand(), startCommand(), exportCommand(), statusCommand(), versionCommand(), cometCommand(), rollbackCommand(), txCommand(), queryCommand(), debugCommand(), testnetCommand(), completionCommand()]) {
    program.addCommand(command);
  }
  // Every subcommand inherits the exit override, so commander's errors come back here.
  const inherit = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().showHelpAfterError('(run with --help for usage)');
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

const OUTPUT_FORMATS = ['json', 'text'];

/**
 * `-o` is the global --output everywhere except `init`, where simd (and init's help) mean
 * --overwrite. Commander reads a program option anywhere on the line, so it would take init's
 * `-o` as --output: spell it out before commander sees it.
 */
function initOverwriteFlag(argv: readonly string[]): string[] {
  const args = [...argv];
  for (let i = 2; i < args.length; i++) {
    const arg = args[i]!;
    if (['--home', '--keyring-backend', '-o', '--output'].includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    // `-o json` / `-o text` stays the output format, as for every other command (scripts use it).
    if (arg === 'init') for (let j = i + 1; j < args.length; j++) if (args[j] === '-o' && !OUTPUT_FORMATS.includes(args[j + 1] ?? '')) args[j] = '--overwrite';
    break;
  }
  return args;
}

const program = zonekitProgram();
try {
  await program.parseAsync(initOverwriteFlag(process.argv));
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version exit 0; usage errors were printed by commander already.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Error: ${message}\n`);
    const { hint, code, codespace } = err as { hint?: string; code?: unknown; codespace?: unknown };
    if (hint) process.stderr.write(`  ${hint}\n`);
    // A script reading `-o json` tells the chain's errors apart by codespace and code, as REST gives them.
    if (program.opts().output === 'json' && typeof code === 'number' && typeof codespace === 'string') {
      process.stdout.write(toJson({ code, codespace, message, ...(hint ? { hint } : {}) }) + '\n');
    }
    process.exitCode = 1;
  }
}
