// `zonekit query auth account <address>`: the account's number, sequence and key.
import { BaseAccount, ModuleAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse, QueryParamsRequest, QueryParamsResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import type { ModuleCli } from '../../app/cli-types.js';
import { BASE_ACCOUNT_TYPE_URL, MODULE_ACCOUNT_TYPE_URL } from './account.js';

export const authCli: ModuleCli = {
  query: [
    {
      usage: 'params',
      description: 'the auth parameters: memo length, signature limit, gas per tx byte and per signature check',
      async run(ctx) {
        const { params } = QueryParamsResponse.decode(await ctx.query('/cosmos.auth.v1beta1.Query/Params', QueryParamsRequest.encode({}).finish()));
        const p = params!;
        const json = {
          params: {
            max_memo_characters: String(p.maxMemoCharacters),
            tx_sig_limit: String(p.txSigLimit),
            tx_size_cost_per_byte: String(p.txSizeCostPerByte),
            sig_verify_cost_ed25519: String(p.sigVerifyCostEd25519),
            sig_verify_cost_secp256k1: String(p.sigVerifyCostSecp256k1),
          },
        };
        ctx.print(json, () => Object.entries(json.params).map(([k, v]) => `${k}: ${v}`).join('\n'));
      },
    },
    {
      usage: 'account <address>',
      description: 'an account: its number, sequence and public key (an account exists once it has received coins)',
      async run(ctx, [address]) {
        const addr = await ctx.address(address!);
        const { account } = QueryAccountResponse.decode(await ctx.query('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: addr }).finish()));
        if (!account) throw new Error(`account ${addr} not found`);
        let base: BaseAccount;
        let module: { name: string; permissions: string[] } | undefined;
        if (account.typeUrl === MODULE_ACCOUNT_TYPE_URL) {
          const m = ModuleAccount.decode(account.value);
          base = m.baseAccount!;
          module = { name: m.name, permissions: m.permissions };
        } else if (account.typeUrl === BASE_ACCOUNT_TYPE_URL) {
          base = BaseAccount.decode(account.value);
        } else {
          throw new Error(`account ${addr} is a ${account.typeUrl}, which this CLI cannot show`);
        }
        const secp256k1 = base.pubKey?.typeUrl === '/cosmos.crypto.secp256k1.PubKey';
        const pubKey = base.pubKey && secp256k1 ? Buffer.from(PubKey.decode(base.pubKey.value).key).toString('base64') : null;
        // A multisig account's key (LegacyAminoPubKey) in the SDK's JSON, through the zone's types.
        const otherKey = base.pubKey && !secp256k1 ? (ctx.jsonTypes?.anyToJson(base.pubKey.typeUrl, base.pubKey.value) ?? { '@type': base.pubKey.typeUrl }) : null;
        const json = {
          '@type': account.typeUrl,
          address: base.address,
          pub_key: otherKey ?? (pubKey === null ? null : { '@type': '/cosmos.crypto.secp256k1.PubKey', key: pubKey }),
          account_number: base.accountNumber.toString(),
          sequence: base.sequence.toString(),
          ...(module ?? {}),
        };
        ctx.print(json, () =>
          [
            `address:        ${json.address}`,
            `account number: ${json.account_number}`,
            `sequence:       ${json.sequence}`,
            `public key:     ${pubKey ?? (otherKey ? JSON.stringify(otherKey) : '(none yet: set by the first tx it signs)')}`,
            ...(module ? [`module:         ${module.name} (${module.permissions.join(', ') || 'no permissions'})`] : []),
          ].join('\n'),
        );
      },
    },
  ],
};
