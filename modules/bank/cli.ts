// `zonekit tx bank send` and `zonekit query bank balances|total`, as simd has them.
import { MsgSend } from 'cosmjs-types/cosmos/bank/v1beta1/tx';
import { QueryAllBalancesRequest, QueryAllBalancesResponse, QueryBalanceRequest, QueryBalanceResponse, QueryTotalSupplyRequest, QueryTotalSupplyResponse } from 'cosmjs-types/cosmos/bank/v1beta1/query';
import type { ModuleCli } from '../../app/cli-types.js';
import type { CoinProto } from '../../app/coins.js';

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
  ],
  query: [
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
