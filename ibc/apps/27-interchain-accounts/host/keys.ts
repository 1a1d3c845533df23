// The host submodule's names (ibc-go v8's host/types/keys.go).

/** The submodule's name, its store key and its error codespace. */
export const SUBMODULE_NAME = 'icahost';
export const STORE_KEY = SUBMODULE_NAME;
/** The allow-list entry that allows every message type, when it is the only entry. */
export const ALLOW_ALL_HOST_MSGS = '*';
export const QUERY_SERVICE = '/ibc.applications.interchain_accounts.host.v1.Query';
