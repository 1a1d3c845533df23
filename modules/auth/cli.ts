// `zonekit query auth account <address>`: the account's number, sequence and key.
import { BaseAccount, ModuleAccount } from 'cosmjs-types/cosmos/auth/v1beta1/auth';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { PubKey } from 'cosmjs-types/cosmos/crypto/secp256k1/keys';
import type { ModuleCli } from '../../app/cli-types.js';
import { BASE_ACCOUNT_TYPE_URL, MODULE_ACCOUNT_TYPE_URL } from './account.js';

export const authCli: ModuleCli = {
  query: [
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
        const pubKey = base.pubKey ? Buffer.from(PubKey.decode(base.pubKey.value).key).toString('base64') : null;
        const json = {
          '@type': account.typeUrl,
          address: base.address,
          pub_key: pubKey === null ? null : { '@type': '/cosmos.crypto.secp256k1.PubKey', key: pubKey },
          account_number: base.accountNumber.toString(),
          sequence: base.sequence.toString(),
          ...(module ?? {}),
        };
        ctx.print(json, () =>
          [
            `address:        ${json.address}`,
            `account number: ${json.account_number}`,
            `sequence:       ${json.sequence}`,
            `public key:     ${pubKey ?? '(none yet: set by the first tx it signs)'}`,
            ...(module ? [`module:         ${module.name} (${module.permissions.join(', ') || 'no permissions'})`] : []),
          ].join('\n'),
        );
      },
    },
  ],
};
