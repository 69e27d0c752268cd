import { describe, expect, it, onTestFinished } from 'vitest';
import { CommitGroup } from '../../source/engine/commit-group';
import { Engine } from '../../source/engine/engine';
import { isAwsError } from '../../source/engine/errors';
import { inTransaction } from '../../source/engine/transaction';
import { verifyAuditTrail } from '../../source/engine/audit/verify';
import { contextFor } from '../helpers/engine';
import { tempHome } from '../helpers/temp-home';

/** A serving engine with its group, and a second connection that only sees what was committed. */
function groupedStore() {
  const home = tempHome();
  const engine = Engine.open({ home });
  const observer = Engine.open({ home });
  onTestFinished(() => {
    engine.close();
    observer.close();
  });
  const ctx = contextFor(engine);
  const group = new CommitGroup(engine);
  const put = (name: string) => group.run(() => engine.dispatch('ssm', 'PutParameter', { Name: name, Value: 'v', Type: 'String' }, ctx));
  const committed = (name: string) => observer.db.prepare('SELECT count(*) AS n FROM parameters WHERE name = ?').get(name) as { n: number };
  const records = () => (observer.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
  return { engine, observer, ctx, group, put, committed, records };
}

/** The AWS error shape a promise rejects with, or 'ok'. */
async function settled(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return isAwsError(error) ? error.code : String(error);
  }
}

describe('group commit', () => {
  it('commits the calls of one turn together and answers none of them before the commit', async () => {
    const { engine, put, committed, records } = groupedStore();
    const before = records();
    const answers = ['/t/a', '/t/b', '/t/c'].map(put);
    // Every call has run, inside one open transaction that nothing outside can see yet.
    expect(engine.db.inTransaction).toBe(true);
    expect(committed('/t/a').n).toBe(0);
    expect(records()).toBe(before);
    const seenAtAnswer = await Promise.all(answers.map((answer, i) => answer.then(() => committed(['/t/a', '/t/b', '/t/c'][i]!).n)));
    expect(seenAtAnswer).toEqual([1, 1, 1]);
    expect(records()).toBe(before + 3);
    expect(engine.db.inTransaction).toBe(false);
    expect(verifyAuditTrail(engine).ok).toBe(true);
  });

  it('rolls a failing call back alone and still commits its failure record', async () => {
    const { engine, put, committed, records } = groupedStore();
    const before = records();
    const outcomes = await Promise.all([put('/ok/one'), put('ssm-reserved'), put('/ok/two')].map(settled));
    expect(outcomes).toEqual(['ok', 'ValidationException', 'ok']);
    expect([committed('/ok/one').n, committed('ssm-reserved').n, committed('/ok/two').n]).toEqual([1, 0, 1]);
    expect(records()).toBe(before + 3);
    const failure = engine.db.prepare("SELECT record FROM audit_events WHERE record LIKE '%\"errorCode\":\"ValidationException\"%'").get();
    expect(failure).toBeDefined();
  });

  it('fails every call of the group, unanswered, when SQLite gives the whole transaction up', async () => {
    const { engine, group, put, committed } = groupedStore();
    const first = put('/lost/one');
    // Stands for a full disk or an I/O error: SQLite rolls the whole transaction back under a call.
    const breaking = group.run(() => engine.db.exec('ROLLBACK'));
    expect(await settled(first)).toMatch(/rolled back/);
    expect(await settled(breaking)).toMatch(/rolled back/);
    expect(committed('/lost/one').n).toBe(0);
    // The next turn starts a fresh group.
    expect(await settled(put('/kept/one'))).toBe('ok');
    expect(committed('/kept/one').n).toBe(1);
  });

  it('commits nothing of a group whose audit trail cannot be extended, and fails every call of it', async () => {
    const { observer, put, committed } = groupedStore();
    observer.db.prepare('UPDATE audit_head SET mac = zeroblob(32)').run();
    const outcomes = await Promise.all([put('/forged/one'), put('/forged/two')].map(settled));
    expect(outcomes).toEqual([expect.stringMatching(/does not verify/), expect.stringMatching(/does not verify/)]);
    expect([committed('/forged/one').n, committed('/forged/two').n]).toEqual([0, 0]);
  });

  it('refuses to join a transaction it did not begin, whose commit it could not wait for', async () => {
    const { engine, group } = groupedStore();
    let joined: Promise<unknown> | undefined;
    inTransaction(engine.db, 'immediate', () => {
      joined = group.run(() => 1);
    });
    await expect(joined).rejects.toThrow(/cannot join a transaction/);
  });

  it('starts a new group for each later turn', async () => {
    const { put, committed } = groupedStore();
    await put('/turn/one');
    await put('/turn/two');
    expect([committed('/turn/one').n, committed('/turn/two').n]).toEqual([1, 1]);
  });
});
