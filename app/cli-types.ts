// How a module contributes `zonekit tx <module> ...` and `zonekit query <module> ...`
// subcommands from its own folder, without app/ or the module depending on the CLI library:
// a command is a usage line, options and a handler; the CLI mounts it and gives it a context.
import type { CoinProto } from './coins.js';
import type { AnyJson } from './proto/json.js';

export interface CliOption {
  /** commander-style: `--denom <denom>`, `-a, --address`. */
  flags: string;
  description: string;
  default?: string | boolean;
}

/** The encoded message the CLI signs: its type URL and protobuf bytes. */
export interface EncodedMsg {
  typeUrl: string;
  value: Uint8Array;
}

export interface CliContext {
  /** The node home (`--home`): where config/priv_validator_key.json and the keyring live. */
  readonly home: string;
  /** The zone's account prefix (`cosmos`): operators are `<prefix>valoper1...`. */
  readonly bech32Prefix?: string;
  /** A key name in the keyring, or a bech32 address (checked): the address. */
  address(nameOrAddress: string): Promise<string>;
  /** Parses `10uatom,5ustake`; throws with the expected form. */
  coins(text: string): CoinProto[];
  /** ABCI query by gRPC method path; the response bytes. */
  query(path: string, request: Uint8Array): Promise<Uint8Array>;
  /** Signs `msgs` as `from` and broadcasts them (or prints them, with --generate-only), as the common tx flags say. */
  submit(from: string, msgs: readonly EncodedMsg[]): Promise<void>;
  /** Prints `value` as JSON with --output json, else `text()`. */
  print(value: unknown, text: () => string): void;
  /**
   * A message in the SDK's JSON (`{"@type": "/cosmos.bank.v1beta1.MsgSend", ...}`), encoded
   * with the zone's types: for commands that build messages for another chain to run (ICS-27's
   * `generate-packet-data`).
   */
  msgFromJson?(json: Record<string, unknown>): EncodedMsg;
  /** The zone's JSON types, for Anys inside messages a command reads or prints (app/proto's generic commands). */
  readonly jsonTypes?: AnyJson;
}

export interface CliCommand {
  /**
   * The command and its arguments, commander-style: `send <from> <to> <amount>`. Leading plain
   * words before the command name are nested groups: `controller register <connection-id>`.
   */
  usage: string;
  description: string;
  options?: readonly CliOption[];
  /** Tx commands take the signer from `--from` unless their arguments name it. */
  run(ctx: CliContext, args: readonly string[], options: Readonly<Record<string, string | boolean | undefined>>): Promise<void>;
}

export interface ModuleCli {
  /** The command group (`zonekit tx <name> ...`); default the module's name. ICS-20 is `ibc-transfer`, as in simd. */
  name?: string;
  tx?: readonly CliCommand[];
  query?: readonly CliCommand[];
}
