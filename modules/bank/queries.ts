// cosmos.bank.v1beta1.Query: balances, supply, params and denom metadata.
import { Metadata, type SendEnabled } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import {
  QueryAllBalancesRequest,
  QueryAllBalancesResponse,
  QueryBalanceRequest,
  QueryBalanceResponse,
  QueryDenomMetadataByQueryStringRequest,
  QueryDenomMetadataByQueryStringResponse,
  QueryDenomMetadataRequest,
  QueryDenomMetadataResponse,
  QueryDenomOwnersRequest,
  QueryDenomOwnersResponse,
  QueryDenomsMetadataRequest,
  QueryDenomsMetadataResponse,
  QueryParamsResponse,
  QuerySendEnabledRequest,
  QuerySendEnabledResponse,
  QuerySpendableBalanceByDenomRequest,
  QuerySpendableBalanceByDenomResponse,
  QuerySpendableBalancesRequest,
  QuerySpendableBalancesResponse,
  QuerySupplyOfRequest,
  QuerySupplyOfResponse,
  QueryTotalSupplyRequest,
  QueryTotalSupplyResponse,
  type DenomOwner,
} from 'cosmjs-types/cosmos/bank/v1beta1/query';
import type { Coin as CoinProto } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import type { PageRequest, PageResponse } from 'cosmjs-types/cosmos/base/query/v1beta1/pagination';
import { validateDenom } from '../../app/coins.js';
import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { DEFAULT_PAGE_LIMIT, paginate } from '../../app/pagination.js';
import { prefixStore } from '../../app/store/index.js';
import { DENOM_METADATA_PREFIX, SEND_ENABLED_PREFIX, STORE_KEY, SUPPLY_PREFIX, accountBalancesPrefix, decodeAmount, denomFromKey } from './keys.js';
import type { BankViewKeeper } from './view-keeper.js';

function checkDenom(denom: string): void {
  try {
    validateDenom(denom);
  } catch (err) {
    throw grpcInvalidArgument(err instanceof CodedError ? err.message : String(err));
  }
}

/** One page of an in-memory list, by the request's offset (or key: the next offset, as text) and limit. */
function pageOfList<T>(list: readonly T[], pagination: PageRequest | undefined): { items: T[]; page: PageResponse } {
  const limit = Number(pagination?.limit && pagination.limit > 0n ? pagination.limit : DEFAULT_PAGE_LIMIT);
  const keyOffset = pagination?.key && pagination.key.length > 0 ? Number(new TextDecoder().decode(pagination.key)) : undefined;
  const offset = keyOffset ?? Number(pagination?.offset ?? 0n);
  const items = list.slice(offset, offset + limit);
  const next = offset + limit < list.length ? new TextEncoder().encode(String(offset + limit)) : new Uint8Array();
  return { items, page: { nextKey: next, total: pagination?.countTotal ? BigInt(list.length) : 0n } };
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
    // Who holds a denom. There is no denom → owner index (the SDK keeps one), so this scans
    // every balance: fine for explorers on zones of modest size, and it reads no wrong answer.
    '/cosmos.bank.v1beta1.Query/DenomOwners': (ctx, data) => {
      const { denom, pagination } = QueryDenomOwnersRequest.decode(data);
      checkDenom(denom);
      const owners: DenomOwner[] = [];
      for (const { address, coin } of keeper.iterateAllBalances(ctx)) {
        if (coin.denom === denom && coin.amount > 0n) owners.push({ address: keeper.accounts.addressCodec.encode(address), balance: { denom, amount: coin.amount.toString() } });
      }
      const { items, page } = pageOfList(owners, pagination);
      return QueryDenomOwnersResponse.encode({ denomOwners: items, pagination: page }).finish();
    },
    // The denoms given (every one that has an entry when none is given) and whether they may be sent.
    '/cosmos.bank.v1beta1.Query/SendEnabled': (ctx, data) => {
      const { denoms, pagination } = QuerySendEnabledRequest.decode(data);
      if (denoms.length > 0) {
        denoms.forEach(checkDenom);
        return QuerySendEnabledResponse.encode({ sendEnabled: denoms.map((denom) => ({ denom, enabled: keeper.isSendEnabled(ctx, denom) })) }).finish();
      }
      const sendEnabled: SendEnabled[] = [];
      const page = paginate(prefixStore(ctx.kvStore(STORE_KEY), SEND_ENABLED_PREFIX), pagination, (key, value) => sendEnabled.push({ denom: denomFromKey(key), enabled: value[0] === 1 }));
      return QuerySendEnabledResponse.encode({ sendEnabled, pagination: page }).finish();
    },
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
