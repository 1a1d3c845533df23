import type { AminoMsg } from '@cosmjs/amino';
import type { Any } from 'cosmjs-types/google/protobuf/any';
import { ErrNotSupported } from '../errors.js';

/**
 * How one message type appears in a SIGN_MODE_LEGACY_AMINO_JSON sign doc. `toAmino`
 * must return exactly what cosmjs's converter for the type returns (snake_case keys,
 * numbers as strings, empty fields as cosmjs leaves them), or amino signatures made by
 * wallets will not verify. It must return JSON-safe values only (no bigint).
 */
export interface AminoConverter<T = any> {
  aminoType: string;
  decode(value: Uint8Array): T;
  toAmino(value: T): Record<string, unknown>;
}

/** typeUrl → converter. Modules register the messages they accept in amino JSON. */
export class AminoConverters {
  readonly #byTypeUrl = new Map<string, AminoConverter>();

  register(typeUrl: string, converter: AminoConverter): this {
    if (this.#byTypeUrl.has(typeUrl)) throw new Error(`amino converter for ${typeUrl} is already registered`);
    this.#byTypeUrl.set(typeUrl, converter);
    return this;
  }

  registerAll(converters: Record<string, AminoConverter>): this {
    for (const [typeUrl, converter] of Object.entries(converters)) this.register(typeUrl, converter);
    return this;
  }

  has(typeUrl: string): boolean {
    return this.#byTypeUrl.has(typeUrl);
  }

  /** Throws ErrNotSupported for a type that cannot be signed in amino JSON. */
  toAmino(msg: Any): AminoMsg {
    const converter = this.#byTypeUrl.get(msg.typeUrl);
    if (!converter) throw ErrNotSupported.wrap(`message ${msg.typeUrl} cannot be signed with SIGN_MODE_LEGACY_AMINO_JSON`);
    return { type: converter.aminoType, value: converter.toAmino(converter.decode(msg.value)) };
  }
}
