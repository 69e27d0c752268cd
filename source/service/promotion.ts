import type { ParameterInput, ParameterReader, ParameterWriter } from './capabilities';
import type { PlannedChange, PromoteSides } from './promotion-plan';
import type { RevealedValue } from './revealed-value';

/** How a promotion reads its sides. */
export interface PromotionOptions {
  /** The target's KMS key for SecureStrings; the plan marks a secret under another key as changed. */
  keyId?: string | undefined;
  deleteExtra?: boolean | undefined;
  /** Decrypt SecureStrings on both sides (audited) so the plan can tell which are unchanged. */
  compareSecrets?: boolean | undefined;
}

async function collect<T>(listing: { collect(): Promise<{ items: T[]; error?: Error | undefined }> }): Promise<T[]> {
  const result = await listing.collect();
  if (result.error) throw result.error;
  return result.items;
}

/** Both listings, and the values the plan may compare: plain ones always, SecureStrings only with compareSecrets. */
export async function readPromotionSides(service: ParameterReader, sourcePath: string, targetPath: string, options: PromotionOptions): Promise<PromoteSides> {
  const values = async (path: string): Promise<Map<string, string>> => {
    if (options.compareSecrets) return new Map((await collect(service.revealPath(path, { recursive: true }))).map((r) => [r.name, r.plaintext()]));
    const read = await collect(service.readPath(path, { recursive: true }));
    return new Map(read.flatMap((p) => (p.value.kind === 'plain' ? [[p.name, p.value.text] as const] : [])));
  };
  return {
    sourcePath,
    targetPath,
    source: await collect(service.listParameters({ path: sourcePath, recursive: true })),
    target: await collect(service.listParameters({ path: targetPath, recursive: true })),
    sourceValues: await values(sourcePath),
    targetValues: await values(targetPath),
    keyId: options.keyId,
    deleteExtra: options.deleteExtra ?? false,
  };
}

/**
 * The puts that make the target mirror the source: its type, description, Advanced tier, pattern
 * and data type, SecureStrings under the sides' key. Every SecureString is decrypted (and so
 * audited) here, before the first write, so a refused decrypt writes nothing.
 */
export async function promotionPuts(service: ParameterReader, sides: PromoteSides, writes: readonly PlannedChange[]): Promise<ParameterInput[]> {
  const secrets = new Map<string, RevealedValue>();
  for (const change of writes) {
    if (change.source!.type === 'SecureString') secrets.set(change.source!.name, await service.reveal(change.source!.name));
  }
  return writes.map((change) => {
    const source = change.source!;
    return {
      name: `${sides.targetPath}/${change.relative}`,
      value: source.type === 'SecureString' ? secrets.get(source.name)!.plaintext() : sides.sourceValues.get(source.name)!,
      type: source.type,
      overwrite: true,
      ...(source.type === 'SecureString' && sides.keyId ? { keyId: sides.keyId } : {}),
      ...(source.description ? { description: source.description } : {}),
      ...(source.tier === 'Advanced' ? { tier: 'Advanced' as const } : {}),
      ...(source.allowedPattern ? { allowedPattern: source.allowedPattern } : {}),
      ...(source.dataType && source.dataType !== 'text' ? { dataType: source.dataType } : {}),
    };
  });
}

/** A promotion that stopped at a write: exactly which names landed and which did not. */
export class PromotionStopped extends Error {
  constructor(
    readonly at: string,
    readonly written: readonly string[],
    readonly notWritten: readonly string[],
    readonly failure: unknown,
  ) {
    super(`promote stopped at ${at}`);
    this.name = 'PromotionStopped';
  }
}

/**
 * Writes one by one, telling `onWritten` as each lands. SSM has no transaction across
 * parameters: a failure after some writes throws PromotionStopped with what was and was not written.
 */
export async function writePromotion(service: ParameterWriter, puts: readonly ParameterInput[], onWritten: (put: ParameterInput, version: number) => void): Promise<void> {
  for (const [index, put] of puts.entries()) {
    let version: number;
    try {
      ({ version } = await service.putParameter(put));
    } catch (error) {
      throw new PromotionStopped(put.name, puts.slice(0, index).map((p) => p.name), puts.slice(index).map((p) => p.name), error);
    }
    onWritten(put, version);
  }
}
