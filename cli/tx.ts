// Building, signing and broadcasting txs from the common tx flags (simd's): gas (a number or
// `auto`, simulated and scaled by --gas-adjustment), fees or gas prices, memo, confirmation,
// --generate-only. Unsigned and signed txs are files in the SDK's tx JSON (app/tx/tx-json.ts),
// so they go to and from `simd tx sign` / `tx broadcast` as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { Secp256k1Wallet } from '@cosmjs/amino';
import { fromBase64 } from '@cosmjs/encoding';
import { DirectSecp256k1Wallet } from '@cosmjs/proto-signing';
import { calculateFee, GasPrice, SigningStargateClient, type DeliverTxResponse, type StdFee } from '@cosmjs/stargate';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, SignDoc, Tx, TxBody } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { EncodedMsg } from '../app/cli-types.js';
import { CodedError } from '../app/errors.js';
import { aminoSignDoc } from '../app/tx/sign-doc.js';
import { txToBytes } from '../app/tx/tx-json.js';
import { atNode, connectStargate, nodeUrl, parseCoins, passthroughRegistry } from './chain.js';
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
  output: OutputFormat;
}

export const DEFAULT_GAS = '200000';

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
  if (/does not exist on chain|not found/.test(message) && /account/.test(message)) {
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

function printResult(result: DeliverTxResponse, flags: TxFlags): void {
  const json = {
    height: String(result.height),
    txhash: result.transactionHash,
    code: result.code,
    raw_log: result.rawLog ?? '',
    gas_wanted: String(result.gasWanted),
    gas_used: String(result.gasUsed),
    events: result.events,
  };
  if (result.code !== 0) {
    if (flags.output === 'json') print('json', json, () => '');
    throw new CliError(`tx ${result.transactionHash} failed in block ${result.height} with code ${result.code}: ${result.rawLog ?? ''}`);
  }
  print(flags.output, json, () => fields([['txhash', json.txhash], ['height', json.height], ['gas used', `${json.gas_used} of ${json.gas_wanted}`], ['code', '0 (success)']]));
}

/** Signs `msgs` with key `keyName` (or prints them unsigned) and broadcasts, waiting for the block. */
export async function submitTx(keyring: Keyring, keyName: string | undefined, fromAddress: string, msgs: readonly EncodedMsg[], flags: TxFlags): Promise<void> {
  const gas = gasOf(flags);
  const registry = passthroughRegistry(msgs.map((m) => m.typeUrl));
  const unsignedJson = (fee: StdFee) => toJson(txJson().txToJson(unsignedTx(msgs, fee, flags.memo))) + '\n';
  if (flags.generateOnly && gas !== 'auto') {
    process.stdout.write(unsignedJson(feeFor(gas, flags)));
    return;
  }
  if (keyName === undefined) throw new CliError(`${fromAddress} is not a key in the ${keyring.backend} keyring, so it cannot sign`, 'give a key name, or use --generate-only with a numeric --gas');
  const wallet = await keyring.signer(keyName);
  const client = await atNode(flags.node, () => SigningStargateClient.connectWithSigner(nodeUrl(flags.node), wallet, { registry }));
  try {
    await checkChainId(client, flags);
    let gasLimit: number;
    if (gas === 'auto') {
      const adjustment = Number(flags.gasAdjustment);
      if (!(adjustment >= 1)) throw new CliError(`invalid --gas-adjustment ${JSON.stringify(flags.gasAdjustment)}: expected a number of at least 1, e.g. 1.3`);
      const simulated = await atNode(flags.node, () => client.simulate(fromAddress, [...msgs], flags.memo)).catch((err: unknown) => explainChainError(err, fromAddress));
      gasLimit = Math.ceil(simulated * adjustment);
      if (flags.output === 'text' && !flags.generateOnly) process.stderr.write(`estimated gas: ${gasLimit}\n`);
    } else {
      gasLimit = gas;
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
    const result = await withSpinner(
      'waiting for the tx to be included in a block',
      atNode(flags.node, () => client.signAndBroadcast(fromAddress, [...msgs], fee, flags.memo)),
    ).catch((err: unknown) => explainChainError(err, fromAddress));
    printResult(result, flags);
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

interface SignerData {
  chainId: string;
  accountNumber: bigint;
  sequence: bigint;
}

async function signerData(address: string, flags: SignFlags): Promise<SignerData> {
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
  const privateKey = await keyring.privateKey(keyName);
  const direct = await DirectSecp256k1Wallet.fromKey(privateKey, prefix);
  const { address, pubkey } = (await direct.getAccounts())[0]!;
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
export async function broadcastTxFile(path: string, flags: Pick<TxFlags, 'node' | 'output'>): Promise<void> {
  const bytes = txRawBytes(readTxFile(path));
  const client = await connectStargate(flags.node);
  try {
    const result = await withSpinner('waiting for the tx to be included in a block', atNode(flags.node, () => client.broadcastTx(bytes))).catch((err: unknown) => explainChainError(err, 'the signer'));
    printResult(result, { ...flags } as TxFlags);
  } finally {
    client.disconnect();
  }
}
