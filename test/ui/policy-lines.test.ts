import './terminal-env';
import { describe, expect, it } from 'vitest';
import type { ParameterPolicy } from '../../source/service/types';
import type { Segment } from '../../source/ui/render/detail-lines';
import { parameterDetailLines } from '../../source/ui/render/parameter-detail';
import { policyLines } from '../../source/ui/render/policy-lines';

const NOW = new Date(Date.UTC(2026, 11, 1));

function policy(type: string, attributes: object, status: string, dueAt?: Date): ParameterPolicy {
  return { type, status, text: JSON.stringify({ Type: type, Version: '1.0', Attributes: attributes }), ...(dueAt ? { dueAt } : {}) };
}

const EXPIRATION = policy('Expiration', { Timestamp: '2026-12-31T00:00:00.000Z' }, 'Pending', new Date(Date.UTC(2026, 11, 31)));
const WARNING = policy('ExpirationNotification', { Before: '15', Unit: 'Days' }, 'Finished', new Date(Date.UTC(2026, 11, 16)));
const STALE = policy('NoChangeNotification', { After: '12', Unit: 'Hours' }, 'Pending', new Date(Date.UTC(2026, 10, 30, 18)));

describe('the policies in the detail pane', () => {
  it.each([
    ['an Expiration says it deletes the parameter, and when', EXPIRATION, 'Expiration  Pending  deletes the parameter 2026-12-31 00:00, in 1 month'],
    ['a notification before expiry says how long before', WARNING, 'ExpirationNotification  Finished  notifies before expiry (15 Days) 2026-12-16 00:00, in 15 days'],
    ['a NoChangeNotification already due reads as past', STALE, 'NoChangeNotification  Pending  notifies if unchanged (12 Hours) 2026-11-30 18:00, 6 hours ago'],
    ['a policy with no due date says it never falls due', policy('ExpirationNotification', { Before: '2', Unit: 'Hours' }, 'Pending'), 'ExpirationNotification  Pending  notifies before expiry (2 Hours) never falls due'],
  ])('%s', (_label, given, line) => {
    expect(policyLines([given], NOW)).toEqual([line]);
  });

  it('lists each policy on its own line under Policies, made terminal-safe', () => {
    const hostile = { ...STALE, type: 'NoChangeNotification\u001b[2J' };
    const summary = { name: '/app/token', type: 'String' as const, version: 2, policies: [EXPIRATION, hostile] };
    const lines = parameterDetailLines({ summary: summary as never }, new Map(), 120, NOW);
    const text = lines.map((line) => line.map((segment: Segment) => ('text' in segment ? segment.text : '•')).join('').trimEnd());
    const at = text.findIndex((line) => line.startsWith('Policies'));
    expect(text[at]).toBe('Policies        Expiration  Pending  deletes the parameter 2026-12-31 00:00, in 1 month');
    expect(text[at + 1]).toBe(' '.repeat(16) + 'NoChangeNotification\\x1b[2J  Pending  applies (12 Hours) 2026-11-30 18:00, 6 hours ago');
    expect(text.join('\n')).not.toContain('\u001b');
  });
});
