// The host's params (ibc-go v8's host/types/params.go): whether the host runs at all, and
// which message types an interchain account may execute.
import type { Params } from 'cosmjs-types/ibc/applications/interchain_accounts/host/v1/host';
import { ALLOW_ALL_HOST_MSGS } from './keys.js';

export type HostParams = Params;

export const defaultHostParams = (): HostParams => ({ hostEnabled: true, allowMessages: [ALLOW_ALL_HOST_MSGS] });

/** Params.Validate: no blank entry in the allow-list. */
export function validateHostParams(params: HostParams): void {
  for (const typeUrl of params.allowMessages) {
    if (typeUrl.trim() === '') throw new Error(`parameter must not contain empty strings: [${params.allowMessages.join(' ')}]`);
  }
}

/** ContainsMsgType: `*` allows everything only when it is the allow-list's only entry. */
export function containsMsgType(allowMessages: readonly string[], typeUrl: string): boolean {
  if (allowMessages.length === 1 && allowMessages[0] === ALLOW_ALL_HOST_MSGS) return true;
  return allowMessages.includes(typeUrl);
}
