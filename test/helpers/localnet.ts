// A multi-validator network for integration tests lives beside the localnet script that shares it.
export * from '../../scripts/lib/localnet.js';
