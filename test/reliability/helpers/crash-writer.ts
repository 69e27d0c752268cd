/**
 * The child the crash test kills: it opens the store at argv[2] and puts argv[4] parameters
 * named argv[3]/p<i> (String, StringList and SecureString in turn), reading every seventh one
 * back WithDecryption. After each call returns (its transaction committed) it writes one ack
 * line to stdout, synchronously, before the next call starts:
 *   put <name> <version> <requestId>   ·   decrypt <name> <requestId>
 * Values are fake and derived from the name; SecureStrings carry the canary argv[5].
 */
import { writeSync } from 'node:fs';
import { Engine } from '../../../source/engine/engine';
import { adminContext } from './admin-context';
import { crashValue, CRASH_TYPES } from './crash-values';

const [home, prefix, countText, canary] = process.argv.slice(2) as [string, string, string, string];
const engine = Engine.open({ home });
const context = adminContext(engine, 'paramdeck-crash-writer');
writeSync(1, 'open\n');
let lastSecure: string | undefined;
for (let i = 0; i < Number(countText); i++) {
  const name = `${prefix}/p${i}`;
  const type = CRASH_TYPES[i % CRASH_TYPES.length]!;
  const ctx = context();
  const put = engine.dispatch('ssm', 'PutParameter', { Name: name, Value: crashValue(name, type, canary), Type: type, Overwrite: true }, ctx) as { Version: number };
  writeSync(1, `put ${name} ${put.Version} ${ctx.requestId}\n`);
  if (type === 'SecureString') lastSecure = name;
  if (i % 7 === 6 && lastSecure) {
    const read = context();
    const got = engine.dispatch('ssm', 'GetParameter', { Name: lastSecure, WithDecryption: true }, read) as { Parameter: { Value: string } };
    if (got.Parameter.Value !== crashValue(lastSecure, 'SecureString', canary)) throw new Error(`${lastSecure} decrypted to something else`);
    writeSync(1, `decrypt ${lastSecure} ${read.requestId}\n`);
  }
}
engine.close();
writeSync(1, 'done\n');
