// The controller submodule's names (ibc-go v8's controller/types/keys.go and tx.proto).

/** The submodule's name, its store key and its error codespace. */
export const SUBMODULE_NAME = 'icacontroller';
export const STORE_KEY = SUBMODULE_NAME;
export const QUERY_SERVICE = '/ibc.applications.interchain_accounts.controller.v1.Query';

/** MaximumOwnerLength: bytes. */
export const MAX_OWNER_LENGTH = 2048;
