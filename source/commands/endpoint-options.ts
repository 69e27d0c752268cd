import { isIP } from 'node:net';
import { InvalidArgumentError, type Command } from 'commander';

/** The port `serve` listens on and `env` points at unless told otherwise. */
export const DEFAULT_PORT = 4583;
/** Loopback only by default: the endpoint speaks plain HTTP. */
export const DEFAULT_HOST = '127.0.0.1';

/** The flags `serve` and `env` share to name the endpoint. */
export interface EndpointOptions {
  host: string;
  port: number;
}

/** Adds `--host` and `--port` with their defaults. */
export function withEndpointOptions(command: Command): Command {
  return command
    .option('--host <host>', 'address of the endpoint', DEFAULT_HOST)
    .option('--port <port>', 'TCP port of the endpoint (0 picks a free one)', parsePort, DEFAULT_PORT);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return port;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** `http://host:port`, an IPv6 host in brackets as URLs need. */
export function endpointUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
