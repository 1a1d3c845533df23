// A small client for CometBFT's JSON-RPC over HTTP, for what the REST API forwards:
// broadcasts, tx lookups, blocks and node status. POST, so a large tx never meets a URL limit.
import { GrpcCode, GrpcStatusError } from './status.js';

/** A JSON-RPC error the node answered with (its message and data, e.g. "tx (ABC) not found"). */
export class CometRpcError extends Error {
  constructor(
    readonly method: string,
    readonly rpcCode: number,
    readonly rpcMessage: string,
    readonly data: string,
  ) {
    super(`CometBFT RPC ${method}: ${rpcMessage}${data ? ` (${data})` : ''}`);
    this.name = 'CometRpcError';
  }
}

export class CometRpc {
  private nextId = 0;

  constructor(
    readonly url: string,
    private readonly timeoutMs = 15_000,
  ) {}

  /**
   * Calls `method` with params in CometBFT's JSON encoding: bytes as base64 (`tx`, `hash`) and
   * int64 as decimal strings. A node that cannot be reached is Unavailable (503).
   */
  async call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    let body: { result?: T; error?: { code: number; message: string; data?: string } };
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++this.nextId, method, params }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new GrpcStatusError(GrpcCode.Unavailable, `cannot reach the CometBFT RPC at ${this.url}: ${why}`);
    }
    if (body.error !== undefined) throw new CometRpcError(method, body.error.code, body.error.message, body.error.data ?? '');
    return body.result as T;
  }
}
