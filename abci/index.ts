// Public surface of the ABCI 2.0 socket server.
export { AbciServer, parseAddress, type AbciLogger, type AbciServerOptions, type ListenTarget } from './server.js';
export {
  ABCI_METHODS,
  defaultHandlers,
  takeTxsWithin,
  type AbciMethod,
  type Application,
  type MaybePromise,
} from './application.js';
export { DEFAULT_MAX_FRAME_BYTES, FrameDecoder, FrameError, encodeFrame, varintSize, writeVarint } from './framing.js';
