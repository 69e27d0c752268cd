import { createAccessKey } from '../../source/engine/identity/access-keys';
import { putPrincipalPolicy } from '../../source/engine/identity/policies';
import { createPrincipal } from '../../source/engine/identity/principals';
import { auditorPolicy } from '../../source/commands/demo';
import { AUDITOR, AUDITOR_POLICY_NAME } from '../../source/commands/demo-auditor';
import type { Engine } from '../../source/engine/engine';
import type { AuditEvent } from '../../source/service/types';
import type { BrowserService } from '../../source/ui/ui-context';
import { ACCOUNT, seedSample } from './fixtures';
import { renderApp, settled, type AppHandle } from './render-app';
import { KEYS } from './terminal-streams';

/** Keys a terminal sends that KEYS lacks: clear the field up to the cursor. */
export const CTRL_U = '\u0015';

/** The sample store, with the demo's `auditor` (who may read but not write) added. */
export function seedWithAuditor(engine: Engine, advance: (ms: number) => void): void {
  seedSample(engine, advance);
  createPrincipal(engine, AUDITOR);
  createAccessKey(engine, AUDITOR);
  putPrincipalPolicy(engine, AUDITOR, AUDITOR_POLICY_NAME, auditorPolicy(`arn:aws:kms:us-east-1:${ACCOUNT}:key/none`));
}

/** The app on the sample store, its root listing drawn. */
export async function openApp(options: Parameters<typeof renderApp>[0] = {}): Promise<AppHandle> {
  const app = await renderApp(options);
  await app.waitFor((f) => settled(f) && f.includes('payments/'));
  return app;
}

/** Opens a parameter's detail through the filter (its best match). */
export async function openDetail(app: AppHandle, query: string, name: string): Promise<void> {
  await app.press('/', query, KEYS.enter);
  await app.waitFor((f) => f.includes(`Parameter ${name}`) && !f.includes('loading…'));
}

/** A frame's text with the box borders and line breaks gone, so a message wrapped in a dialog reads whole. */
export function flat(text: string): string {
  return text.replace(/[│\s]/g, '');
}

/** Every frame the app wrote, as text: a secret typed into a form must be in none of them. */
export function allFrames(app: AppHandle): string {
  return app.stdout.frames.join('\n');
}

/** The access trail as the admin's service reads it: refusals included. */
export async function auditTrail(service: BrowserService): Promise<AuditEvent[]> {
  return (await service.auditEvents({ lookups: [{ attribute: 'EventSource', value: 'ssm.amazonaws.com' }] }).collect()).items;
}
