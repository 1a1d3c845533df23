// What the campaign reads from each node, over CometBFT's RPC only (as any client would).
import { createHash } from 'node:crypto';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { BaseAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryTotalSupplyRequest, QueryTotalSupplyResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import { rpc } from '../../lib/cometbft.js';

export async function abciQuery(rpcUrl: string, path: string, data: Uint8Array, height: number): Promise<Uint8Array> {
  const params = { path: JSON.stringify(path), data: `0x${Buffer.from(data).toString('hex')}`, height: String(height) };
  const { response } = await rpc<{ response: { code: number; log: string; value: string | null } }>(rpcUrl, '/abci_query', params);
  if (response.code !== 0) throw new Error(`query ${path} at ${height} on ${rpcUrl}: ${response.log}`);
  return Buffer.from(response.value ?? '', 'base64');
}

export async function accountSequence(rpcUrl: string, address: string, height: number): Promise<bigint> {
  const value = await abciQuery(rpcUrl, '/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address }).finish(), height);
  return BaseAccount.decode(QueryAccountResponse.decode(value).account!.value).sequence;
}

/** denom → amount; one page is plenty for a localnet's few denoms. */
export async function totalSupply(rpcUrl: string, height: number): Promise<Map<string, bigint>> {
  const value = await abciQuery(rpcUrl, '/cosmos.bank.v1beta1.Query/TotalSupply', QueryTotalSupplyRequest.encode(QueryTotalSupplyRequest.fromPartial({ pagination: { limit: 1000n } })).finish(), height);
  return new Map(QueryTotalSupplyResponse.decode(value).supply.map((c) => [c.denom, BigInt(c.amount)]));
}

export async function brokenInvariants(rpcUrl: string, height: number): Promise<string[]> {
  return JSON.parse(Buffer.from(await abciQuery(rpcUrl, '/app/invariants', new Uint8Array(), height)).toString()) as string[];
}

/** Block id hash and app hash of each height in [min, max], as this node stored them. */
export async function headers(rpcUrl: string, min: number, max: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let lo = min; lo <= max; lo += 20) {
    const hi = Math.min(max, lo + 19);
    const { block_metas } = await rpc<{ block_metas: Array<{ block_id: { hash: string }; header: { height: string; app_hash: string } }> }>(rpcUrl, '/blockchain', { minHeight: String(lo), maxHeight: String(hi) });
    for (const meta of block_metas) out.set(Number(meta.header.height), `${meta.block_id.hash}/${meta.header.app_hash}`);
  }
  return out;
}

export interface BlockTxs {
  txs: Array<{ hash: string; code: number }>;
  /** Net minted (coinbase) less burned amounts of the block's events, per denom. */
  minted: Map<string, bigint>;
  /** The dex auction's events at the end of the block: orders filled, pool fills, and any market whose auction failed (with its error). */
  auction: { ordersFilled: number; poolFills: number; failed: string[] };
}

export async function blockTxs(rpcUrl: string, height: number): Promise<BlockTxs> {
  const { block } = await rpc<{ block: { data: { txs: string[] | null } } }>(rpcUrl, '/block', { height: String(height) });
  const results = await rpc<{ txs_results: Array<{ code: number; events?: AbciEvent[] }> | null; finalize_block_events?: AbciEvent[] }>(rpcUrl, '/block_results', { height: String(height) });
  const txs = (block.data.txs ?? []).map((tx, i) => ({ hash: createHash('sha256').update(Buffer.from(tx, 'base64')).digest('hex').toUpperCase(), code: results.txs_results?.[i]?.code ?? -1 }));
  const minted = new Map<string, bigint>();
  const events = [...(results.finalize_block_events ?? []), ...(results.txs_results ?? []).filter((r) => r.code === 0).flatMap((r) => r.events ?? [])];
  for (const event of events) {
    const sign = event.type === 'coinbase' ? 1n : event.type === 'burn' ? -1n : 0n;
    if (sign === 0n) continue;
    const amount = event.attributes.find((a) => a.key === 'amount')?.value ?? '';
    for (const coin of amount.split(',').filter(Boolean)) {
      const [, value, denom] = /^(\d+)(.+)$/.exec(coin)!;
      minted.set(denom!, (minted.get(denom!) ?? 0n) + sign * BigInt(value!));
    }
  }
  const auction = { ordersFilled: 0, poolFills: 0, failed: [] as string[] };
  for (const event of results.finalize_block_events ?? []) {
    const attribute = (key: string) => event.attributes.find((a) => a.key === key)?.value ?? '';
    if (event.type === 'order_filled') auction.ordersFilled++;
    else if (event.type === 'pool_filled') auction.poolFills++;
    else if (event.type === 'auction_failed') auction.failed.push(`market ${attribute('market_id')}: ${attribute('error')}`);
  }
  return { txs, minted, auction };
}

interface AbciEvent {
  type: string;
  attributes: Array<{ key: string; value: string }>;
}
