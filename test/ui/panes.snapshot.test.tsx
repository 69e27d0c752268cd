import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../source/service/types';
import { pagedListing } from '../../source/service/listing';
import { KEYS } from './terminal-streams';
import { renderApp, settled, stable, type AppHandle } from './render-app';

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 160, rows: 48 },
] as const;

const EVENTS: AuditEvent[] = [
  { id: '1', time: new Date(Date.UTC(2026, 0, 3, 9, 15, 2)), eventName: 'GetParameter', eventSource: 'ssm.amazonaws.com', username: 'admin', readOnly: true, parameterNames: ['/payments/prod/db/url'] },
  {
    id: '2', time: new Date(Date.UTC(2026, 0, 3, 9, 16, 40)), eventName: 'Decrypt', eventSource: 'kms.amazonaws.com', username: 'auditor', readOnly: true,
    parameterNames: ['/payments/prod/db/password'], keyArn: 'arn:aws:kms:us-east-1:123456789012:key/payments', errorCode: 'AccessDenied', errorMessage: 'denied',
  },
  { id: '3', time: new Date(Date.UTC(2026, 0, 2, 18, 0, 0)), eventName: 'PutParameter', eventSource: 'ssm.amazonaws.com', username: 'admin', readOnly: false, parameterNames: ['/search/prod/motd'] },
];

/** How to reach each screen from the start (keys, or text to wait for), and what shows it is ready. */
const SCREENS: { name: string; seed?: 'empty'; keys: (string | { wait: string })[]; ready: string }[] = [
  { name: 'parameters tree', keys: [], ready: 'payments/' },
  { name: 'folder drilled in', keys: [KEYS.enter], ready: 'Parameters /payments' },
  { name: 'flat list', keys: ['t'], ready: 'flat ·' },
  { name: 'filter', keys: ['/', 'p', 'w', 'd'], ready: '/pwd' },
  { name: 'detail (SecureString)', keys: ['/', 'd', 'b', 'p', 'a', 's', 's', KEYS.enter], ready: 'Tags' },
  { name: 'detail (long String value)', keys: ['/', 'm', 'o', 't', 'd', KEYS.enter], ready: 'Banner shown' },
  { name: 'history', keys: ['/', 'd', 'b', 'p', 'a', 's', 's', KEYS.enter, 'v'], ready: 'previous' },
  { name: 'keys', keys: ['2'], ready: 'alias/payments' },
  { name: 'key detail', keys: ['2', { wait: 'alias/payments' }, 'j', KEYS.enter], ready: 'Key policy' },
  { name: 'audit', keys: ['3'], ready: 'AccessDenied' },
  { name: 'help', keys: ['?'], ready: 'navigation' },
  { name: 'welcome', seed: 'empty', keys: [], ready: 'Welcome to paramdeck' },
];

async function open(screen: (typeof SCREENS)[number], size: (typeof SIZES)[number]): Promise<AppHandle> {
  const app = await renderApp({
    ...size,
    ...(screen.seed ? { seed: screen.seed } : {}),
    loadDemo: async () => undefined,
    service: (real) =>
      Object.assign(Object.create(real) as typeof real, {
        auditEvents: () => pagedListing<AuditEvent, string>(async () => ({ items: EVENTS })),
      }),
  });
  // The header's identity loads just after the first page of parameters (use-browser-data.ts).
  await app.waitFor((f) => settled(f) && (f.includes('payments/') || f.includes('Welcome')) && f.includes('arn:aws:iam'));
  for (const step of screen.keys) {
    if (typeof step === 'string') await app.press(step);
    else await app.waitFor((f) => settled(f) && f.includes(step.wait));
  }
  await app.waitFor((f) => settled(f) && f.includes(screen.ready));
  return app;
}

describe.each(SIZES)('every pane at $columns×$rows', (size) => {
  it.each(SCREENS)('$name', async (screen) => {
    const app = await open(screen, size);
    const frame = app.frame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(size.columns);
    expect(stable(frame)).toMatchSnapshot();
  });
});
