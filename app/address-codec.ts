// Account addresses as bytes inside the state machine and bech32 at its edges (messages,
// queries, events), as the SDK's address codec.
import { ErrInvalidAddress } from './errors.js';
import { fromBech32Address, toBech32Address } from './tx/address.js';

export interface AddressCodec {
  readonly prefix: string;
  /** Throws ErrInvalidAddress for a bad string, a wrong prefix or a bad length. */
  decode(address: string): Uint8Array;
  encode(address: Uint8Array): string;
}

// The SDK's VerifyAddressFormat accepts 1 to 255 bytes (20 for keys, 32 for module-derived).
const MAX_ADDRESS_BYTES = 255;

export function bech32Codec(prefix: string): AddressCodec {
  return {
    prefix,
    decode(address) {
      if (address.trim() === '') throw ErrInvalidAddress.wrap('empty address string is not allowed');
      const { prefix: got, data } = fromBech32Address(address);
      if (got !== prefix) throw ErrInvalidAddress.wrap(`invalid Bech32 prefix; expected ${prefix}, got ${got}`);
      if (data.length === 0 || data.length > MAX_ADDRESS_BYTES) {
        throw ErrInvalidAddress.wrap(`address length must be 1 to ${MAX_ADDRESS_BYTES} bytes, got ${data.length}`);
      }
      return data;
    },
    encode: (address) => toBech32Address(prefix, address),
  };
}
