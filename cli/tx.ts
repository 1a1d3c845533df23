// Building, signing and broadcasting txs from the common tx flags (simd's): gas (a number or
// `auto`, simulated and scaled by --gas-adjustment), fees or gas prices, memo, confirmation,
// --generate-only. Unsigned and signed txs are files in the SDK's tx JSON (app/tx/tx-json.ts),
// so they go to and from `simd tx sign` / `tx broadcast` as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { Secp256k1Wallet } from '@cosmjs/amino';
import { fromBase64, toHex } from '@cosmjs/encoding';
import { DirectSecp256k1Wallet } from '@cosmjs/proto-signing';
import { calculateFee, GasPrice, SigningStargateClient, StargateClient, type StdFee } from '@cosmjs/stargate';
import { TxMsgData } from 'cosmjs-types/cosmos/base/abci/v1beta1/abci';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { SimulateRequest, SimulateResponse } from 'cosmjs-types/cosmos/tx/v1beta1/service';
import { AuthInfo, SignDoc, Tx, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { EncodedMsg } from '../app/cli-types.js';
import { CodedError } from '../app/errors.js';
import { SIMULATE_PATH } from '../app/query.js';
import { aminoSignDoc } from '../app/tx/sign-doc.js';
import { txToBytes } from '../app/tx/tx-json.js';
import { atNode, connectComet, connectStargate, nodeUrl, parseCoins, passthroughRegistry } from './chain.js';
import { theZone, txJson } from './context.js';
import { confirm } from './io.js';
import type { Keyring } from './keyring/keyring.js';
import { CliError, fields, print, toJson, withSpinner, type OutputFormat } from './output.js';

export interface TxFlags {
  chainId?: string;
  node: string;
  fees?: string;
  gas: string;
  gasAdjustment: string;
  gasPrices?: string;
  memo: string;
  yes: boolean;
  generateOnly: boolean;
  /** Simulate and print the gas estimate; sign and send nothing (simd's --dry-run). */
  dryRun?: boolean;
  /** With a numeric --gas: broadcast without simulating first. */
  skipSimulate?: boolean;
  output: OutputFormat;
  /** simd's --broadcast-mode: sync (after CheckTx), async (at once) or block (after the block: zonekit's default). */
  broadcastMode?: BroadcastMode;
}

/**
 * When a broadcast returns: `sync` after CheckTx (the SDK's BROADCAST_MODE_SYNC, simd's
 * default), `async` as soon as the node has the tx (BROADCAST_MODE_ASYNC), `block` once the tx
 * is in a block, with its result (the SDK's former BROADCAST_MODE_BLOCK, zonekit's default).
 */
export const BROADCAST_MODES = ['sync', 'async', 'block'] as const;
export type BroadcastMode = (typeof BROADCAST_MODES)[number];

export const DEFAULT_GAS = '200000';
/**
 * With --gas auto, the simulated gas times this. The simulation runs the tx as it will be
 * (its fee, signer and a signature of the real size), so what is left to cover is state that
 * moves between the simulation and the block (other txs, balances growing a digit): a third
 * more is real headroom, as Keplr's and cosmjs's defaults (1.3, 1.4) give.
 */
export const DEFAULT_GAS_ADJUSTMENT = '1.3';

function gasOf(flags: TxFlags): 'auto' | number {
  if (flags.gas === 'auto') return 'auto';
  if (!/^[1-9][0-9]*$/.test(flags.gas)) throw new CliError(`invalid --gas ${JSON.stringify(flags.gas)}: expected a positive whole number or auto`);
  return Number(flags.gas);
}

function feeFor(gasLimit: number, flags: TxFlags): StdFee {
  if (flags.fees !== undefined && flags.gasPrices !== undefined) throw new CliError('give either --fees or --gas-prices, not both');
  if (flags.fees !== undefined) return { amount: parseCoins(flags.fees), gas: String(gasLimit) };
  if (flags.gasPrices !== undefined) {
    let price: GasPrice;
    try {
      price = GasPrice.fromString(flags.gasPrices);
    } catch {
      throw new CliError(`invalid --gas-prices ${JSON.stringify(flags.gasPrices)}: expected a price and a denom like 0.025uatom`);
    }
    return calculateFee(gasLimit, price);
  }
  return { amount: [], gas: String(gasLimit) };
}

/** Turns the node's refusals into what to do about them. */
function explainChainError(err: unknown, address: string): never {
  const message = err instanceof Error ? err.message : String(err);
  if (/insufficient funds/.test(message)) {
    const detail = /spendable balance \S+ is smaller than [^:\s]+/.exec(message)?.[0] ?? message;
    throw new CliError(`insufficient funds: ${detail}`, `check the balance with: zonekit query bank balances ${address}`);
  }
  if (/insufficient fees/.test(message)) {
    throw new CliError(message.replace(/^.*?(insufficient fees)/, '$1'), 'raise --fees, or pass --gas-prices at or above the node\'s minimum-gas-prices');
  }
  if (/account sequence mismatch/.test(message)) throw new CliError(message, 'another tx from this account is in flight; wait for it and retry');
  if (/does not exist on chain|not found/.test(message) && /account/i.test(message)) {
    throw new CliError(`account ${address} does not exist on chain yet`, 'an account exists once it has received coins: fund it first');
  }
  if (err instanceof CliError) throw err;
  throw new CliError(message);
}

async function checkChainId(client: { getChainId(): Promise<string> }, flags: { chainId?: string; node: string }): Promise<string> {
  const chainId = await atNode(flags.node, () => client.getChainId());
  if (flags.chainId !== undefined && flags.chainId !== chainId) {
    throw new CliError(`wrong chain id: --chain-id is ${flags.chainId} but the node at ${flags.node} is on chain ${chainId}`, `use --chain-id ${chainId}, or --node for a node of ${flags.chainId}`);
  }
  return chainId;
}

export function unsignedTx(msgs: readonly EncodedMsg[], fee: StdFee, memo: string): Tx {
  return Tx.fromPartial({
    body: { messages: msgs.map((m) => ({ typeUrl: m.typeUrl, value: m.value })), memo },
    authInfo: { signerInfos: [], fee: { amount: [...fee.amount], gasLimit: BigInt(fee.gas) } },
    signatures: [],
  });
}

const SECP256K1_PUBKEY = '/cosmos.crypto.secp256k1.PubKey';
// A stand-in for a key the simulation cannot know (a --dry-run from an address whose account
// has never signed): the same 33 bytes a real compressed key takes, so the size gas is right.
const PLACEHOLDER_PUBKEY = new Uint8Array(33).fill(2);
// secp256k1 signatures are 64 bytes (r || s), so a simulated tx is as big as the signed one.
const SIGNATURE_BYTES = 64;

export interface SimulationSigner {
  pubkey: Uint8Array;
  sequence: bigint;
}

/**
 * The tx as it will be broadcast, for simulation: the real fee (fee deduction costs gas too),
 * the signer's key and sequence, and a zero signature of the real size (the SDK's CLI
 * simulates with its real signer infos and fee in the same way).
 */
export function simulationTxBytes(msgs: readonly EncodedMsg[], fee: StdFee, memo: string, signer: SimulationSigner): Uint8Array {
  const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages: msgs.map((m) => ({ typeUrl: m.typeUrl, value: m.value })), memo })).finish();
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [{ publicKey: { typeUrl: SECP256K1_PUBKEY, value: PubKey.encode({ key: signer.pubkey }).finish() }, modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence: signer.sequence }],
      fee: { amount: [...fee.amount], gasLimit: BigInt(fee.gas) },
    }),
  ).finish();
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [new Uint8Array(SIGNATURE_BYTES)] }).finish();
}

/** A simulation the node refused: what the tx would have done in its block (with its code and codespace). */
export class SimulationError extends CliError {
  constructor(
    message: string,
    hint: string | undefined,
    readonly code: number,
    readonly codespace: string,
  ) {
    super(message, hint);
  }
}

/** Runs the tx through the node's Simulate; its gas used, or a SimulationError saying why it would fail. */
export async function simulate(node: string, txBytes: Uint8Array, address: string): Promise<number> {
  const comet = await connectComet(node);
  try {
    const response = await atNode(node, () => comet.abciQuery({ path: SIMULATE_PATH, data: SimulateRequest.encode({ txBytes }).finish() }));
    const code = response.code ?? 0;
    if (code !== 0) {
      const log = response.log ?? `code ${code}`;
      let explained: CliError;
      try {
        explainChainError(new Error(log), address);
      } catch (err) {
        explained = err as CliError;
      }
      throw new SimulationError(`the simulation failed, so nothing was sent and no fee was paid: ${explained!.message}`, explained!.hint, code, response.codespace ?? '');
    }
    return Number(SimulateResponse.decode(response.value).gasInfo?.gasUsed ?? 0n);
  } finally {
    comet.disconnect();
  }
}

/** What `tx ... -o json` prints for a tx in a block (or refused by CheckTx): the SDK's TxResponse fields. */
interface TxResultJson {
  height: string;
  txhash: string;
  codespace: string;
  code: number;
  raw_log: string;
  gas_wanted: string;
  gas_used: string;
  events: ReadonlyArray<{ type: string; attributes: ReadonlyArray<{ key: string; value: string }> }>;
  /** Each message's reply (TxMsgData), in the SDK's JSON: the order id, pool id or amount out a command created or received. */
  msg_responses?: unknown[];
}

/** A committed tx's data (TxMsgData) as JSON, each reply through the zone's JSON types; raw bytes for a type it does not know. */
function msgResponsesJson(data: Uint8Array | undefined): unknown[] {
  if (data === undefined || data.length === 0) return [];
  const types = txJson().types;
  return TxMsgData.decode(data).msgResponses.map((any) => types.anyToJson(any.typeUrl, any.value));
}

/** A coin or a list of coins as the CLI takes them (`5000amm/pool/1`, `10uatom,20ustake`); undefined for anything else. */
function coinsText(value: unknown): string | undefined {
  const isCoin = (c: unknown): c is { denom: string; amount: string } =>
    typeof c === 'object' && c !== null && typeof (c as { denom?: unknown }).denom === 'string' && typeof (c as { amount?: unknown }).amount === 'string';
  if (isCoin(value)) return `${value.amount}${value.denom}`;
  if (Array.isArray(value) && value.length > 0 && value.every(isCoin)) return value.map((c) => `${c.amount}${c.denom}`).join(',');
  return undefined;
}

/** `zonekit.dex.v1.MsgPlaceLimitOrderResponse order_id=7`, `zonekit.amm.v1.MsgCreatePoolResponse pool_id=1 shares=3999000amm/pool/1`: a reply on one line, for people. */
function responseLine(json: unknown): string {
  const { '@type': type, ...fieldsOf } = json as Record<string, unknown>;
  const shown = Object.entries(fieldsOf).map(([k, v]) => `${k}=${typeof v === 'string' ? v : (coinsText(v) ?? JSON.stringify(v))}`);
  return `${String(type).replace(/^\//, '')}${shown.length > 0 ? ` ${shown.join(' ')}` : ''}`;
}

function printResult(json: TxResultJson, output: OutputFormat): void {
  if (json.code !== 0) {
    if (output === 'json') print('json', json, () => '');
    const where = json.height === '0' ? 'was refused by the node (CheckTx)' : `failed in block ${json.height}`;
    throw new CliError(`tx ${json.txhash} ${where} with code ${json.code} (codespace ${json.codespace || 'none'}): ${json.raw_log}`);
  }
  const replies = (json.msg_responses ?? []).map((reply): [string, string] => ['result', responseLine(reply)]);
  print(output, json, () => fields([['txhash', json.txhash], ['height', json.height], ['gas used', `${json.gas_used} of ${json.gas_wanted}`], ['code', '0 (success)'], ...replies]));
}

/** Sends signed tx bytes, waits for their block, and prints the result (codespace included, which cosmjs's result lacks). */
async function broadcastAndPrint(node: string, txBytes: Uint8Array, address: string, output: OutputFormat, mode: BroadcastMode = 'block'): Promise<void> {
  const comet = await connectComet(node);
  try {
    if (mode === 'async') {
      const { hash } = await atNode(node, () => comet.broadcastTxAsync({ tx: txBytes }));
      const txhash = toHex(hash).toUpperCase();
      print(output, { height: '0', txhash, codespace: '', code: 0, raw_log: '', gas_wanted: '0', gas_used: '0', events: [] }, () => fields([['txhash', txhash], ['mode', 'async: sent, not yet checked']]));
      return;
    }
    const checked = await atNode(node, () => comet.broadcastTxSync({ tx: txBytes }));
    const txhash = toHex(checked.hash).toUpperCase();
    if (checked.code !== 0) {
      if (/insufficient funds|insufficient fees|sequence mismatch/.test(checked.log ?? '')) explainChainError(new Error(checked.log), address);
      printResult({ height: '0', txhash, codespace: checked.codespace ?? '', code: checked.code, raw_log: checked.log ?? '', gas_wanted: String(checked.gasWanted), gas_used: String(checked.gasUsed), events: [] }, output);
    }
    if (mode === 'sync') {
      const json = { height: '0', txhash, codespace: '', code: 0, raw_log: '', gas_wanted: String(checked.gasWanted), gas_used: String(checked.gasUsed), events: [] };
      print(output, json, () => fields([['txhash', txhash], ['code', '0 (accepted into the mempool; not yet in a block)']]));
      return;
    }
    const deadline = Date.now() + 60_000;
    const included = await withSpinner(
      'waiting for the tx to be included in a block',
      (async () => {
        for (;;) {
          try {
            return await comet.tx({ hash: checked.hash });
          } catch (err) {
            if (!/not found/.test(err instanceof Error ? err.message : String(err)) || Date.now() > deadline) {
              if (Date.now() > deadline) throw new CliError(`tx ${txhash} was accepted into the mempool but is not in a block after 60 s`, `look for it later: zonekit query tx ${txhash} --node ${node}`);
              throw err;
            }
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
        }
      })(),
    );
    const r = included.result;
    printResult({ height: String(included.height), txhash, codespace: r.codespace ?? '', code: r.code, raw_log: r.log ?? '', gas_wanted: String(r.gasWanted), gas_used: String(r.gasUsed), events: r.events, msg_responses: r.code === 0 ? msgResponsesJson(r.data) : [] }, output);
  } finally {
    comet.disconnect();
  }
}

/** The signer's key, sequence and account number, from the keyring and the node (a clear error if the account is not on chain yet). */
async function signerAccount(client: StargateClient, node: string, address: string, pubkey: Uint8Array | undefined) {
  const account = await atNode(node, () => client.getAccount(address));
  if (account === null) explainChainError(new Error('account not found'), address);
  const key = pubkey ?? (account.pubkey?.type === 'tendermint/PubKeySecp256k1' ? fromBase64(account.pubkey.value as string) : PLACEHOLDER_PUBKEY);
  return { pubkey: key, sequence: BigInt(account.sequence), accountNumber: account.accountNumber };
}

/**
 * Signs `msgs` with key `keyName` (or prints them unsigned) and broadcasts, waiting for the
 * block. Unless --gas is a number and --skip-simulate is given, the tx is simulated first
 * exactly as it will be sent: a tx that would fail in its block (and still cost its fee)
 * stops here with the reason, and --gas auto takes the simulated gas times --gas-adjustment.
 */
export async function submitTx(keyring: Keyring, keyName: string | undefined, fromAddress: string, msgs: readonly EncodedMsg[], flags: TxFlags): Promise<void> {
  const gas = gasOf(flags);
  const dryRun = flags.dryRun === true;
  const unsignedJson = (fee: StdFee) => toJson(txJson().txToJson(unsignedTx(msgs, fee, flags.memo))) + '\n';
  if (flags.generateOnly && gas !== 'auto') {
    process.stdout.write(unsignedJson(feeFor(gas, flags)));
    return;
  }
  const adjustment = Number(flags.gasAdjustment);
  if (!(adjustment >= 1)) throw new CliError(`invalid --gas-adjustment ${JSON.stringify(flags.gasAdjustment)}: expected a number of at least 1, e.g. 1.3`);
  if (flags.skipSimulate && gas === 'auto') throw new CliError('--skip-simulate needs a numeric --gas: --gas auto is the simulation', 'give --gas <number> with --skip-simulate, or drop --skip-simulate');
  if (keyName === undefined && !dryRun) throw new CliError(`${fromAddress} is not a key in the ${keyring.backend} keyring, so it cannot sign`, 'give a key name, or use --generate-only with a numeric --gas (or --dry-run to estimate gas)');
  const wallet = keyName === undefined ? undefined : await keyring.signer(keyName);
  const pubkey = wallet === undefined ? undefined : (await wallet.getAccounts())[0]!.pubkey;
  const client = await atNode(flags.node, () => StargateClient.connect(nodeUrl(flags.node)));
  try {
    const chainId = await checkChainId(client, flags);
    const account = await signerAccount(client, flags.node, fromAddress, pubkey);
    let gasLimit = gas === 'auto' ? Number(DEFAULT_GAS) : gas;
    if (gas === 'auto' || dryRun || !flags.skipSimulate) {
      // With --gas-prices the fee grows with the gas; simulating with the fee of the default
      // gas (or the given one) charges fee deduction for an amount of about the same size.
      const simulated = await simulate(flags.node, simulationTxBytes(msgs, feeFor(gasLimit, flags), flags.memo, account), fromAddress);
      if (dryRun) {
        print(flags.output, { gas_estimate: String(simulated) }, () => `gas estimate: ${simulated}`);
        return;
      }
      if (gas === 'auto') {
        gasLimit = Math.ceil(simulated * adjustment);
        if (flags.output === 'text' && !flags.generateOnly) process.stderr.write(`estimated gas: ${gasLimit}\n`);
      } else if (simulated > gas) {
        throw new CliError(`--gas ${gas} is less than the ${simulated} gas the simulation used: the tx would run out of gas in its block and still pay its fee`, `use --gas auto, or --gas ${Math.ceil(simulated * Number(DEFAULT_GAS_ADJUSTMENT))} or more`);
      }
    }
    const fee = feeFor(gasLimit, flags);
    if (flags.generateOnly) {
      process.stdout.write(unsignedJson(fee));
      return;
    }
    if (!flags.yes) {
      process.stderr.write(unsignedJson(fee));
      if (!(await confirm('confirm transaction before signing and broadcasting'))) throw new CliError('canceled: nothing was signed or sent');
    }
    const registry = passthroughRegistry(msgs.map((m) => m.typeUrl));
    const signing = await SigningStargateClient.offline(wallet!, { registry });
    const raw = await signing.sign(fromAddress, [...msgs], fee, flags.memo, { accountNumber: account.accountNumber, sequence: Number(account.sequence), chainId });
    await broadcastAndPrint(flags.node, TxRaw.encode(raw).finish(), fromAddress, flags.output, flags.broadcastMode);
  } finally {
    client.disconnect();
  }
}

export function readTxFile(path: string): Tx {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read the tx in ${path}: ${err instanceof Error ? err.message : String(err)}`, 'make one with `zonekit tx ... --generate-only > tx.json`');
  }
  let tx: Tx;
  try {
    tx = txJson().txFromJson(json);
  } catch (err) {
    throw new CliError(`${path} is not a tx in the SDK's JSON: ${err instanceof Error ? err.message : String(err)}`, 'make one with `zonekit tx ... --generate-only > tx.json` (or simd\'s)');
  }
  if (!tx.authInfo?.fee) throw new CliError(`${path} is not a tx: it needs body and auth_info.fee (as --generate-only writes)`);
  return tx;
}

/** The addresses that must sign `tx`, in order, as the chain works them out from its messages (`cosmos.msg.v1.signer`). */
export function txSigners(tx: Tx): string[] {
  const signers = new Set<string>();
  for (const { typeUrl, value } of tx.body?.messages ?? []) {
    const route = theZone().app.msgRoutes.get(typeUrl);
    if (route === undefined) throw new CliError(`the tx has a message this zone does not know: ${typeUrl}`);
    for (const signer of route.handler.signers(route.handler.decode(value))) signers.add(signer);
  }
  if (signers.size === 0) throw new CliError('the tx has no messages, so nobody can sign it');
  return [...signers];
}

export const SIGN_MODES = ['direct', 'amino-json'] as const;
export type SignModeName = (typeof SIGN_MODES)[number];

export interface SignFlags {
  chainId?: string;
  node: string;
  offline: boolean;
  accountNumber?: string;
  sequence?: string;
  outputDocument?: string;
  signMode: SignModeName;
}

export interface SignerData {
  chainId: string;
  accountNumber: bigint;
  sequence: bigint;
}

export async function signerData(address: string, flags: SignFlags): Promise<SignerData> {
  if (flags.offline) {
    if (flags.chainId === undefined || flags.accountNumber === undefined || flags.sequence === undefined) {
      throw new CliError('--offline needs --chain-id, --account-number and --sequence (see `zonekit query auth account <address>` on a connected machine)');
    }
    if (!/^[0-9]+$/.test(flags.accountNumber) || !/^[0-9]+$/.test(flags.sequence)) throw new CliError('--account-number and --sequence must be whole numbers');
    return { chainId: flags.chainId, accountNumber: BigInt(flags.accountNumber), sequence: BigInt(flags.sequence) };
  }
  const client = await connectStargate(flags.node);
  try {
    const chainId = await checkChainId(client, flags);
    const account = await atNode(flags.node, () => client.getSequence(address)).catch((err: unknown) => explainChainError(err, address));
    return { chainId, accountNumber: BigInt(account.accountNumber), sequence: BigInt(account.sequence) };
  } finally {
    client.disconnect();
  }
}

/**
 * `tx sign`: signs a tx file with the key as its only signer (its signer info and signature
 * replace any the file had), in SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON (what a Ledger
 * signs; every message needs an amino converter); writes the signed tx in the SDK's JSON.
 */
export async function signTxFile(keyring: Keyring, keyName: string, path: string, flags: SignFlags): Promise<void> {
  const tx = readTxFile(path);
  const prefix = theZone().app.bech32Prefix;
  const address = keyring.get(keyName).address;
  // Refused here, as simd refuses: a signature by anyone else fails on chain ("pubKey does not match signer address").
  const signers = txSigners(tx);
  if (!signers.includes(address)) {
    throw new CliError(`key ${keyName} (${address}) is not a signer of the tx in ${path}: it must be signed by ${signers.join(', ')}`, `sign with --from ${signers[0]} (or its key name)`);
  }
  const privateKey = await keyring.privateKey(keyName);
  const direct = await DirectSecp256k1Wallet.fromKey(privateKey, prefix);
  const { pubkey } = (await direct.getAccounts())[0]!;
  const signer = await signerData(address, flags);
  const mode = flags.signMode === 'direct' ? SignMode.SIGN_MODE_DIRECT : SignMode.SIGN_MODE_LEGACY_AMINO_JSON;
  const body = tx.body!;
  const authInfo = AuthInfo.fromPartial({
    ...tx.authInfo!,
    signerInfos: [{ publicKey: { typeUrl: '/cosmos.crypto.secp256k1.PubKey', value: PubKey.encode({ key: pubkey }).finish() }, modeInfo: { single: { mode } }, sequence: signer.sequence }],
  });
  let signature: string;
  if (flags.signMode === 'direct') {
    const doc = SignDoc.fromPartial({ bodyBytes: TxBody.encode(body).finish(), authInfoBytes: AuthInfo.encode(authInfo).finish(), chainId: signer.chainId, accountNumber: signer.accountNumber });
    signature = (await direct.signDirect(address, doc)).signature.signature;
  } else {
    let doc;
    try {
      doc = aminoSignDoc({ body, authInfo }, signer.chainId, signer.accountNumber, signer.sequence, theZone().app.aminoConverters);
    } catch (err) {
      if (err instanceof CodedError) throw new CliError(err.message, 'sign it with --sign-mode direct');
      throw err;
    }
    signature = (await (await Secp256k1Wallet.fromKey(privateKey, prefix)).signAmino(address, doc)).signature.signature;
  }
  const signed = Tx.fromPartial({ body, authInfo, signatures: [fromBase64(signature)] });
  const text = toJson(txJson().txToJson(signed)) + '\n';
  if (flags.outputDocument !== undefined) writeFileSync(flags.outputDocument, text);
  else process.stdout.write(text);
}

/** The bytes a signed tx file stands for (body and auth info re-encoded: protobuf encoding is deterministic). */
export function txRawBytes(tx: Tx): Uint8Array {
  if (tx.signatures.length === 0) throw new CliError('the tx has no signatures', 'sign it first: zonekit tx sign <file> --from <key>');
  return txToBytes(tx);
}

/** `tx broadcast`: sends a signed tx file and waits for its block. */
export async function broadcastTxFile(path: string, flags: Pick<TxFlags, 'node' | 'output' | 'broadcastMode'>): Promise<void> {
  await broadcastAndPrint(flags.node, txRawBytes(readTxFile(path)), 'the signer', flags.output, flags.broadcastMode);
}

/**
 * `tx simulate <file>`: the gas a tx file would use. A signed file is simulated as it is; an
 * unsigned one with each signer's key (or a stand-in) and sequence from the node and a
 * signature of the real size, as the commands simulate before signing.
 */
export async function simulateTxFile(path: string, flags: Pick<TxFlags, 'node' | 'output'>): Promise<void> {
  const tx = readTxFile(path);
  let bytes: Uint8Array;
  if (tx.signatures.length > 0) bytes = txToBytes(tx);
  else {
    const client = await connectStargate(flags.node);
    try {
      const signerInfos = [];
      for (const address of txSigners(tx)) {
        const account = await signerAccount(client, flags.node, address, undefined);
        signerInfos.push({ publicKey: { typeUrl: SECP256K1_PUBKEY, value: PubKey.encode({ key: account.pubkey }).finish() }, modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } }, sequence: account.sequence });
      }
      bytes = txToBytes(Tx.fromPartial({ body: tx.body!, authInfo: { ...tx.authInfo!, signerInfos }, signatures: signerInfos.map(() => new Uint8Array(SIGNATURE_BYTES)) }));
    } finally {
      client.disconnect();
    }
  }
  const gas = await simulate(flags.node, bytes, txSigners(tx)[0]!);
  print(flags.output, { gas_estimate: String(gas) }, () => `gas estimate: ${gas}`);
}
