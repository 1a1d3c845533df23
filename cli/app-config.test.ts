import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appTomlTemplate, loadAppConfig } from './app-config.js';
import { parseCoins } from './chain.js';

const RPC = 'http://127.0.0.1:26657';

function homeWith(appToml: string): string {
  const home = mkdtempSync(join(tmpdir(), 'zonekit-apptoml-'));
  mkdirSync(join(home, 'config'));
  writeFileSync(join(home, 'config', 'app.toml'), appToml);
  return home;
}

describe('app.toml', () => {
  it('the template init writes loads with the defaults', () => {
    const config = loadAppConfig(homeWith(appTomlTemplate()), RPC);
    assert.deepEqual(config, {
      minGasPrices: '',
      pruning: { strategy: 'default' },
      api: { enable: false, address: 'tcp://127.0.0.1:1317', cometRpc: RPC, corsOrigins: ['*'] },
    });
  });

  it('flags override app.toml', () => {
    const config = loadAppConfig(homeWith(appTomlTemplate()), RPC, { 'minimum-gas-prices': '0.025uatom', pruning: 'nothing', 'api.enable': true, 'api.address': 'tcp://127.0.0.1:1318' });
    assert.equal(config.minGasPrices, '0.025uatom');
    assert.deepEqual(config.pruning, { strategy: 'nothing' });
    assert.equal(config.api.enable, true);
    assert.equal(config.api.address, 'tcp://127.0.0.1:1318');
  });

  it('custom pruning takes keep-recent and interval', () => {
    const toml = appTomlTemplate().replace('pruning = "default"', 'pruning = "custom"').replace('pruning-keep-recent = "0"', 'pruning-keep-recent = "100"').replace('pruning-interval = "0"', 'pruning-interval = "10"');
    assert.deepEqual(loadAppConfig(homeWith(toml), RPC).pruning, { strategy: 'custom', keepRecent: 100, interval: 10 });
    const noInterval = appTomlTemplate().replace('pruning = "default"', 'pruning = "custom"');
    assert.throws(() => loadAppConfig(homeWith(noInterval), RPC), /pruning-interval.*at least 1/);
  });

  it('a bad value names the key and what it accepts', () => {
    const bad = (from: string, to: string) => homeWith(appTomlTemplate().replace(from, to));
    assert.throws(() => loadAppConfig(bad('pruning = "default"', 'pruning = "sometimes"'), RPC), /invalid pruning .*must be one of default, nothing, everything, custom; got "sometimes"/);
    assert.throws(() => loadAppConfig(bad('minimum-gas-prices = ""', 'minimum-gas-prices = "cheap"'), RPC), /invalid minimum-gas-prices .*like "0.025uatom"/);
    assert.throws(() => loadAppConfig(bad('address = "tcp://127.0.0.1:1317"', 'address = "localhost"'), RPC), /\[api\] address.*must be tcp:\/\/host:port/);
    assert.throws(() => loadAppConfig(bad('enable = false\naddress = "localhost:9090"', 'enable = true\naddress = "localhost:9090"'), RPC), /\[grpc\] enable.*not available yet/);
    assert.throws(() => loadAppConfig(bad('snapshot-interval = 0', 'snapshot-interval = 100'), RPC), /\[state-sync\] snapshot-interval.*must be 0/);
    assert.throws(() => loadAppConfig(bad('pruning-keep-recent = "0"', 'pruning-keep-recent = "many"'), RPC), /pruning-keep-recent.*whole number/);
    assert.throws(() => loadAppConfig(homeWith('pruning = '), RPC), /cannot read .*app\.toml/);
  });
});

describe('coin amounts', () => {
  it('parses a list and sorts it by denom', () => {
    assert.deepEqual(parseCoins('5ustake, 10uatom'), [
      { denom: 'uatom', amount: '10' },
      { denom: 'ustake', amount: '5' },
    ]);
  });
  it('refuses anything else with the expected form', () => {
    for (const bad of ['10', 'uatom', '1.5uatom', '-1uatom', '', '10uatom,3uatom']) assert.throws(() => parseCoins(bad), /10uatom|appears twice/, bad);
  });
});
