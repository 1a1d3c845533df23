// `zonekit keys add|list|show|delete|rename|export|import|mnemonic|parse`, as simd's.
import { readFileSync } from 'node:fs';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { generateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { Command, Option } from 'commander';
import { allPrefixes, bech32Prefixes, strictHex, upperHex } from '../addresses.js';
import { globalOptions, openKeyring, theZone } from '../context.js';
import { ask, confirm } from '../io.js';
import { armorPrivateKey, unarmorPrivateKey } from '../keyring/armor.js';
import type { KeyInfo, Keyring } from '../keyring/keyring.js';
import { CliError, print } from '../output.js';

const secp256k1Json = (key: string) => ({ '@type': '/cosmos.crypto.secp256k1.PubKey', key });
const pubkeyJson = (k: KeyInfo) =>
  k.multisig ? { '@type': '/cosmos.crypto.multisig.LegacyAminoPubKey', threshold: k.multisig.threshold, public_keys: k.multisig.pubkeys.map(secp256k1Json) } : secp256k1Json(k.pubkey);
const keyJson = (k: KeyInfo) => ({ name: k.name, type: k.type, address: k.address, pubkey: JSON.stringify(pubkeyJson(k)) });
/** A key by name, or by its address (as simd's `keys show` takes either). */
function findKey(keyring: Keyring, nameOrAddress: string): KeyInfo {
  if (keyring.has(nameOrAddress)) return keyring.get(nameOrAddress);
  return keyring.list().find((k) => k.address === nameOrAddress) ?? keyring.get(nameOrAddress);
}
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
    .command('show <name_or_address>')
    .description("show a key's address and public key; --bech val or cons for its operator or consensus address")
    .option('-a, --address', 'print the address only')
    .option('-p, --pubkey', 'print the public key only')
    .addOption(new Option('--bech <prefix>', 'the Bech32 prefix encoding for a key (acc|val|cons)').default('acc'))
    .action((nameOrAddress: string, opts: { address?: boolean; pubkey?: boolean; bech: string }, command: Command) => {
      const g = globalOptions(command);
      if (opts.address && opts.pubkey) throw new CliError('cannot use both --address and --pubkey at once');
      const prefixes = bech32Prefixes(theZone().app.bech32Prefix);
      const prefix = ({ acc: prefixes.acc, val: prefixes.val, cons: prefixes.cons } as Record<string, string>)[opts.bech];
      if (prefix === undefined) throw new CliError(`invalid Bech32 prefix encoding provided: ${opts.bech}`, 'use --bech acc, val or cons');
      const stored = findKey(openKeyring(g), nameOrAddress);
      const key = { ...stored, address: toBech32(prefix, fromBech32(stored.address, 90).data) };
      if (opts.address) process.stdout.write(`${key.address}\n`);
      else if (opts.pubkey) process.stdout.write(`${JSON.stringify(pubkeyJson(key))}\n`);
      else print(g.output, keyJson(key), () => keyText(key));
    });

  keys
    .command('rename <old_name> <new_name>')
    .description('rename a key (asks for confirmation unless -y)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (oldName: string, newName: string, opts: { yes?: boolean }, command: Command) => {
      const g = globalOptions(command);
      const keyring = openKeyring(g);
      keyring.get(oldName);
      if (!opts.yes && !(await confirm(`Key reference will be renamed from ${oldName} to ${newName}. Continue?`))) throw new CliError('canceled: the key keeps its name');
      const key = keyring.rename(oldName, newName);
      print(g.output, keyJson(key), () => `Key was successfully renamed from ${oldName} to ${newName}`);
    });

  keys
    .command('mnemonic')
    .description('print a new 24-word BIP39 mnemonic (from the system\'s random source); nothing is stored')
    .action((_opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const mnemonic = generateMnemonic(wordlist, 256);
      print(g.output, { mnemonic }, () => mnemonic);
    });

  keys
    .command('parse <hex-or-bech32>')
    .description('an address in hex to every Bech32 form (acc, val, cons and their pub prefixes), or a Bech32 address to its prefix and bytes')
    .action((text: string, _opts: unknown, command: Command) => {
      const g = globalOptions(command);
      if (text === '') throw new CliError("couldn't parse empty input");
      let bech: { prefix: string; data: Uint8Array } | undefined;
      try {
        bech = fromBech32(text, 1023);
      } catch {
        bech = undefined;
      }
      if (bech !== undefined) {
        const json = { human: bech.prefix, bytes: upperHex(bech.data) };
        // simd prints its YAML (which ends in a newline) with Println: a blank line follows.
        print(g.output, json, () => `bytes: ${json.bytes}\nhuman: ${json.human}\n`);
        return;
      }
      const bytes = strictHex(text);
      if (bytes === undefined || bytes.length === 0) throw new CliError("couldn't find valid bech32 nor hex data", 'give an address in hex (40 hex digits) or in Bech32 (cosmos1...)');
      const formats = allPrefixes(theZone().app.bech32Prefix).map((prefix) => toBech32(prefix, bytes, 1023));
      print(g.output, { formats }, () => ['formats:', ...formats.map((f) => `- ${f}`), ''].join('\n'));
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
    .description("print the private key in the Cosmos SDK's ASCII armor (-----BEGIN TENDERMINT PRIVATE KEY-----, argon2 + ChaCha20-Poly1305 as simd v0.50 writes), encrypted with an export passphrase (asked after the keyring passphrase); simd keys import reads it")
    .action(async (name: string, _opts: unknown, command: Command) => {
      const keyring = openKeyring(globalOptions(command));
      const privateKey = await keyring.privateKey(name);
      const passphrase = await ask('Enter passphrase to encrypt the exported key: ', { secret: true });
      if (passphrase.length < 8) throw new CliError('the export passphrase must be at least 8 characters');
      process.stdout.write(`${armorPrivateKey(privateKey, passphrase)}\n`);
    });

  keys
    .command('import <name> <keyfile>')
    .description("import an ASCII-armored private key from `keys export`, zonekit's or simd's (argon2 or, from older SDKs, bcrypt); its passphrase is asked first, then the keyring passphrase")
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
