import { describe, expect, it } from 'vitest';
import { call } from '../helpers/engine';
import { sandbox, seed } from './cli';

const EXPIRATION = { Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2099-12-31T00:00:00.000Z' } };
const WARNING = { Type: 'ExpirationNotification', Version: '1.0', Attributes: { Before: '15', Unit: 'Days' } };

/** Waits until the wall clock has passed `ms`: the binary's engine reads the system clock. */
async function clockPasses(ms: number): Promise<void> {
  while (Date.now() <= ms) await new Promise((resolve) => setTimeout(resolve, Math.max(ms - Date.now() + 1, 1)));
}

describe('parameter policies through the binary', () => {
  it('get shows the policies and their due dates on stderr and in --json, the value alone on stdout', async () => {
    const box = sandbox();
    seed(box.home, [], (engine) => {
      call(engine, 'ssm', 'PutParameter', {
        Name: '/app/token', Value: 'fake-token', Type: 'String', Tier: 'Advanced', Policies: JSON.stringify([EXPIRATION, WARNING]),
      });
    });
    const text = await box.run(['get', '/app/token']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe('fake-token');
    expect(text.stderr.split('\n').filter(Boolean)).toEqual([
      'paramdeck: policy Expiration: Pending, falls due 2099-12-31T00:00:00.000Z (deletes /app/token)',
      'paramdeck: policy ExpirationNotification: Pending, falls due 2099-12-16T00:00:00.000Z',
    ]);
    const json = JSON.parse((await box.run(['get', '/app/token', '--json'])).stdout) as { policies: unknown[] };
    expect(json.policies).toEqual([
      { type: 'Expiration', status: 'Pending', dueAt: '2099-12-31T00:00:00.000Z', text: JSON.stringify(EXPIRATION) },
      { type: 'ExpirationNotification', status: 'Pending', dueAt: '2099-12-16T00:00:00.000Z', text: JSON.stringify(WARNING) },
    ]);
  });

  it('deletes a parameter whose Expiration passed, and the audit trail shows who did it and still verifies', async () => {
    const box = sandbox();
    // Not deleted before it is due: test/engine/parameters/policies.test.ts shows that on a manual clock.
    const due = Date.now() + 1000;
    seed(box.home, [{ name: '/app/kept', value: 'v' }], (engine) => {
      const expiring = [{ ...EXPIRATION, Attributes: { Timestamp: new Date(due).toISOString() } }];
      call(engine, 'ssm', 'PutParameter', { Name: '/app/short', Value: 'fake', Type: 'String', Tier: 'Advanced', Policies: JSON.stringify(expiring) });
    });
    await clockPasses(due);
    const gone = await box.run(['get', '/app/short']);
    expect(gone.code).toBe(4);
    expect((await box.run(['get', '/app/kept'])).stdout).toBe('v');
    const records = (await box.run(['audit', '--json'])).stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.find((r) => r.eventType === 'AwsServiceEvent')).toMatchObject({
      eventName: 'DeleteParameter',
      userIdentity: { type: 'AWSService', invokedBy: 'ssm.amazonaws.com' },
      serviceEventDetails: { 'parameter-name': '/app/short', 'policy-type': 'Expiration' },
    });
    expect((await box.run(['audit', 'verify'])).code).toBe(0);
  });
});
