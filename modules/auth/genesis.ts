// x/auth genesis in the SDK's JSON shape: params and accounts (`@type`-tagged Anys: base,
// module and interchain accounts).
import { z } from 'zod';
import type { AddressCodec } from '../../app/address-codec.js';
import type { Context } from '../../app/context.js';
import type { ModuleGenesis } from '../../app/module.js';
import { FEE_COLLECTOR_NAME } from '../../app/ante/index.js';
import { accountPubKeyFromAny, accountPubKeyToAny } from '../../app/tx/address.js';
import { isMultisig, multisigPubKeyToAny, MULTISIG_PUBKEY_TYPE_URL, type AccountPubKey } from '../../app/tx/multisig.js';
import { BASE_ACCOUNT_TYPE_URL, INTERCHAIN_ACCOUNT_TYPE_URL, MODULE_ACCOUNT_TYPE_URL, type Account } from './account.js';
import type { AccountKeeper } from './keeper.js';
import { AuthParamsJson, DEFAULT_AUTH_PARAMS, paramsFromJson, paramsToJson, type AuthParams } from './params.js';

const uint64 = z.union([z.string().regex(/^[0-9]+$/), z.number().int().nonnegative()]).transform((v) => BigInt(v));

const Secp256k1PubKeyJson = z.object({ '@type': z.literal('/cosmos.crypto.secp256k1.PubKey'), key: z.string() });
const PubKeyJson = z.discriminatedUnion('@type', [
  Secp256k1PubKeyJson,
  z.object({ '@type': z.literal(MULTISIG_PUBKEY_TYPE_URL), threshold: z.number().int(), public_keys: z.array(Secp256k1PubKeyJson) }),
]);
type PubKeyJson = z.infer<typeof PubKeyJson>;

const secp256k1Json = (key: Uint8Array) => ({ '@type': '/cosmos.crypto.secp256k1.PubKey' as const, key: Buffer.from(key).toString('base64') });

function pubKeyToJson(key: AccountPubKey): PubKeyJson {
  if (!isMultisig(key)) return secp256k1Json(key);
  return { '@type': MULTISIG_PUBKEY_TYPE_URL, threshold: key.threshold, public_keys: key.pubKeys.map(secp256k1Json) };
}

/** Read through the codec the accounts are stored with, so genesis refuses exactly the keys a tx would. */
const pubKeyFromJson = (json: PubKeyJson): AccountPubKey =>
  accountPubKeyFromAny(
    json['@type'] === MULTISIG_PUBKEY_TYPE_URL
      ? multisigPubKeyToAny({ threshold: json.threshold, pubKeys: json.public_keys.map((k) => new Uint8Array(Buffer.from(k.key, 'base64'))) })
      : accountPubKeyToAny(new Uint8Array(Buffer.from(json.key, 'base64'))),
  );

const BaseAccountJson = z.object({
  address: z.string(),
  pub_key: PubKeyJson.nullish(),
  account_number: uint64.default(0n),
  sequence: uint64.default(0n),
});

const AccountJson = z.discriminatedUnion('@type', [
  BaseAccountJson.extend({ '@type': z.literal(BASE_ACCOUNT_TYPE_URL) }),
  z.object({
    '@type': z.literal(MODULE_ACCOUNT_TYPE_URL),
    base_account: BaseAccountJson,
    name: z.string().min(1),
    permissions: z.array(z.string()).default([]),
  }),
  z.object({
    '@type': z.literal(INTERCHAIN_ACCOUNT_TYPE_URL),
    base_account: BaseAccountJson,
    // ibc-go's InterchainAccount.Validate: the owner may not be blank.
    account_owner: z.string().refine((owner) => owner.trim() !== '', 'AccountOwner cannot be empty: invalid account address'),
  }),
]);

const AuthGenesisJson = z.object({
  params: AuthParamsJson.optional(),
  accounts: z.array(AccountJson).default([]),
});

export interface AuthGenesis {
  params: AuthParams;
  accounts: Account[];
}

export type AuthGenesisJson = z.input<typeof AuthGenesisJson>;

export function baseAccountJson(address: string, accountNumber: bigint, sequence = 0n) {
  return { '@type': BASE_ACCOUNT_TYPE_URL, address, pub_key: null, account_number: accountNumber.toString(), sequence: sequence.toString() };
}

function accountToJson(account: Account, codec: AddressCodec): z.input<typeof AccountJson> {
  const base = {
    address: codec.encode(account.address),
    pub_key: account.pubKey ? pubKeyToJson(account.pubKey) : null,
    account_number: account.accountNumber.toString(),
    sequence: account.sequence.toString(),
  } as const;
  if (account.module) {
    return { '@type': MODULE_ACCOUNT_TYPE_URL, base_account: base, name: account.module.name, permissions: [...account.module.permissions] };
  }
  if (account.interchainAccountOwner !== undefined) {
    return { '@type': INTERCHAIN_ACCOUNT_TYPE_URL, base_account: base, account_owner: account.interchainAccountOwner };
  }
  return { '@type': BASE_ACCOUNT_TYPE_URL, ...base };
}

export function authGenesis(keeper: AccountKeeper): ModuleGenesis<AuthGenesis> {
  const codec = keeper.addressCodec;
  return {
    defaults: (): AuthGenesisJson => ({ params: paramsToJson(DEFAULT_AUTH_PARAMS), accounts: [] }),
    validate(json: unknown): AuthGenesis {
      const parsed = AuthGenesisJson.parse(json);
      const accounts = parsed.accounts.map((entry): Account => {
        const base = entry['@type'] === BASE_ACCOUNT_TYPE_URL ? entry : entry.base_account;
        return {
          address: codec.decode(base.address),
          ...(base.pub_key ? { pubKey: pubKeyFromJson(base.pub_key) } : {}),
          accountNumber: base.account_number,
          sequence: base.sequence,
          ...(entry['@type'] === MODULE_ACCOUNT_TYPE_URL ? { module: { name: entry.name, permissions: entry.permissions } } : {}),
          ...(entry['@type'] === INTERCHAIN_ACCOUNT_TYPE_URL ? { interchainAccountOwner: entry.account_owner } : {}),
        };
      });
      const seen = new Set<string>();
      for (const account of accounts) {
        const address = codec.encode(account.address);
        if (seen.has(address)) throw new Error(`duplicate account found in genesis state; address: ${address}`);
        seen.add(address);
      }
      return { params: parsed.params ? paramsFromJson(parsed.params) : { ...DEFAULT_AUTH_PARAMS }, accounts };
    },
    init(ctx: Context, state: AuthGenesis): void {
      keeper.setParams(ctx, state.params);
      // As the SDK: accounts go in by account number, and the global counter ends past the largest.
      const accounts = [...state.accounts].sort((a, b) => (a.accountNumber < b.accountNumber ? -1 : a.accountNumber > b.accountNumber ? 1 : 0));
      let last: bigint | undefined;
      for (const account of accounts) {
        while (last === undefined || last < account.accountNumber) last = keeper.nextAccountNumber(ctx);
        keeper.setAccount(ctx, account);
      }
      keeper.getModuleAccount(ctx, FEE_COLLECTOR_NAME);
    },
    export: (ctx) => authGenesisToJson({ params: keeper.params(ctx), accounts: [...keeper.iterateAccounts(ctx)] }, codec),
  };
}

/** Genesis state as JSON for `app_state.auth`. */
export function authGenesisToJson(state: AuthGenesis, codec: AddressCodec): AuthGenesisJson {
  return { params: paramsToJson(state.params), accounts: state.accounts.map((a) => accountToJson(a, codec)) };
}
