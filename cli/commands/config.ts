// `zonekit config`: simd v0.50's `config set|get|view client ...` and `config home`, and the
// older `config <key> [value]` form (v0.47's) that scripts still use.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { CLIENT_KEYS, clientConfigPath, clientValue, DEFAULT_CLIENT_CONFIG, homeOf, readClientConfig, setClientValue } from '../client-config.js';
import { CliError, print } from '../output.js';

const outputOf = (command: Command) => (command.optsWithGlobals<{ output?: string }>().output === 'json' ? 'json' : 'text');

/** simd's confix names the file without .toml; only client.toml is the CLI's to edit. */
function checkConfigName(name: string): void {
  if (name !== 'client') throw new CliError(`unknown config ${JSON.stringify(name)}: zonekit config edits client (config/client.toml); app.toml and config.toml are the node's`, 'e.g. zonekit config set client chain-id my-chain');
}

export function configCommand(): Command {
  const config = new Command('config')
    .description(`the CLI's defaults in <home>/config/client.toml (${CLIENT_KEYS.join(', ')}); \`config <key> [value]\` gets or sets one, as older simd`)
    .argument('[key]', 'a client.toml key')
    .argument('[value]', 'the value to set')
    .action((key: string | undefined, value: string | undefined, _opts: unknown, command: Command) => {
      const home = homeOf(command);
      if (key === undefined) {
        const whole = { ...DEFAULT_CLIENT_CONFIG, ...readClientConfig(home) };
        print('json', whole, () => '');
        return;
      }
      if (value === undefined) {
        // v0.47 printed the bare value.
        const current = clientValue(home, key);
        print(outputOf(command), current, () => current);
        return;
      }
      setClientValue(home, key, value);
    });

  config
    .command('set <config> <key> <value>')
    .description('set a client.toml value, e.g. `zonekit config set client chain-id my-chain` (the file is made if missing)')
    .action((name: string, key: string, value: string, _opts: unknown, command: Command) => {
      checkConfigName(name);
      setClientValue(homeOf(command), key, value);
    });

  config
    .command('get <config> <key>')
    .description('print a client.toml value as JSON, e.g. `zonekit config get client node`')
    .action((name: string, key: string, _opts: unknown, command: Command) => {
      checkConfigName(name);
      print('json', clientValue(homeOf(command), key), () => '');
    });

  config
    .command('view <config>')
    .description('print client.toml (with -o json: its keys as JSON)')
    .action((name: string, _opts: unknown, command: Command) => {
      checkConfigName(name);
      const home = homeOf(command);
      const path = clientConfigPath(home);
      const current = readClientConfig(home);
      if (current === undefined) throw new CliError(`${path} does not exist`, 'make it with zonekit init, or set a key: zonekit config set client <key> <value>');
      print(outputOf(command), { ...DEFAULT_CLIENT_CONFIG, ...current }, () => readFileSync(path, 'utf8').trimEnd());
    });

  config
    .command('home')
    .description('print the home the commands use (--home, else $ZONEKIT_HOME, else ~/.zonekit)')
    .action((_opts: unknown, command: Command) => {
      process.stdout.write(`${homeOf(command)}\n`);
    });

  return config;
}
