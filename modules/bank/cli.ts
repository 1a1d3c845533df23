// `zonekit tx bank send` and `zonekit query bank balances|total`, as simd has them.
import type { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import { MsgMultiSend, MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { QueryDenomMetadataRequest, QueryDenomMetadataResponse, QueryDenomsMetadataRequest, QueryDenomsMetadataResponse, QueryParamsRequest, QueryParamsResponse, QueryAllBalancesRequest, QueryAllBalancesResponse, QueryBalanceRequest, QueryBalanceResponse, QueryTotalSupplyRequest, QueryTotalSupplyResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import type { ModuleCli } from '../../app/cli-types.js';
import type { CoinProto } from '../../app/coins.js';

/** Metadata in the SDK's JSON. */
const metadataJson = (m: Metadata) => ({
  description: m.description,
  denom_units: m.denomUnits.map((u) => ({ denom: u.denom, exponent: u.exponent, aliases: u.aliases })),
  base: m.base,
  display: m.display,
  name: m.name,
  symbol: m.symbol,
  uri: m.uri,
  uri_hash: m.uriHash,
});

/**
 * simd's multi-send outputs: each recipient gets `amount`, or with --split an equal share of
 * it (whole units: the remainder stays with the sender), and the input is what they get in all.
 */
export function multiSendSplit(amount: readonly CoinProto[], recipients: number, split: boolean): { each: CoinProto[]; total: CoinProto[] } {
  const each = amount.map((c) => ({ denom: c.denom, amount: String(split ? BigInt(c.amount) / BigInt(recipients) : BigInt(c.amount)) }));
  const total = each.map((c) => ({ denom: c.denom, amount: String(BigInt(c.amount) * BigInt(recipients)) }));
  return { each, total };
}

const coinLines = (coins: readonly CoinProto[]): string => (coins.length === 0 ? '(none)' : coins.map((c) => `${c.amount}${c.denom}`).join('\n'));

export const bankCli: ModuleCli = {
  tx: [
    {
      usage: 'send <from_key_or_address> <to_address> <amount>',
      description: 'send coins, e.g. `zonekit tx bank send alice cosmos1... 10uatom`; <from> is a key name or one of its addresses',
      async run(ctx, [from, to, amount]) {
        const fromAddress = await ctx.address(from!);
        const toAddress = await ctx.address(to!);
        const msg = MsgSend.fromPartial({ fromAddress, toAddress, amount: ctx.coins(amount!) });
        await ctx.submit(from!, [{ typeUrl: '/cosmos.bank.v1beta1.MsgSend', value: MsgSend.encode(msg).finish() }]);
      },
    },
    {
      usage: 'multi-send <from_key_or_address> <to_address_1_and_more...>',
      description: 'send coins to several accounts in one MsgMultiSend: `zonekit tx bank multi-send alice cosmos1... cosmos1... 10uatom` (the last argument is the amount); each gets the amount, or with --split an equal share of it',
      options: [{ flags: '--split', description: 'split the amount equally among the recipients instead of sending it to each' }],
      async run(ctx, [from, ...rest], { split }) {
        const toArgs = rest;
        if (toArgs.length < 2) throw new Error('multi-send needs at least one recipient and an amount: multi-send <from> <to_1> [<to_2>...] <amount>');
        const amount = ctx.coins(toArgs[toArgs.length - 1]!);
        const recipients = await Promise.all(toArgs.slice(0, -1).map((to) => ctx.address(to)));
        const { each, total } = multiSendSplit(amount, recipients.length, split === true);
        if (each.some((c) => c.amount === '0')) throw new Error(`${toArgs[toArgs.length - 1]} split among ${recipients.length} recipients leaves one of them nothing: send more`);
        const fromAddress = await ctx.address(from!);
        const msg = MsgMultiSend.fromPartial({ inputs: [{ address: fromAddress, coins: total }], outputs: recipients.map((address) => ({ address, coins: each })) });
        await ctx.submit(from!, [{ typeUrl: '/cosmos.bank.v1beta1.MsgMultiSend', value: MsgMultiSend.encode(msg).finish() }]);
      },
    },
  ],
  query: [
    {
      usage: 'params',
      description: 'the bank parameters: which denoms can be sent',
      async run(ctx) {
        const { params } = QueryParamsResponse.decode(await ctx.query('/cosmos.bank.v1beta1.Query/Params', QueryParamsRequest.encode({}).finish()));
        const json = { params: { send_enabled: (params?.sendEnabled ?? []).map((s) => ({ denom: s.denom, enabled: s.enabled })), default_send_enabled: params?.defaultSendEnabled ?? false } };
        ctx.print(json, () => [`default_send_enabled: ${json.params.default_send_enabled}`, ...json.params.send_enabled.map((s) => `send_enabled ${s.denom}: ${s.enabled}`)].join('\n'));
      },
    },
    {
      usage: 'denom-metadata [denom]',
      description: "a denom's metadata (units, display name), or every denom's without one",
      options: [{ flags: '--denom <denom>', description: 'the denom (as the positional argument)' }],
      async run(ctx, [positional], { denom: flag }) {
        const denom = positional ?? (typeof flag === 'string' ? flag : undefined);
        if (denom !== undefined) {
          const { metadata } = QueryDenomMetadataResponse.decode(await ctx.query('/cosmos.bank.v1beta1.Query/DenomMetadata', QueryDenomMetadataRequest.encode({ denom }).finish()));
          const json = { metadata: metadataJson(metadata!) };
          ctx.print(json, () => `${json.metadata.base}: display ${json.metadata.display}, ${json.metadata.denom_units.map((u) => `${u.denom} (10^${u.exponent})`).join(', ')}`);
          return;
        }
        const response = QueryDenomsMetadataResponse.decode(await ctx.query('/cosmos.bank.v1beta1.Query/DenomsMetadata', QueryDenomsMetadataRequest.encode({}).finish()));
        const metadatas = response.metadatas.map(metadataJson);
        ctx.print({ metadatas, pagination: { next_key: null, total: String(response.pagination?.total ?? metadatas.length) } }, () => (metadatas.length === 0 ? 'no denom has metadata' : metadatas.map((m) => `${m.base}: display ${m.display}`).join('\n')));
      },
    },
    {
      usage: 'balances <address>',
      description: 'all balances of an account (or one, with --denom)',
      options: [{ flags: '--denom <denom>', description: 'only this denom' }],
      async run(ctx, [address], { denom }) {
        const addr = await ctx.address(address!);
        if (typeof denom === 'string') {
          const request = QueryBalanceRequest.encode({ address: addr, denom }).finish();
          const { balance } = QueryBalanceResponse.decode(await ctx.query('/cosmos.bank.v1beta1.Query/Balance', request));
          const coin = balance ?? { denom, amount: '0' };
          ctx.print({ balance: coin }, () => `${coin.amount}${coin.denom}`);
          return;
        }
        const request = QueryAllBalancesRequest.encode({ address: addr, resolveDenom: false }).finish();
        const response = QueryAllBalancesResponse.decode(await ctx.query('/cosmos.bank.v1beta1.Query/AllBalances', request));
        const balances = response.balances.map((c) => ({ denom: c.denom, amount: c.amount }));
        ctx.print({ balances, pagination: { next_key: null, total: String(response.pagination?.total ?? balances.length) } }, () => coinLines(balances));
      },
    },
    {
      usage: 'total',
      description: 'the total supply of every denom',
      async run(ctx) {
        const response = QueryTotalSupplyResponse.decode(await ctx.query('/cosmos.bank.v1beta1.Query/TotalSupply', QueryTotalSupplyRequest.encode({}).finish()));
        const supply = response.supply.map((c) => ({ denom: c.denom, amount: c.amount }));
        ctx.print({ supply }, () => coinLines(supply));
      },
    },
  ],
};
