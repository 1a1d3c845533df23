// The node's log: pino, at simd's levels, as JSON lines (`--log_format json`, for log
// shippers) or plain lines a validator reads in a terminal or `tail -f` (`--log_format plain`,
// the default, as simd's). Every line is one event with its context as key=value fields.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { AbciLogger } from '../abci/index.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'disabled'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['plain', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogOptions {
  level?: string;
  format?: string;
  /** Where lines go (default stdout: the devnet and `zonekit start` send it to their log file). */
  destination?: NodeJS.WritableStream;
}

/** `--log_level` as simd takes it: a level name (`disabled` is silent); anything else is refused with the choices. */
export function parseLogLevel(value: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new Error(`invalid --log_level ${JSON.stringify(value)}: use one of ${LOG_LEVELS.join(', ')}`);
  return value as LogLevel;
}

export function parseLogFormat(value: string): LogFormat {
  if (!(LOG_FORMATS as readonly string[]).includes(value)) throw new Error(`invalid --log_format ${JSON.stringify(value)}: use plain or json`);
  return value as LogFormat;
}

const LEVEL_TAGS: Record<string, string> = { trace: 'TRC', debug: 'DBG', info: 'INF', warn: 'WRN', error: 'ERR', fatal: 'FTL' };

/** A pino JSON line as simd's plain console writer prints one: `<time> <LVL> <msg> key=value ...`. */
export function plainLine(json: string): string {
  const { level, time, msg, pid: _pid, hostname: _hostname, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const rest = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`);
  return `${String(time ?? '')} ${LEVEL_TAGS[String(level)] ?? String(level)} ${String(msg ?? '')}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}\n`;
}

export function createLogger(options: LogOptions = {}): Logger {
  const level = parseLogLevel(options.level ?? 'info');
  const format = parseLogFormat(options.format ?? 'plain');
  const out = options.destination ?? process.stdout;
  const destination =
    format === 'json'
      ? out
      : new Writable({
          write(chunk: Buffer, _encoding, done) {
            for (const line of chunk.toString().split('\n')) if (line !== '') out.write(plainLine(line));
            done();
          },
        });
  return pino(
    { level: level === 'disabled' ? 'silent' : level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    destination,
  );
}

/** The ABCI server's logger interface over pino (its lines name the `abci` module); CometBFT's connections coming and going are debug detail. */
export function abciLogger(logger: Logger): AbciLogger {
  const child = logger.child({ module: 'abci' });
  return { info: (msg) => child.debug(msg), warn: (msg) => child.warn(msg), error: (msg) => child.error(msg) };
}
