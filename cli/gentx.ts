// Gentxs, as simd makes them: a validator's MsgCreateValidator (consensus key from
// priv_validator_key.json, self-delegation from its key's genesis balance), signed in
// SIGN_MODE_DIRECT with account number 0 and sequence 0, in the SDK's tx JSON, with the
// node's `id@ip:port` as memo so that collect-gentxs can make the validators peers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { makeSignDoc } from '@cosmjs/proto-signing';
import { PubKey as Ed25519PubKey } from 'cosmjs-types/cosmos/crypto/ed25519/keys';
import { PubKey as Secp256k1PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import { MsgCreateValidator } from 'cosmjs-types/cosmos/staking/v1beta1/tx';
import { SignMode } from 'cosmjs-types/cosmos/tx/signing/v1beta1/signing';
import { AuthInfo, Tx, TxBody } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import type { CoinProto } from '../app/coins.js';
import { DEC_ONE, decToProto, parseDec, type Dec } from '../app/dec.js';
import type { JsonObject } from '../app/tx/tx-json.js';
import { txJson } from './context.js';
import { parseCoins } from './chain.js';
import { assertGenesisFunds, bondDenom } from './genesis-accounts.js';
import { readCometAddresses, readGenesis } from './home.js';
import type { Keyring } from './keyring/keyring.js';
import { consensusPubKey, nodeId as readNodeId } from './node-keys.js';
import { CliError } from './output.js';

export const GENTX_GAS = 200_000n;

export interface Commission {
  rate: string;
  maxRate: string;
  maxChangeRate: string;
}

export interface GentxOptions {
  home: string;
  keyring: Keyring;
  keyName: string;
  /** The self-delegation, one coin of the bond denom: `100000000stake`. */
  amount: string;
  /** Default: genesis.json's; must equal it. */
  chainId?: string;
  moniker: string;
  commission: Commission;
  minSelfDelegation: string;
  identity?: string;
  website?: string;
  securityContact?: string;
  details?: string;
  /** The IP in the memo peers dial; default: this machine's first external IPv4 address. */
  ip?: string;
  /** The P2P port in the memo; default: the port of config.toml's [p2p] laddr. */
  p2pPort?: number;
  /** Default: <home>/config/gentx/gentx-<node_id>.json. */
  outputDocument?: string;
  /** Account address prefix (`cosmos`); validator operators are `<prefix>valoper`. */
  prefix: string;
}

export interface Gentx {
  file: string;
  json: JsonObject;
  nodeId: string;
  memo: string;
  validatorAddress: string;
  delegatorAddress: string;
}

/** Like simd's server.ExternalIP: the first non-internal IPv4 address, else 127.0.0.1. */
export function externalIp(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return '127.0.0.1';
}

function decFlag(flag: string, text: string): Dec {
  try {
    return parseDec(text);
  } catch {
    throw new CliError(`invalid ${flag} ${JSON.stringify(text)}: expected a decimal like 0.1`);
  }
}

/** The SDK's CommissionRates.Validate, with the flag each rule is about. */
function commissionRates(c: Commission): { rate: Dec; maxRate: Dec; maxChangeRate: Dec } {
  const rate = decFlag('--commission-rate', c.rate);
  const maxRate = decFlag('--commission-max-rate', c.maxRate);
  const maxChangeRate = decFlag('--commission-max-change-rate', c.maxChangeRate);
  if (maxRate < 0n || maxRate > DEC_ONE) throw new CliError(`--commission-max-rate must be between 0 and 1, got ${c.maxRate}`);
  if (rate < 0n) throw new CliError(`--commission-rate must not be negative, got ${c.rate}`);
  if (rate > maxRate) throw new CliError(`--commission-rate ${c.rate} is more than --commission-max-rate ${c.maxRate}`);
  if (maxChangeRate < 0n) throw new CliError(`--commission-max-change-rate must not be negative, got ${c.maxChangeRate}`);
  if (maxChangeRate > maxRate) throw new CliError(`--commission-max-change-rate ${c.maxChangeRate} is more than --commission-max-rate ${c.maxRate}`);
  return { rate, maxRate, maxChangeRate };
}

function selfDelegation(amount: string, genesisBondDenom: string, minSelfDelegation: string): CoinProto {
  const coins = parseCoins(amount);
  if (coins.length !== 1) throw new CliError(`the amount must be one coin of the bond denom (${genesisBondDenom}), got ${amount}`);
  const coin = coins[0]!;
  if (coin.denom !== genesisBondDenom) throw new CliError(`the amount must be in the bond denom ${genesisBondDenom} (genesis staking params), got ${coin.denom}`);
  if (!/^[1-9][0-9]*$/.test(minSelfDelegation)) throw new CliError(`invalid --min-self-delegation ${JSON.stringify(minSelfDelegation)}: expected a positive whole number`);
  if (BigInt(coin.amount) < BigInt(minSelfDelegation)) throw new CliError(`the self-delegation ${amount} is less than --min-self-delegation ${minSelfDelegation}`);
  return coin;
}

/** Makes, signs and writes a gentx; checks first what InitChain would refuse. */
export async function createGentx(options: GentxOptions): Promise<Gentx> {
  const { home, keyring, prefix } = options;
  const genesis = readGenesis(home);
  const chainId = options.chainId ?? genesis.chain_id;
  if (chainId !== genesis.chain_id) throw new CliError(`--chain-id ${chainId} differs from genesis.json's chain id ${genesis.chain_id}`, 'gentxs are signed for the chain in genesis.json; use its chain id');
  if (options.moniker.trim() === '') throw new CliError('the moniker must not be empty', 'pass --moniker <name>');
  const key = keyring.get(options.keyName);
  const value = selfDelegation(options.amount, bondDenom(genesis), options.minSelfDelegation);
  assertGenesisFunds(genesis, key.address, value, `self-delegate ${value.amount}${value.denom}`);
  const rates = commissionRates(options.commission);

  const nodeId = readNodeId(home);
  const port = options.p2pPort ?? Number(/:(\d+)$/.exec(readCometAddresses(home).p2pLaddr)?.[1] ?? 26656);
  const memo = `${nodeId}@${options.ip ?? externalIp()}:${port}`;
  const validatorAddress = toBech32(`${prefix}valoper`, fromBech32(key.address, 90).data);
  const msg = MsgCreateValidator.fromPartial({
    description: { moniker: options.moniker, identity: options.identity ?? '', website: options.website ?? '', securityContact: options.securityContact ?? '', details: options.details ?? '' },
    commission: { rate: decToProto(rates.rate), maxRate: decToProto(rates.maxRate), maxChangeRate: decToProto(rates.maxChangeRate) },
    minSelfDelegation: options.minSelfDelegation,
    // Empty, as SDK v0.50 writes it: the operator's own account delegates.
    delegatorAddress: '',
    validatorAddress,
    pubkey: { typeUrl: Ed25519PubKey.typeUrl, value: Ed25519PubKey.encode({ key: consensusPubKey(home) }).finish() },
    value,
  });
  const body = TxBody.fromPartial({ messages: [{ typeUrl: MsgCreateValidator.typeUrl, value: MsgCreateValidator.encode(msg).finish() }], memo });
  const authInfo = AuthInfo.fromPartial({
    signerInfos: [
      {
        publicKey: { typeUrl: Secp256k1PubKey.typeUrl, value: Secp256k1PubKey.encode({ key: Buffer.from(key.pubkey, 'base64') }).finish() },
        modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
        sequence: 0n,
      },
    ],
    fee: { amount: [], gasLimit: GENTX_GAS },
  });
  const bodyBytes = TxBody.encode(body).finish();
  const authInfoBytes = AuthInfo.encode(authInfo).finish();
  // Account number 0: accounts are numbered when genesis runs, after the gentx is signed.
  const signer = await keyring.signer(options.keyName);
  const { signature } = await signer.signDirect(key.address, makeSignDoc(bodyBytes, authInfoBytes, chainId, 0));
  const json = txJson().txToJson(Tx.fromPartial({ body, authInfo, signatures: [Buffer.from(signature.signature, 'base64')] }));

  const file = options.outputDocument ?? join(home, 'config', 'gentx', `gentx-${nodeId}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(json) + '\n');
  return { file, json, nodeId, memo, validatorAddress, delegatorAddress: key.address };
}
