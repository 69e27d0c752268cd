// In-process rates of the local KMS (Encrypt, Decrypt) and of SecureString put/get, each printed
// beside the plain-String rate measured in the same run, so the cost of real encryption shows.
import { adminContext, benchEngine, rate, row } from './support';

const { engine, dispose } = benchEngine();
try {
  const ctx = adminContext(engine);
  const call = (service: 'ssm' | 'kms', op: string, input: object) => engine.dispatch(service, op, input, ctx);
  const { KeyMetadata } = call('kms', 'CreateKey', { Description: 'bench key' }) as { KeyMetadata: { KeyId: string } };
  const keyId = KeyMetadata.KeyId;
  const plaintext = Buffer.from('fake-secret-value-for-benchmarks-0123456789');
  const context = { PARAMETER_ARN: engine.parameterArn('/bench/x') };
  const { CiphertextBlob } = call('kms', 'Encrypt', { KeyId: keyId, Plaintext: plaintext, EncryptionContext: context }) as { CiphertextBlob: Buffer };

  const encrypt = rate(() => void call('kms', 'Encrypt', { KeyId: keyId, Plaintext: plaintext, EncryptionContext: context }));
  const decrypt = rate(() => void call('kms', 'Decrypt', { CiphertextBlob, EncryptionContext: context }));

  let n = 0;
  const putString = rate(() => void call('ssm', 'PutParameter', { Name: `/bench/plain/p${n++}`, Value: 'fake-value', Type: 'String' }));
  const putSecure = rate(() => void call('ssm', 'PutParameter', { Name: `/bench/secure/s${n++}`, Value: 'fake-value', Type: 'SecureString', KeyId: keyId }));
  const putAdvanced = rate(() => void call('ssm', 'PutParameter', { Name: `/bench/adv/a${n++}`, Value: 'fake-value', Type: 'SecureString', Tier: 'Advanced' }));
  call('ssm', 'PutParameter', { Name: '/bench/one/plain', Value: 'fake-value', Type: 'String' });
  call('ssm', 'PutParameter', { Name: '/bench/one/secure', Value: 'fake-value', Type: 'SecureString', KeyId: keyId });
  call('ssm', 'PutParameter', { Name: '/bench/one/advanced', Value: 'fake-value', Type: 'SecureString', Tier: 'Advanced' });
  const getString = rate(() => void call('ssm', 'GetParameter', { Name: '/bench/one/plain' }));
  const getSecure = rate(() => void call('ssm', 'GetParameter', { Name: '/bench/one/secure', WithDecryption: true }));
  const getAdvanced = rate(() => void call('ssm', 'GetParameter', { Name: '/bench/one/advanced', WithDecryption: true }));

  const widths = [46, 12, 10];
  console.log(row(['operation (in-process)', 'ops/s', 'vs String'], widths));
  console.log(row(['kms Encrypt (43 bytes)', encrypt, ''], widths));
  console.log(row(['kms Decrypt', decrypt, ''], widths));
  console.log(row(['PutParameter String', putString, '1.00'], widths));
  console.log(row(['PutParameter SecureString (Standard, Encrypt)', putSecure, (putSecure / putString).toFixed(2)], widths));
  console.log(row(['PutParameter SecureString (Advanced, envelope)', putAdvanced, (putAdvanced / putString).toFixed(2)], widths));
  console.log(row(['GetParameter String', getString, '1.00'], widths));
  console.log(row(['GetParameter SecureString WithDecryption', getSecure, (getSecure / getString).toFixed(2)], widths));
  console.log(row(['GetParameter Advanced WithDecryption', getAdvanced, (getAdvanced / getString).toFixed(2)], widths));
} finally {
  dispose();
}
