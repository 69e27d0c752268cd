import { describe, expect, it } from 'vitest';
import { createAccessKey } from '../../source/engine/identity/access-keys';
import { createPrincipal } from '../../source/engine/identity/principals';
import { ServiceError } from '../../source/service/errors';
import { pagedListing } from '../../source/service/listing';
import type { ParameterSummary } from '../../source/service/types';
import { seedSample } from './fixtures';
import { renderApp, settled } from './render-app';

const RED = '\u001b[31m';

describe('error flashes', () => {
  it('an unreachable endpoint is flashed in red with its own words, and the app keeps running', async () => {
    const refused = new ServiceError('Unavailable', 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4583');
    const app = await renderApp({
      service: (real) =>
        Object.assign(Object.create(real) as typeof real, {
          listParameters: () => pagedListing<ParameterSummary, string>(async () => {
            throw refused;
          }, { }, { retries: 0, baseMs: 1, maxMs: 1, random: () => 0 }),
        }),
    });
    const frame = await app.waitFor('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:4583');
    expect(frame).toContain('could not list the parameters');
    expect(app.rawFrame()).toContain(`${RED}ECONNREFUSED: connect ECONNREFUSED`);
    await app.press('2');
    await app.waitFor((f) => settled(f) && f.includes('alias/payments'));
  });

  it("AccessDenied from the store's own policy check shows AWS's text in red", async () => {
    const app = await renderApp({
      as: 'nobody',
      seed: (engine, advance) => {
        seedSample(engine, advance);
        createPrincipal(engine, 'nobody');
        createAccessKey(engine, 'nobody');
      },
    });
    const frame = await app.waitFor('AccessDeniedException');
    // The pane shows AWS's whole message, wrapped; the flash line shows as much as fits.
    expect(frame.replace(/\s+/g, ' ')).toContain('User: arn:aws:iam::123456789012:user/nobody is not authorized to perform: ssm:DescribeParameters');
    expect(app.rawFrame()).toContain(`${RED}AccessDeniedException: User: arn:aws:iam::123456789012:user/nobody`);
  });

  it("a detail whose parameter vanished flashes AWS's ParameterNotFound and stays usable", async () => {
    const app = await renderApp({
      service: (real) =>
        Object.assign(Object.create(real) as typeof real, {
          getParameter: async (name: string) => {
            throw new ServiceError('NotFound', 'ParameterNotFound', `Parameter ${name} not found.`);
          },
        }),
    });
    await app.waitFor((f) => settled(f) && f.includes('payments/'));
    await app.press('G', 'l');
    const frame = await app.waitFor('ParameterNotFound: Parameter plain-name not found.');
    expect(frame).toContain('could not load');
    await app.press('h');
    await app.waitFor('Parameters /  tree');
  });
});
