// The process helpers live beside the scripts that share them (devnet, benchmarks).
export * from '../../scripts/lib/processes.js';
