// `zonekit keys add|list|show|delete|export|import`.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { globalOptions, openKeyring } from '../context.js';
import { ask, confirm } from '../io.js';
import { armorPrivateKey, unarmorPrivateKey } from '../keyring/armor.js';
import type { KeyInfo } from '../keyring/keyring.js';
import { CliError, print } from '../output.js';

const secp256k1Json = (key: string) => ({ '@type': '/cosmos.crypto.secp256k1.PubKey', key });
const pubkeyJson = (k: KeyInfo) =>
  k.multisig ? { '@type': '/cosmos.crypto.multisig.LegacyAminoPubKey', threshold: k.multisig.threshold, public_keys: k.multisig.pubkeys.map(secp256k1Json) } : secp256k1Json(k.pubkey);
const keyJson = (k: KeyInfo) => ({ name: k.name, type: k.type, address: k.address, pubkey: JSON.stringify(pubkeyJson(k)) });
const keyText = (k: KeyInfo): string => [`- address: ${k.address}`, `  name: ${k.name}`, `  pubkey: '${JSON.stringify(pubkeyJson(k))}'`, `  type: ${k.type}`].join('\n');

export function keysCommand(): Command {
  const keys = new Command('keys').description('manage the keyring: <home>/keyring-file (encrypted, the default) or <home>/keyring-test (plain, development only)');

  keys
    .command('add <name>')
    .description('add a key: a new 24-word mnemonic, shown once, or --recover one (read from the prompt, or the first line of stdin)')
    .option('--recover', 'recover the key from a BIP39 mnemonic')
    .option('--multisig <keys>', 'a multisig public key of these keys (names, comma-separated); signs with --multisig-threshold of them')
    .option('--multisig-threshold <k>', 'with --multisig: how many of the keys must sign', '1')
    .option('--nosort', 'with --multisig: keep the keys in the order given (default: sorted by address, as simd sorts them)')
    .action(async (name: string, opts: { recover?: boolean; multisig?: string; multisigThreshold: string; nosort?: boolean }, command: Command) => {
      const g = globalOptions(command);
      const keyring = openKeyring(g);
      if (opts.multisig !== undefined) {
        const members = opts.multisig.split(',').map((m) => keyring.get(m.trim()));
        if (!/^[0-9]+$/.test(opts.multisigThreshold)) throw new CliError(`invalid --multisig-threshold ${JSON.stringify(opts.multisigThreshold)}: expected a whole number`);
        const key = keyring.addMultisig(name, members, Number(opts.multisigThreshold), opts.nosort === true);
        print(g.output, keyJson(key), () => keyText(key));
        return;
      }
      const mnemonic = opts.recover ? await ask('Enter your bip39 mnemonic\n') : undefined;
      const { key, mnemonic: words } = await keyring.add(name, mnemonic);
      print(g.output, { ...keyJson(key), ...(opts.recover ? {} : { mnemonic: words }) }, () =>
        opts.recover
          ? keyText(key)
          : `${keyText(key)}\n\n**Important** write this mnemonic phrase in a safe place.\nIt is the only way to recover your account if you ever forget your password.\n\n${words}`,
      );
    });

  keys
    .command('list')
    .description('list the keys')
    .action((_opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const list = openKeyring(g).list();
      print(g.output, list.map(keyJson), () => (list.length === 0 ? `no keys in the ${g.keyringBackend} keyring; add one with: zonekit keys add <name>` : list.map(keyText).join('\n')));
    });

  keys
    .command('show <name>')
    .description("show a key's address and public key")
    .option('-a, --address', 'print the address only')
    .action((name: string, opts: { address?: boolean }, command: Command) => {
      const g = globalOptions(command);
      const key = openKeyring(g).get(name);
      if (opts.address) process.stdout.write(`${key.address}\n`);
      else print(g.output, keyJson(key), () => keyText(key));
    });

  keys
    .command('delete <name>')
    .description('delete a key (its mnemonic is the only way back)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (name: string, opts: { yes?: boolean }, command: Command) => {
      const g = globalOptions(command);
      const keyring = openKeyring(g);
      keyring.get(name);
      if (!opts.yes && !(await confirm(`Key reference will be deleted. Continue?`))) throw new CliError('canceled: the key was kept');
      keyring.delete(name);
      print(g.output, { deleted: name }, () => 'Key deleted forever (uh oh!)');
    });

  keys
    .command('export <name>')
    .description('print the private key in ASCII armor, encrypted with an export passphrase (asked after the keyring passphrase)')
    .action(async (name: string, _opts: unknown, command: Command) => {
      const keyring = openKeyring(globalOptions(command));
      const privateKey = await keyring.privateKey(name);
      const passphrase = await ask('Enter passphrase to encrypt the exported key: ', { secret: true });
      if (passphrase.length < 8) throw new CliError('the export passphrase must be at least 8 characters');
      process.stdout.write(armorPrivateKey(privateKey, passphrase));
    });

  keys
    .command('import <name> <keyfile>')
    .description('import an ASCII-armored private key made by `keys export` (its passphrase is asked first, then the keyring passphrase)')
    .action(async (name: string, file: string, _opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const keyring = openKeyring(g);
      const armor = readFileSync(file, 'utf8');
      const privateKey = unarmorPrivateKey(armor, await ask('Enter passphrase to decrypt your key: ', { secret: true }));
      const key = await keyring.addPrivateKey(name, privateKey);
      print(g.output, keyJson(key), () => keyText(key));
    });

  return keys;
}
