// The three bech32 forms the court reads and writes: accounts (submitters, unjail signers),
// validator operators (`<prefix>valoper`) and consensus addresses (`<prefix>valcons`).
import { bech32Codec, type AddressCodec } from '../../app/address-codec.js';

export interface CourtAddresses {
  account: AddressCodec;
  operator: AddressCodec;
  consensus: AddressCodec;
}

export function courtAddresses(account: AddressCodec, bech32Prefix: string): CourtAddresses {
  return { account, operator: bech32Codec(`${bech32Prefix}valoper`), consensus: bech32Codec(`${bech32Prefix}valcons`) };
}
