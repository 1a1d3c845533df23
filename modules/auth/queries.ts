// cosmos.auth.v1beta1.Query, the methods cosmjs and relayers call.
import {
  Bech32PrefixResponse,
  QueryAccountInfoRequest,
  QueryAccountInfoResponse,
  QueryAccountRequest,
  QueryAccountResponse,
  QueryAccountsRequest,
  QueryAccountsResponse,
  QueryModuleAccountByNameRequest,
  QueryModuleAccountByNameResponse,
  QueryModuleAccountsResponse,
  QueryParamsResponse,
} from 'cosmjs-types/cosmos/auth/v1beta1/query';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { grpcInvalidArgument, grpcNotFound } from '../../app/grpc.js';
import type { QueryHandler } from '../../app/module.js';
import { paginate } from '../../app/pagination.js';
import { prefixStore } from '../../app/store/index.js';
import { accountToAny, decodeAccount, toBaseAccount } from './account.js';
import type { AccountKeeper } from './keeper.js';
import { ACCOUNTS_PREFIX_BYTES, STORE_KEY } from './keys.js';

export function authQueries(keeper: AccountKeeper): Record<string, QueryHandler> {
  const codec = keeper.addressCodec;
  return {
    '/cosmos.auth.v1beta1.Query/Account': (ctx, data) => {
      const { address } = QueryAccountRequest.decode(data);
      if (address === '') throw grpcInvalidArgument('Address cannot be empty');
      const account = keeper.getAccount(ctx, codec.decode(address));
      if (account === undefined) throw grpcNotFound(`account ${address} not found`);
      return QueryAccountResponse.encode({ account: accountToAny(account, codec) }).finish();
    },
    // Any account as a BaseAccount (number, sequence, key), whatever its type: what wallets need to sign.
    '/cosmos.auth.v1beta1.Query/AccountInfo': (ctx, data) => {
      const { address } = QueryAccountInfoRequest.decode(data);
      if (address === '') throw grpcInvalidArgument('address cannot be empty');
      const account = keeper.getAccount(ctx, codec.decode(address));
      if (account === undefined) throw grpcNotFound(`account ${address} not found`);
      return QueryAccountInfoResponse.encode({ info: toBaseAccount(account, codec) }).finish();
    },
    '/cosmos.auth.v1beta1.Query/Accounts': (ctx, data) => {
      const { pagination } = QueryAccountsRequest.decode(data);
      const accounts: Any[] = [];
      const page = paginate(prefixStore(ctx.kvStore(STORE_KEY), ACCOUNTS_PREFIX_BYTES), pagination, (_key, value) => {
        accounts.push(accountToAny(decodeAccount(value, codec), codec));
      });
      return QueryAccountsResponse.encode({ accounts, pagination: page }).finish();
    },
    '/cosmos.auth.v1beta1.Query/Params': (ctx) => QueryParamsResponse.encode({ params: keeper.params(ctx) }).finish(),
    '/cosmos.auth.v1beta1.Query/ModuleAccountByName': (ctx, data) => {
      const { name } = QueryModuleAccountByNameRequest.decode(data);
      if (name === '') throw grpcInvalidArgument('module name is empty');
      const address = keeper.getModuleAddress(name);
      const account = address && keeper.getAccount(ctx, address);
      if (!account) throw grpcNotFound(`account ${name} not found`);
      return QueryModuleAccountByNameResponse.encode({ account: accountToAny(account, codec) }).finish();
    },
    // Every declared module account, by name; one not stored yet is made in the query's
    // throwaway branch, as the SDK's GetModuleAccount does.
    '/cosmos.auth.v1beta1.Query/ModuleAccounts': (ctx) => {
      const names = Object.keys(keeper.modulePermissions).sort();
      return QueryModuleAccountsResponse.encode({ accounts: names.map((name) => accountToAny(keeper.getModuleAccount(ctx, name), codec)) }).finish();
    },
    '/cosmos.auth.v1beta1.Query/Bech32Prefix': () => Bech32PrefixResponse.encode({ bech32Prefix: codec.prefix }).finish(),
  };
}
