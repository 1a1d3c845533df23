// `zonekit debug addr|pubkey|pubkey-raw|raw-bytes|prefixes`: simd's debug tools, printing
// what simd v0.50 prints (line for line), and with -o json the same facts as JSON.
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { Command, Option } from 'commander';
import {
  AMINO_NAME,
  bech32Prefixes,
  fromLegacyBech32PubKey,
  KEY_SIZE,
  legacyBech32PubKey,
  PROTO_TYPE_URL,
  pubKeyAddress,
  strictBase64,
  strictHex,
  upperHex,
  type PubKey,
  type PubKeyType,
} from '../addresses.js';
import { globalOptions, theZone } from '../context.js';
import { CliError, print } from '../output.js';

const prefixes = () => bech32Prefixes(theZone().app.bech32Prefix);
const lines = (entries: ReadonlyArray<readonly [string, string]>) => entries.map(([k, v]) => `${k}: ${v}`).join('\n');

/** An address from hex or any of the three bech32 prefixes, or simd's sentence naming why each failed. */
function parseAddress(text: string): Uint8Array {
  const hex = strictHex(text);
  if (hex !== undefined) return hex;
  const p = prefixes();
  const errors: string[] = ['hex: not an even number of hex digits'];
  for (const [tag, prefix] of [['bech32 acc', p.acc], ['bech32 val', p.val], ['bech32 con', p.cons]] as const) {
    try {
      const decoded = fromBech32(text, 1023);
      if (decoded.prefix === prefix) return decoded.data;
      errors.push(`${tag}: invalid Bech32 prefix; expected ${prefix}, got ${decoded.prefix}`);
    } catch (err) {
      errors.push(`${tag}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new CliError(`expected hex or bech32. Got errors: ${errors.join(', ')}`);
}

/** `{"@type":"/cosmos.crypto.secp256k1.PubKey","key":"<base64>"}` (what `keys show` prints), or a legacy bech32 or bare base64 key. */
function parsePubKey(text: string): PubKey {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let json: { '@type'?: unknown; key?: unknown };
    try {
      json = JSON.parse(trimmed) as typeof json;
    } catch (err) {
      throw new CliError(`invalid pubkey JSON: ${(err as Error).message}`);
    }
    const type = (Object.keys(PROTO_TYPE_URL) as PubKeyType[]).find((t) => PROTO_TYPE_URL[t] === json['@type']);
    if (type === undefined) throw new CliError(`unknown pubkey type ${JSON.stringify(json['@type'])}: expected ${Object.values(PROTO_TYPE_URL).join(' or ')}`);
    const key = typeof json.key === 'string' ? strictBase64(json.key) : undefined;
    if (key === undefined || key.length !== KEY_SIZE[type]) throw new CliError(`invalid ${type} pubkey: "key" must be ${KEY_SIZE[type]} bytes in base64`);
    return { type, key };
  }
  const p = prefixes();
  for (const prefix of [p.accPub, p.valPub, p.consPub]) {
    const pk = fromLegacyBech32PubKey(prefix, trimmed);
    if (pk !== undefined) return pk;
  }
  const bytes = strictBase64(trimmed);
  if (bytes?.length === 33) return { type: 'secp256k1', key: bytes };
  throw new CliError(`pubkey ${JSON.stringify(text)} invalid: expected proto JSON like {"@type":"${PROTO_TYPE_URL.secp256k1}","key":"<base64>"}, a ${p.accPub}1... bech32 key or a 33-byte base64 key`);
}

/** simd's getPubKeyFromRawString: hex, then base64, then the three legacy bech32 forms. */
function parseRawPubKey(text: string, type: PubKeyType): PubKey {
  const sized = (bytes: Uint8Array | undefined): PubKey | undefined => {
    if (bytes === undefined) return undefined;
    if (type === 'ed25519' && bytes.length === KEY_SIZE.ed25519) return { type: 'ed25519', key: bytes };
    if (bytes.length === KEY_SIZE.secp256k1) return { type: 'secp256k1', key: bytes };
    return undefined;
  };
  const p = prefixes();
  const found = sized(strictHex(text)) ?? sized(strictBase64(text)) ?? [p.accPub, p.valPub, p.consPub].map((prefix) => fromLegacyBech32PubKey(prefix, text)).find((pk) => pk !== undefined);
  if (found === undefined) throw new CliError(`pubkey '${text}' invalid; expected hex, base64, or bech32 of correct size`);
  return found;
}

export function debugCommand(): Command {
  const debug = new Command('debug').description('tools for debugging: addresses, public keys and raw bytes, as simd debug');

  debug
    .command('addr <address>')
    .description('convert an address between hex and bech32, e.g. zonekit debug addr cosmos1...')
    .action((text: string, _opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const bytes = parseAddress(text);
      const p = prefixes();
      const json = { address: [...bytes], hex: upperHex(bytes), bech32_acc: toBech32(p.acc, bytes, 1023), bech32_val: toBech32(p.val, bytes, 1023), bech32_con: toBech32(p.cons, bytes, 1023) };
      print(g.output, json, () =>
        lines([
          ['Address', `[${json.address.join(' ')}]`],
          ['Address (hex)', json.hex],
          ['Bech32 Acc', json.bech32_acc],
          ['Bech32 Val', json.bech32_val],
          ['Bech32 Con', json.bech32_con],
        ]),
      );
    });

  debug
    .command('pubkey <pubkey>')
    .description(`decode a pubkey from proto JSON (e.g. '{"@type":"${PROTO_TYPE_URL.secp256k1}","key":"Aurr..."}'), a legacy bech32 key or base64, and show its address`)
    .action((text: string, _opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const pk = parsePubKey(text);
      const json = { address: upperHex(pubKeyAddress(pk)), pubkey_hex: Buffer.from(pk.key).toString('hex'), type: pk.type };
      print(g.output, json, () => lines([['Address', json.address], ['PubKey Hex', json.pubkey_hex]]));
    });

  debug
    .command('pubkey-raw <pubkey>')
    .description('decode an ed25519 or secp256k1 pubkey from hex, base64, or bech32')
    .addOption(new Option('-t, --type <type>', 'pubkey type to decode (oneof secp256k1, ed25519)').default('ed25519'))
    .action((text: string, opts: { type: string }, command: Command) => {
      const g = globalOptions(command);
      const type = opts.type.toLowerCase();
      if (type !== 'secp256k1' && type !== 'ed25519') throw new CliError('invalid pubkey type, expected oneof ed25519 or secp256k1');
      const pk = parseRawPubKey(text, type);
      const p = prefixes();
      const consensus = pk.type === 'ed25519' && type === 'ed25519' ? legacyBech32PubKey(p.consPub, pk) : '';
      const json = {
        type: pk.type,
        address: upperHex(pubKeyAddress(pk)),
        amino_json: { type: AMINO_NAME[pk.type], value: Buffer.from(pk.key).toString('base64') },
        bech32_acc: legacyBech32PubKey(p.accPub, pk),
        bech32_validator_operator: legacyBech32PubKey(p.valPub, pk),
        ...(type === 'ed25519' ? { bech32_validator_consensus: consensus } : {}),
      };
      print(g.output, json, () =>
        [
          ...(consensus !== '' ? [`Hex: ${upperHex(pk.key)}`] : []),
          `Parsed key as ${pk.type}`,
          `Address: ${json.address}`,
          `JSON (base64): ${JSON.stringify(json.amino_json)}`,
          `Bech32 Acc: ${json.bech32_acc}`,
          `Bech32 Validator Operator: ${json.bech32_validator_operator}`,
          ...(type === 'ed25519' ? [`Bech32 Validator Consensus: ${consensus}`] : []),
        ].join('\n'),
      );
    });

  debug
    .command('raw-bytes <raw-bytes>')
    .description('convert raw bytes as Go prints them (e.g. "[10 21 13 255]") to hex')
    .action((text: string, _opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const parts = text.replace(/^\[+/, '').replace(/\]+$/, '').split(' ');
      const bytes = parts.map((part) => {
        if (!/^[0-9]{1,3}$/.test(part) || Number(part) > 255) throw new CliError(`invalid byte ${JSON.stringify(part)} in ${JSON.stringify(text)}: expected whole numbers from 0 to 255 separated by single spaces, like [10 21 13 255]`);
        return Number(part);
      });
      const hex = upperHex(Uint8Array.from(bytes));
      print(g.output, { hex }, () => hex);
    });

  debug
    .command('prefixes')
    .description('the Bech32 human-readable parts this zone uses')
    .action((_opts: unknown, command: Command) => {
      const g = globalOptions(command);
      const p = prefixes();
      print(g.output, { acc: p.acc, val: p.val, con: p.cons }, () => lines([['Bech32 Acc', p.acc], ['Bech32 Val', p.val], ['Bech32 Con', p.cons]]));
    });

  return debug;
}
