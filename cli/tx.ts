// Building, signing and broadcasting txs from the common tx flags (simd's): gas (a number or
// `auto`, simulated and scaled by --gas-adjustment), fees or gas prices, memo, confirmation,
// --generate-only. Unsigned and signed txs are files of cosmos.tx.v1beta1.Tx in proto3 JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { calculateFee, GasPrice, SigningStargateClient, type DeliverTxResponse, type StdFee } from '@cosmjs/stargate';
import { AuthInfo, Tx, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { EncodedMsg } from '../app/cli-types.js';
import { atNode, connectStargate, nodeUrl, parseCoins, passthroughRegistry } from './chain.js';
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
  if (flags.generateOnly && gas !== 'auto') {
    process.stdout.write(toJson(Tx.toJSON(unsignedTx(msgs, feeFor(gas, flags), flags.memo))) + '\n');
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
      process.stdout.write(toJson(Tx.toJSON(unsignedTx(msgs, fee, flags.memo))) + '\n');
      return;
    }
    if (!flags.yes) {
      process.stderr.write(toJson(Tx.toJSON(unsignedTx(msgs, fee, flags.memo))) + '\n');
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
  const tx = Tx.fromJSON(json);
  if (!tx.body || !tx.authInfo?.fee) throw new CliError(`${path} is not a tx: it needs body and auth_info.fee (as --generate-only writes)`);
  return tx;
}

export interface SignFlags {
  chainId?: string;
  node: string;
  offline: boolean;
  accountNumber?: string;
  sequence?: string;
  outputDocument?: string;
}

/** `tx sign`: signs an unsigned tx file with the key, in SIGN_MODE_DIRECT; writes the signed tx JSON. */
export async function signTxFile(keyring: Keyring, keyName: string, path: string, flags: SignFlags): Promise<void> {
  const tx = readTxFile(path);
  const body = tx.body!;
  const msgs = body.messages.map((m) => ({ typeUrl: m.typeUrl, value: m.value }));
  const fee: StdFee = { amount: tx.authInfo!.fee!.amount.map((c) => ({ denom: c.denom, amount: c.amount })), gas: tx.authInfo!.fee!.gasLimit.toString() };
  const wallet = await keyring.signer(keyName);
  const { address } = (await wallet.getAccounts())[0]!;
  const registry = passthroughRegistry(msgs.map((m) => m.typeUrl));
  let signerData: { accountNumber: bigint; sequence: number; chainId: string };
  let client: SigningStargateClient;
  if (flags.offline) {
    if (flags.chainId === undefined || flags.accountNumber === undefined || flags.sequence === undefined) {
      throw new CliError('--offline needs --chain-id, --account-number and --sequence (see `zonekit query auth account <address>` on a connected machine)');
    }
    if (!/^[0-9]+$/.test(flags.accountNumber) || !/^[0-9]+$/.test(flags.sequence)) throw new CliError('--account-number and --sequence must be whole numbers');
    signerData = { chainId: flags.chainId, accountNumber: BigInt(flags.accountNumber), sequence: Number(flags.sequence) };
    client = await SigningStargateClient.offline(wallet, { registry });
  } else {
    client = await atNode(flags.node, () => SigningStargateClient.connectWithSigner(nodeUrl(flags.node), wallet, { registry }));
    const chainId = await checkChainId(client, flags);
    const account = await atNode(flags.node, () => client.getSequence(address)).catch((err: unknown) => explainChainError(err, address));
    signerData = { chainId, accountNumber: BigInt(account.accountNumber), sequence: account.sequence };
  }
  try {
    const raw = await client.sign(address, msgs, fee, body.memo, signerData);
    const signed = Tx.fromPartial({ body: TxBody.decode(raw.bodyBytes), authInfo: AuthInfo.decode(raw.authInfoBytes), signatures: raw.signatures });
    const text = toJson(Tx.toJSON(signed)) + '\n';
    if (flags.outputDocument !== undefined) writeFileSync(flags.outputDocument, text);
    else process.stdout.write(text);
  } finally {
    client.disconnect();
  }
}

/** The bytes a signed tx file stands for (body and auth info re-encoded: protobuf encoding is deterministic). */
export function txRawBytes(tx: Tx): Uint8Array {
  if (tx.signatures.length === 0) throw new CliError('the tx has no signatures', 'sign it first: zonekit tx sign <file> --from <key>');
  return TxRaw.encode({ bodyBytes: TxBody.encode(tx.body!).finish(), authInfoBytes: AuthInfo.encode(tx.authInfo!).finish(), signatures: tx.signatures }).finish();
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
