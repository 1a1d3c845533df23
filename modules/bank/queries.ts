// cosmos.bank.v1beta1.Query: balances, supply, params and denom metadata.
import { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryBalanceRequest,
  QueryBalanceResponse,
  QueryDenomMetadataByQueryStringRequest,
  QueryDenomMetadataByQueryStringResponse,
  QueryDenomMetadataRequest,
  QueryDenomMetadataResponse,
  QueryDenomsMetadataRequest,
  QueryDenomsMetadataResponse,
  QueryParamsResponse,
  QuerySpendableBalanceByDenomRequest,
  QuerySpendableBalanceByDenomResponse,
  QuerySpendableBalancesRequest,
  QuerySpendableBalancesResponse,
  QuerySupplyOfRequest,
  QuerySupplyOfResponse,
  QueryTotalSupplyRequest,
  QueryTotalSupplyResponse,
} from 'cosmjs-types/cosmos/bank/v1beta1/query';
import type { Coin as CoinProto } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import type { PageRequest } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { validateDenom } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { paginate } from '../../app/pagination.js';
import { prefixStore } from '../../app/store/index.js';
import { DENOM_METADATA_PREFIX, STORE_KEY, SUPPLY_PREFIX, accountBalancesPrefix, decodeAmount, denomFromKey } from './keys.js';
import type { BankViewKeeper } from './view-keeper.js';

function checkDenom(denom: string): void {
  try {
    validateDenom(denom);
  } catch (err) {
    throw grpcInvalidArgument(err instanceof CodedError ? err.message : String(err));
  }
}

export function bankQueries(keeper: BankViewKeeper): Record<string, QueryHandler> {
  const codec = keeper.accounts.addressCodec;
  const accountAddress = (address: string): Uint8Array => {
    if (address === '') throw grpcInvalidArgument('address cannot be empty');
    return codec.decode(address);
  };
  const balances = (ctx: Context, address: string, pagination: PageRequest | undefined) => {
    const list: CoinProto[] = [];
    const store = prefixStore(ctx.kvStore(STORE_KEY), accountBalancesPrefix(accountAddress(address)));
    const page = paginate(store, pagination, (key, value) => list.push({ denom: denomFromKey(key), amount: decodeAmount(value).toString() }));
    return { balances: list, pagination: page };
  };
  const balance = (ctx: Context, address: string, denom: string): CoinProto => {
    const addr = accountAddress(address);
    checkDenom(denom);
    return { denom, amount: keeper.getBalance(ctx, addr, denom).toString() };
  };
  const metadataOf = (ctx: Context, denom: string): Metadata => {
    checkDenom(denom);
    const metadata = keeper.getDenomMetadata(ctx, denom);
    if (metadata === undefined) throw grpcNotFound(`client metadata for denom ${denom}`);
    return metadata;
  };

  return {
    '/cosmos.bank.v1beta1.Query/Balance': (ctx, data) => {
      const { address, denom } = QueryBalanceRequest.decode(data);
      return QueryBalanceResponse.encode({ balance: balance(ctx, address, denom) }).finish();
    },
    '/cosmos.bank.v1beta1.Query/AllBalances': (ctx, data) => {
      const { address, pagination } = QueryAllBalancesRequest.decode(data);
      return QueryAllBalancesResponse.encode(balances(ctx, address, pagination)).finish();
    },
    // Without vesting or locks every balance is spendable.
    '/cosmos.bank.v1beta1.Query/SpendableBalances': (ctx, data) => {
      const { address, pagination } = QuerySpendableBalancesRequest.decode(data);
      return QuerySpendableBalancesResponse.encode(balances(ctx, address, pagination)).finish();
    },
    '/cosmos.bank.v1beta1.Query/SpendableBalanceByDenom': (ctx, data) => {
      const { address, denom } = QuerySpendableBalanceByDenomRequest.decode(data);
      return QuerySpendableBalanceByDenomResponse.encode({ balance: balance(ctx, address, denom) }).finish();
    },
    '/cosmos.bank.v1beta1.Query/TotalSupply': (ctx, data) => {
      const { pagination } = QueryTotalSupplyRequest.decode(data);
      const supply: CoinProto[] = [];
      const page = paginate(prefixStore(ctx.kvStore(STORE_KEY), SUPPLY_PREFIX), pagination, (key, value) =>
        supply.push({ denom: denomFromKey(key), amount: decodeAmount(value).toString() }),
      );
      return QueryTotalSupplyResponse.encode({ supply, pagination: page }).finish();
    },
    '/cosmos.bank.v1beta1.Query/SupplyOf': (ctx, data) => {
      const { denom } = QuerySupplyOfRequest.decode(data);
      checkDenom(denom);
      return QuerySupplyOfResponse.encode({ amount: { denom, amount: keeper.getSupply(ctx, denom).toString() } }).finish();
    },
    '/cosmos.bank.v1beta1.Query/Params': (ctx) => QueryParamsResponse.encode({ params: keeper.params(ctx) }).finish(),
    '/cosmos.bank.v1beta1.Query/DenomMetadata': (ctx, data) =>
      QueryDenomMetadataResponse.encode({ metadata: metadataOf(ctx, QueryDenomMetadataRequest.decode(data).denom) }).finish(),
    // The same, for clients that cannot put a denom with slashes in a path.
    '/cosmos.bank.v1beta1.Query/DenomMetadataByQueryString': (ctx, data) =>
      QueryDenomMetadataByQueryStringResponse.encode({ metadata: metadataOf(ctx, QueryDenomMetadataByQueryStringRequest.decode(data).denom) }).finish(),
    '/cosmos.bank.v1beta1.Query/DenomsMetadata': (ctx, data) => {
      const { pagination } = QueryDenomsMetadataRequest.decode(data);
      const metadatas: Metadata[] = [];
      const page = paginate(prefixStore(ctx.kvStore(STORE_KEY), DENOM_METADATA_PREFIX), pagination, (_key, value) =>
        metadatas.push(Metadata.decode(value)),
      );
      return QueryDenomsMetadataResponse.encode({ metadatas, pagination: page }).finish();
    },
  };
}
