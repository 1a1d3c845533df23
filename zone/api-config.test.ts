// The API settings: defaults, CometBFT's tcp:// RPC address, and errors that name the key.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseApiSection } from './api-config.js';

const asFlag = (key: string) => `--${key}`;

describe('API settings', () => {
  it('defaults to off, 127.0.0.1:1317, the local CometBFT RPC and every origin', () => {
    assert.deepEqual(parseApiSection({}, asFlag), {
      enable: false,
      address: 'tcp://127.0.0.1:1317',
      cometRpc: 'http://127.0.0.1:26657',
      corsOrigins: ['*'],
    });
  });

  it("takes CometBFT's tcp:// RPC address as http://, and text booleans", () => {
    const api = parseApiSection({ enable: 'true', address: 'tcp://0.0.0.0:1318', 'rpc-laddr': 'tcp://127.0.0.1:36657', 'cors-allowed-origins': [] }, asFlag);
    assert.deepEqual(api, { enable: true, address: 'tcp://0.0.0.0:1318', cometRpc: 'http://127.0.0.1:36657', corsOrigins: [] });
  });

  it('stops on a bad value, naming the key and what it accepts', () => {
    assert.throws(() => parseApiSection({ address: 'localhost' }, asFlag), /^Error: invalid --address: must be tcp:\/\/host:port \(e\.g\. tcp:\/\/127\.0\.0\.1:1317\), got "localhost"$/);
    assert.throws(() => parseApiSection({ address: 'tcp://127.0.0.1:70000' }, asFlag), /invalid --address/);
    assert.throws(() => parseApiSection({ 'rpc-laddr': 'ftp://x:1' }, (key) => `[api] ${key}`), /^Error: invalid \[api\] rpc-laddr: must be http:\/\/host:port or tcp:\/\/host:port/);
    assert.throws(() => parseApiSection({ enable: 'yes' }, asFlag), /invalid --enable: must be true or false, got "yes"/);
  });
});
