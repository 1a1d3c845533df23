// x/bank genesis in the SDK's JSON shape: params, balances, supply, denom metadata, send_enabled.
import type { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import { z } from 'zod';
import { addCoins, coinsFromProto, coinsToProto, coinsToString, validateDenom, type Coins } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import type { ModuleGenesis } from '../../app/module.js';
import type { BankKeeper } from './keeper.js';

const CoinJson = z.object({ denom: z.string(), amount: z.string() });

const MetadataJson = z.object({
  description: z.string().default(''),
  denom_units: z.array(z.object({ denom: z.string(), exponent: z.number().int().nonnegative(), aliases: z.array(z.string()).default([]) })).default([]),
  base: z.string(),
  display: z.string().default(''),
  name: z.string().default(''),
  symbol: z.string().default(''),
  uri: z.string().default(''),
  uri_hash: z.string().default(''),
});

const SendEnabledJson = z.object({ denom: z.string(), enabled: z.boolean() });

const BankGenesisJson = z.object({
  params: z.object({ send_enabled: z.array(SendEnabledJson).default([]), default_send_enabled: z.boolean().default(true) }).default({ send_enabled: [], default_send_enabled: true }),
  balances: z.array(z.object({ address: z.string(), coins: z.array(CoinJson) })).default([]),
  supply: z.array(CoinJson).default([]),
  denom_metadata: z.array(MetadataJson).default([]),
  send_enabled: z.array(SendEnabledJson).default([]),
});

export type BankGenesisJson = z.input<typeof BankGenesisJson>;

export interface BankGenesis {
  defaultSendEnabled: boolean;
  sendEnabled: Array<{ denom: string; enabled: boolean }>;
  balances: Array<{ address: Uint8Array; coins: Coins }>;
  /** The sum of all balances (checked against the file's `supply` when it has one). */
  supply: Coins;
  denomMetadata: Metadata[];
}

function metadataFromJson(m: z.output<typeof MetadataJson>): Metadata {
  return {
    description: m.description,
    denomUnits: m.denom_units.map((u) => ({ denom: u.denom, exponent: u.exponent, aliases: u.aliases })),
    base: m.base,
    display: m.display,
    name: m.name,
    symbol: m.symbol,
    uri: m.uri,
    uriHash: m.uri_hash,
  };
}

function metadataToJson(m: Metadata): z.input<typeof MetadataJson> {
  return {
    description: m.description,
    denom_units: m.denomUnits.map((u) => ({ denom: u.denom, exponent: u.exponent, aliases: u.aliases })),
    base: m.base,
    display: m.display,
    name: m.name,
    symbol: m.symbol,
    uri: m.uri,
    uri_hash: m.uriHash,
  };
}

export function bankGenesis(keeper: BankKeeper): ModuleGenesis<BankGenesis> {
  const codec = keeper.accounts.addressCodec;
  return {
    defaults: (): BankGenesisJson => ({
      params: { send_enabled: [], default_send_enabled: true },
      balances: [],
      supply: [],
      denom_metadata: [],
      send_enabled: [],
    }),
    validate(json: unknown): BankGenesis {
      const parsed = BankGenesisJson.parse(json);
      if (parsed.params.send_enabled.length > 0) throw new Error('params.send_enabled is deprecated; use the top-level send_enabled list');
      const seen = new Set<string>();
      let total: Coins = [];
      const balances = parsed.balances.map(({ address, coins }) => {
        if (seen.has(address)) throw new Error(`duplicate balance for address ${address}`);
        seen.add(address);
        const parsedCoins = coinsFromProto(coins);
        total = addCoins(total, parsedCoins);
        return { address: codec.decode(address), coins: parsedCoins };
      });
      if (parsed.supply.length > 0) {
        const declared = coinsFromProto(parsed.supply);
        if (coinsToString(declared) !== coinsToString(total)) {
          throw new Error(`genesis supply is incorrect, expected ${coinsToString(declared)}, got ${coinsToString(total)}`);
        }
      }
      for (const m of parsed.denom_metadata) validateDenom(m.base);
      for (const s of parsed.send_enabled) validateDenom(s.denom);
      return {
        defaultSendEnabled: parsed.params.default_send_enabled,
        sendEnabled: parsed.send_enabled,
        balances,
        supply: total,
        denomMetadata: parsed.denom_metadata.map(metadataFromJson),
      };
    },
    init(ctx: Context, state: BankGenesis): void {
      keeper.setParams(ctx, { sendEnabled: [], defaultSendEnabled: state.defaultSendEnabled });
      for (const { denom, enabled } of state.sendEnabled) keeper.setSendEnabled(ctx, denom, enabled);
      for (const { address, coins } of state.balances) keeper.initBalances(ctx, address, coins);
      for (const coin of state.supply) keeper.setSupply(ctx, coin);
      for (const metadata of state.denomMetadata) keeper.setDenomMetadata(ctx, metadata);
    },
    export(ctx: Context): BankGenesisJson {
      const byAddress = new Map<string, { address: string; coins: Array<{ denom: string; amount: string }> }>();
      for (const { address, coin } of keeper.iterateAllBalances(ctx)) {
        const bech32 = codec.encode(address);
        const entry = byAddress.get(bech32) ?? { address: bech32, coins: [] };
        entry.coins.push({ denom: coin.denom, amount: coin.amount.toString() });
        byAddress.set(bech32, entry);
      }
      const params = keeper.params(ctx);
      return {
        params: { send_enabled: [], default_send_enabled: params.defaultSendEnabled },
        balances: [...byAddress.values()],
        supply: coinsToProto(keeper.getTotalSupply(ctx)),
        denom_metadata: [...keeper.iterateDenomMetadata(ctx)].map(metadataToJson),
        send_enabled: [...keeper.iterateSendEnabled(ctx)],
      };
    },
  };
}
