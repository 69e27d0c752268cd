import { chmodSync, statSync, symlinkSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../source/engine/engine';
import { tempHome } from '../helpers/temp-home';

describe('the local store', () => {
  it('is created private: folder 0700, database and root key 0600', () => {
    const home = tempHome();
    Engine.open({ home }).close();
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'paramdeck.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'root.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'root.key')).size).toBe(32);
  });

  it('keeps its account id and region across opens; the region is fixed at creation', () => {
    const home = tempHome();
    const first = Engine.open({ home, region: 'eu-west-1' });
    const { accountId } = first;
    first.close();
    expect(accountId).toMatch(/^\d{12}$/);
    const second = Engine.open({ home, region: 'us-west-2' });
    expect(second.accountId).toBe(accountId);
    expect(second.region).toBe('eu-west-1');
    second.close();
  });

  it('runs in WAL mode with NORMAL durability and foreign keys', () => {
    const engine = Engine.open({ home: tempHome() });
    expect(engine.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(engine.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(engine.db.pragma('foreign_keys', { simple: true })).toBe(1);
    engine.close();
  });

  it('refuses a root key readable by others, a symlinked one, and a missing one', () => {
    const home = tempHome();
    Engine.open({ home }).close();
    const key = join(home, 'root.key');
    chmodSync(key, 0o644);
    expect(() => Engine.open({ home })).toThrow(/can be read by group or others/);
    chmodSync(key, 0o600);
    renameSync(key, `${key}.real`);
    symlinkSync(`${key}.real`, key);
    expect(() => Engine.open({ home })).toThrow(/symbolic link/);
    renameSync(`${key}.real`, key);
    const moved = `${key}.gone`;
    renameSync(key, moved);
    expect(() => Engine.open({ home })).toThrow(/root\.key is missing/);
  });

  it('refuses a region that is not a region name', () => {
    expect(() => Engine.open({ home: tempHome(), region: 'mars' })).toThrow(/not a region name/);
  });
});
