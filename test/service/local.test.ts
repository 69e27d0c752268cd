import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../source/engine/engine';
import { firstActiveKey } from '../../source/engine/identity/access-keys';
import { ADMIN_PRINCIPAL } from '../../source/engine/identity/bootstrap';
import { InProcessHandler } from '../../source/protocol/in-process';
import { localServiceOptions } from '../../source/service/options';
import { SdkService } from '../../source/service/sdk-service';
import { serviceContract } from './contract';

// The local engine in-process, wired as source/target.ts wires the TUI: no socket, the SDK's
// requests go through the in-process handler and the engine's SigV4 check.
serviceContract({
  name: 'local',
  async start() {
    const dir = mkdtempSync(join(tmpdir(), 'paramdeck-contract-'));
    const engine = Engine.open({ home: join(dir, 'home') });
    const admin = firstActiveKey(engine, ADMIN_PRINCIPAL);
    const options = localServiceOptions({
      requestHandler: new InProcessHandler(engine),
      credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
      region: engine.region,
    });
    return {
      accessKeyId: admin.accessKeyId,
      service: (overrides = {}) => new SdkService({ ...options, ...overrides }),
      async stop() {
        engine.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
