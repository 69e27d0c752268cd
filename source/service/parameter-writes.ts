import {
  AddTagsToResourceCommand, DeleteParameterCommand, DeleteParametersCommand, LabelParameterVersionCommand,
  PutParameterCommand, RemoveTagsFromResourceCommand, UnlabelParameterVersionCommand, type SSMClient,
} from '@aws-sdk/client-ssm';
import type { ParameterInput, ParameterWriter, Tag } from './capabilities';
import { mapErrors, ServiceError } from './errors';
import { opt } from './mappers';

// DeleteParameters takes at most ten names per call.
const DELETE_BATCH = 10;

/**
 * The ParameterWriter half of SdkService, kept in its own file so each stays readable. In
 * read-only mode every write is refused here, before any request is sent, whatever the UI shows.
 */
export abstract class ParameterWrites implements ParameterWriter {
  protected constructor(
    private readonly ssm: SSMClient,
    protected readonly readOnly: boolean,
  ) {}

  async putParameter(input: ParameterInput): Promise<{ version: number; tier?: string }> {
    this.refuseWhenReadOnly('PutParameter');
    const tags = input.tags?.map(toSdkTag);
    const out = await mapErrors(
      () => this.ssm.send(new PutParameterCommand({
        Name: input.name,
        Value: input.value,
        Type: input.type,
        ...opt('Description', input.description),
        ...opt('KeyId', input.keyId),
        ...opt('Overwrite', input.overwrite),
        ...opt('Tier', input.tier),
        ...opt('AllowedPattern', input.allowedPattern),
        ...opt('DataType', input.dataType),
        ...opt('Policies', input.policies),
        ...opt('Tags', tags),
      })),
      // An endpoint may quote the value in a validation message; it never reaches the caller.
      [input.value],
    );
    return { version: out.Version ?? 0, ...opt('tier', out.Tier) };
  }

  async deleteParameter(name: string): Promise<void> {
    this.refuseWhenReadOnly('DeleteParameter');
    await mapErrors(() => this.ssm.send(new DeleteParameterCommand({ Name: name })));
  }

  async deleteParameters(names: readonly string[]): Promise<{ deleted: string[]; invalid: string[] }> {
    this.refuseWhenReadOnly('DeleteParameters');
    const deleted: string[] = [];
    const invalid: string[] = [];
    for (let i = 0; i < names.length; i += DELETE_BATCH) {
      const batch = names.slice(i, i + DELETE_BATCH);
      const out = await mapErrors(() => this.ssm.send(new DeleteParametersCommand({ Names: batch })));
      deleted.push(...(out.DeletedParameters ?? []));
      invalid.push(...(out.InvalidParameters ?? []));
    }
    return { deleted, invalid };
  }

  async labelVersion(name: string, labels: readonly string[], version?: number): Promise<{ version?: number; invalidLabels: string[] }> {
    this.refuseWhenReadOnly('LabelParameterVersion');
    const out = await mapErrors(() => this.ssm.send(
      new LabelParameterVersionCommand({ Name: name, Labels: [...labels], ...opt('ParameterVersion', version) }),
    ));
    return { ...opt('version', out.ParameterVersion), invalidLabels: out.InvalidLabels ?? [] };
  }

  async unlabelVersion(name: string, version: number, labels: readonly string[]): Promise<{ removed: string[]; invalid: string[] }> {
    this.refuseWhenReadOnly('UnlabelParameterVersion');
    const out = await mapErrors(() => this.ssm.send(
      new UnlabelParameterVersionCommand({ Name: name, ParameterVersion: version, Labels: [...labels] }),
    ));
    return { removed: out.RemovedLabels ?? [], invalid: out.InvalidLabels ?? [] };
  }

  async tagParameter(name: string, tags: readonly Tag[]): Promise<void> {
    this.refuseWhenReadOnly('AddTagsToResource');
    await mapErrors(() => this.ssm.send(
      new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: name, Tags: tags.map(toSdkTag) }),
    ));
  }

  async untagParameter(name: string, keys: readonly string[]): Promise<void> {
    this.refuseWhenReadOnly('RemoveTagsFromResource');
    await mapErrors(() => this.ssm.send(
      new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId: name, TagKeys: [...keys] }),
    ));
  }

  /** Throws before any request when the service was opened with --read-only. */
  protected refuseWhenReadOnly(action: string): void {
    if (this.readOnly) throw new ServiceError('AccessDenied', 'ReadOnlyMode', `${action} is refused: paramdeck runs with --read-only`);
  }
}

function toSdkTag(tag: Tag): { Key: string; Value: string } {
  return { Key: tag.key, Value: tag.value };
}
