import { SdkService } from '../../source/service/sdk-service';
import { serviceContract } from './contract';
import { startMoto } from './moto-server';

// moto_server as a stand-in for real AWS: it speaks the same wire protocols but checks no
// signatures or permissions, does not really encrypt, and has no CloudTrail LookupEvents.
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

serviceContract({
  name: 'moto',
  async start() {
    const moto = await startMoto();
    return {
      accessKeyId: ACCESS_KEY_ID,
      service: (overrides = {}) =>
        new SdkService({
          region: 'us-east-1',
          endpoint: moto.endpoint,
          credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'moto-secret' },
          maxAttempts: 2,
          ...overrides,
        }),
      stop: () => moto.stop(),
    };
  },
});
