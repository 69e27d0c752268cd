import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { verifyAuditTrail } from '../../../source/engine/audit/verify';
import { manualClock } from '../../../source/engine/clock';
import { Engine } from '../../../source/engine/engine';
import { sweepDuePolicies } from '../../../source/engine/parameters/policy-sweep';
import { testEngine } from '../../helpers/engine';
import { tempHome } from '../../helpers/temp-home';
import { auditEvents } from '../identity/support';
import { expectAwsError, put, ssm, type HistoryOut, type MetadataOut, type Page } from './support';

const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const HOUR = 3_600_000;

const expiration = (timestamp: string) => ({ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: timestamp } });
const warning = (before: string, unit = 'Days') => ({ Type: 'ExpirationNotification', Version: '1.0', Attributes: { Before: before, Unit: unit } });
const noChange = (after: string, unit = 'Days') => ({ Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: after, Unit: unit } });

function policyEngine() {
  const clock = manualClock(START);
  return { engine: testEngine({ clock }), clock };
}

function putWith(engine: Engine, name: string, policies: object[], extra: object = {}) {
  return put(engine, name, 'not-a-real-secret', { Tier: 'Advanced', Policies: JSON.stringify(policies), ...extra });
}

function described(engine: Engine, name: string): MetadataOut | undefined {
  return ssm<Page<MetadataOut>>(engine, 'DescribeParameters', { ParameterFilters: [{ Key: 'Name', Values: [name] }] }).Parameters[0];
}

function statuses(engine: Engine, name: string): string[] {
  return (described(engine, name)?.Policies ?? []).map((p) => `${p.PolicyType}:${p.PolicyStatus}`);
}

/** The events SSM wrote by itself, as [eventName, parameter]. */
function serviceEvents(engine: Engine): [string, string][] {
  return auditEvents(engine)
    .filter((e) => e.eventType === 'AwsServiceEvent')
    .map((e) => [e.eventName as string, (e.serviceEventDetails as Record<string, string>)['parameter-name']!]);
}

describe('PutParameter Policies validation', () => {
  it.each([
    ['ISO_INSTANT', [expiration('2026-12-31T00:00:00.000Z')]],
    ['ISO_OFFSET_DATE_TIME with seconds in the offset', [expiration('2026-11-01T22:13:48.87+10:30:00')]],
    ['all three types', [expiration('2026-12-31T00:00:00Z'), warning('15'), noChange('20', 'Hours')]],
    ['a notification without an Expiration', [warning('2')]],
  ])('accepts %s', (_label, policies) => {
    const { engine } = policyEngine();
    expect(putWith(engine, '/ok', policies).Tier).toBe('Advanced');
    expect(described(engine, '/ok')!.Policies.map((p) => JSON.parse(p.PolicyText) as object)).toEqual(policies);
  });

  it.each([
    ['a Version other than 1.0', [{ ...expiration('2026-12-31T00:00:00Z'), Version: '2.0' }], 'InvalidPolicyAttributeException', /Version must be "1.0"/],
    ['a missing Attributes object', [{ Type: 'Expiration', Version: '1.0' }], 'InvalidPolicyAttributeException', /needs an Attributes object/],
    ['an unknown member', [{ ...noChange('1'), Extra: 1 }], 'InvalidPolicyAttributeException', /Unknown member Extra/],
    ['an attribute of another type', [{ Type: 'Expiration', Version: '1.0', Attributes: { After: '1', Unit: 'Days' } }], 'InvalidPolicyAttributeException', /not After/],
    ['a missing Unit', [{ Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '1' } }], 'InvalidPolicyAttributeException', /needs the attribute Unit/],
    ['a Timestamp that is not ISO 8601', [expiration('31/12/2026')], 'InvalidPolicyAttributeException', /ISO 8601/],
    ['a date that does not exist', [expiration('2026-02-30T00:00:00Z')], 'InvalidPolicyAttributeException', /ISO 8601/],
    ['a Timestamp in the past', [expiration('2025-12-31T23:59:59Z')], 'InvalidPolicyAttributeException', /must be in the future/],
    ['a Unit other than Days or Hours', [warning('15', 'Weeks')], 'InvalidPolicyAttributeException', /Days or Hours/],
    ['a count that is not a positive whole number', [noChange('-3')], 'InvalidPolicyAttributeException', /positive whole number/],
    ['a policy that is not an object', ['Expiration'], 'InvalidPolicyAttributeException', /JSON object/],
    ['two notifications of one type', [noChange('1'), noChange('2')], 'IncompatiblePolicyException', /conflict/],
  ])('refuses %s', (_label, policies, code, message) => {
    const { engine } = policyEngine();
    expectAwsError(() => putWith(engine, '/bad', policies as object[]), code, message);
  });

  it('keeps policies across an update that omits them, and an empty list removes them', () => {
    const { engine } = policyEngine();
    putWith(engine, '/p', [noChange('30')]);
    put(engine, '/p', 'next', { Overwrite: true });
    expect(statuses(engine, '/p')).toEqual(['NoChangeNotification:Pending']);
    put(engine, '/p', 'last', { Overwrite: true, Policies: '[]' });
    expect(statuses(engine, '/p')).toEqual([]);
    const history = ssm<Page<HistoryOut>>(engine, 'GetParameterHistory', { Name: '/p' }).Parameters;
    expect(history.map((v) => v.Policies.length)).toEqual([1, 1, 0]);
  });
});

describe('policies falling due', () => {
  it('deletes an expired parameter when due, not before, and audits it as ssm.amazonaws.com', () => {
    const { engine, clock } = policyEngine();
    putWith(engine, '/tmp/token', [expiration('2026-01-10T00:00:00Z')]);
    put(engine, '/tmp/kept', 'v');
    clock.set(Date.UTC(2026, 0, 9, 23, 59, 59));
    expect(sweepDuePolicies(engine)).toEqual({ deleted: [], notified: [], nextDueMs: Date.UTC(2026, 0, 10) });
    expect(described(engine, '/tmp/token')).toBeDefined();
    clock.set(Date.UTC(2026, 0, 10));
    expect(sweepDuePolicies(engine).deleted).toEqual(['/tmp/token']);
    expect(described(engine, '/tmp/token')).toBeUndefined();
    expect(described(engine, '/tmp/kept')).toBeDefined();
    const deletion = auditEvents(engine).at(-1)!;
    expect(deletion).toMatchObject({
      eventName: 'DeleteParameter',
      eventSource: 'ssm.amazonaws.com',
      eventType: 'AwsServiceEvent',
      eventTime: '2026-01-10T00:00:00Z',
      userIdentity: { type: 'AWSService', invokedBy: 'ssm.amazonaws.com' },
      serviceEventDetails: { 'parameter-name': '/tmp/token', 'policy-type': 'Expiration', 'action-status': 'Finished', 'parameter-type': 'Advanced' },
    });
    expect(JSON.stringify(auditEvents(engine))).not.toContain('not-a-real-secret');
    expect(verifyAuditTrail(engine).ok).toBe(true);
  });

  it('sends a notification once when due, marks it Finished, then expires the parameter', () => {
    const { engine, clock } = policyEngine();
    putWith(engine, '/app/key', [expiration('2026-01-20T00:00:00Z'), warning('2')]);
    expect(statuses(engine, '/app/key')).toEqual(['Expiration:Pending', 'ExpirationNotification:Pending']);
    clock.set(Date.UTC(2026, 0, 18));
    expect(sweepDuePolicies(engine).notified).toEqual([{ name: '/app/key', type: 'ExpirationNotification' }]);
    expect(sweepDuePolicies(engine).notified).toEqual([]);
    expect(statuses(engine, '/app/key')).toEqual(['Expiration:Pending', 'ExpirationNotification:Finished']);
    // Updating the value neither moves the expiration nor sends the warning again.
    put(engine, '/app/key', 'rotated', { Overwrite: true });
    expect(sweepDuePolicies(engine).notified).toEqual([]);
    clock.set(Date.UTC(2026, 0, 20));
    expect(sweepDuePolicies(engine).deleted).toEqual(['/app/key']);
    expect(serviceEvents(engine)).toEqual([
      ['ExpirationNotification', '/app/key'],
      ['DeleteParameter', '/app/key'],
    ]);
    expect(verifyAuditTrail(engine).ok).toBe(true);
  });

  it('sends NoChangeNotification after the wait since the last change, and waits again after a new version', () => {
    const { engine, clock } = policyEngine();
    putWith(engine, '/app/stale', [noChange('12', 'Hours')]);
    clock.advance(11 * HOUR);
    put(engine, '/app/stale', 'changed', { Overwrite: true });
    clock.advance(11 * HOUR);
    expect(sweepDuePolicies(engine)).toMatchObject({ notified: [], nextDueMs: START + 23 * HOUR });
    clock.advance(HOUR);
    expect(sweepDuePolicies(engine).notified).toEqual([{ name: '/app/stale', type: 'NoChangeNotification' }]);
    expect(statuses(engine, '/app/stale')).toEqual(['NoChangeNotification:Finished']);
    put(engine, '/app/stale', 'changed again', { Overwrite: true });
    expect(statuses(engine, '/app/stale')).toEqual(['NoChangeNotification:Pending']);
  });

  /** A closed store holding /short/lived, due a day after START; `meanwhile` acts on the closed file; reopened two days later. */
  function reopenedAfterExpiry(meanwhile: (home: string) => void = () => undefined): Engine {
    const home = tempHome();
    const clock = manualClock(START);
    const first = Engine.open({ home, clock });
    putWith(first, '/short/lived', [expiration('2026-01-02T00:00:00Z')]);
    first.close();
    meanwhile(home);
    clock.advance(2 * DAY);
    const engine = Engine.open({ home, clock });
    onTestFinished(() => engine.close());
    return engine;
  }

  it('carries out what fell due while the store was closed when it is opened', () => {
    const engine = reopenedAfterExpiry();
    expect(described(engine, '/short/lived')).toBeUndefined();
    expect(serviceEvents(engine)).toEqual([['DeleteParameter', '/short/lived']]);
    expect(verifyAuditTrail(engine).ok).toBe(true);
  });

  it('still opens a store whose trail does not verify, and leaves what is due undone rather than audit it there', () => {
    const engine = reopenedAfterExpiry((home) => {
      const file = new Database(join(home, 'paramdeck.db'));
      file.prepare('UPDATE audit_head SET mac = zeroblob(32)').run();
      file.close();
    });
    expect(described(engine, '/short/lived')).toBeDefined();
    expect(verifyAuditTrail(engine).ok).toBe(false);
  });
});
