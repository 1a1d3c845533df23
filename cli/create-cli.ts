// `createCli(appFactory)`: simd's command tree as thin commander commands over the library
// (Node, Keyring, cosmjs clients), for any app. Errors print what went wrong and what to do,
// exit code 1.
import '../app/codec.js'; // cosmjs-types' encoding repaired (codec.ts) before any command encodes a tx
import { Command, CommanderError } from 'commander';
import type { AppFactory } from '../app/app.js';
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
import { theZone, useApp } from './context.js';
import { toJson } from './output.js';

export interface CliOptions {
  /** The command's name in help and usage (default: the app's name). */
  name?: string;
  description?: string;
  /** The default --home (default: $ZONEKIT_HOME, else ~/.zonekit). */
  defaultHome?: string;
  /**
   * The app the client-side commands (tx, query, tx files) work with, when it differs from what
   * `appFactory()` composes without a genesis: a zone whose genesis may enable opt-in modules
   * gives its users those modules' commands too.
   */
  clientApp?: AppFactory;
}

/**
 * The whole `zonekit` command tree (keys, init and genesis, start, tx, query, testnet, ...) for
 * the app `appFactory` composes: its modules' tx and query commands, its genesis, its node.
 * Run it with `runCli(createCli(buildMyZone))` from a chain's own bin script.
 */
export function createCli(appFactory: AppFactory, options: CliOptions = {}): Command {
  useApp(appFactory, options.clientApp);
  const { app } = theZone();
  const name = options.name ?? app.name;
  const program = new Command(name)
    .description(options.description ?? `${name}: run and use a zone (a Cosmos app-chain behind CometBFT)`)
    .version(app.version, '-v, --version')
    .option('--home <dir>', 'the node home', options.defaultHome ?? defaultHome())
    .option('--keyring-backend <backend>', 'file (encrypted, asks a passphrase) or test (plain, development only)', 'file')
    .option('-o, --output <format>', 'text or json', 'text')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    // This program's app (another createCli in the process may have set its own), then
    // client.toml's defaults for the flags the user left out, before every command.
    .hook('preAction', (_program, actionCommand) => {
      useApp(appFactory, options.clientApp);
      applyClientConfig(actionCommand);
    });
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

/**
 * Parses `argv` and runs the command; sets process.exitCode: 0, 1 for an error (printed as
 * `Error: ...` with its hint, and as JSON with `-o json` when it carries a codespace and code),
 * 2 for a usage error.
 */
export async function runCli(program: Command, argv: readonly string[] = process.argv): Promise<void> {
  try {
    await program.parseAsync(initOverwriteFlag(argv));
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
}
