import type { Dispatch } from 'react';
import type { ParameterReader, ParameterWriter } from '../../service/capabilities';
import { namingProblems, planPromotion, writesOf, type PlannedChange, type PromoteSides } from '../../service/promotion-plan';
import { previewLines, type PreviewWording } from '../../service/promotion-preview';
import { PromotionStopped, promotionPuts, readPromotionSides, writePromotion } from '../../service/promotion';
import { promoteDialog, type PromoteDialog, type PromoteRequest } from '../state/promote-dialog';
import { errorText, type UiAction } from '../state/ui-state';
import { listingError } from './listing-error';

/** The preview's words for what the TUI offers: no secret comparison, an "extras: delete" choice. */
const TUI_WORDING: PreviewWording = {
  mayDiffer: 'may differ (not decrypted to compare)',
  extra: 'only in the target (kept: "extras: delete" removes it)',
};

const failed = (error: unknown) => errorText(listingError(error));
const list = (names: readonly string[]) => (names.length === 0 ? 'nothing' : names.join(', '));

/**
 * `p` on a folder: opens the promote dialog for it. The plan and the writes are the service's
 * (the same as `paramdeck promote`); this wires them to the dialog's stages and the status line.
 */
export function promoteFlow(reader: ParameterReader, writer: ParameterWriter, region: string, dispatch: Dispatch<UiAction>): (source: string) => void {
  const show = (dialog: PromoteDialog) => dispatch({ type: 'dialog', dialog });

  const preview = (request: PromoteRequest, reading: PromoteDialog) => {
    const { sourcePath, targetPath, keyId } = request;
    const back = (problem: string) => show({ ...reading, stage: 'form', problem });
    const plan = async () => {
      const sides = await readPromotionSides(reader, sourcePath, targetPath, request);
      if (sides.source.length === 0) return back(`there are no parameters under ${sourcePath}`);
      const changes = planPromotion(sides);
      const problems = namingProblems(changes, targetPath, region);
      if (problems.length > 0) return back(`${problems.length} name(s) cannot be created under ${targetPath}: ${problems.join('; ')}`);
      const writes = writesOf(changes);
      const deletes = changes.filter((c) => c.kind === 'delete').map((c) => c.target!.name);
      if (keyId === undefined && writes.some((c) => c.source!.type === 'SecureString')) {
        return back(`KMS key: ${sourcePath} holds SecureStrings; choose the key to encrypt them under in ${targetPath}`);
      }
      if (writes.length === 0 && deletes.length === 0) return back(`nothing to do: ${targetPath} already matches ${sourcePath}`);
      show({
        ...reading,
        stage: 'preview',
        preview: {
          lines: previewLines(changes, sides, TUI_WORDING),
          question: `Write ${writes.length} and delete ${deletes.length} parameter(s) under ${targetPath}?`,
          write: (writing) => void write(sides, writes, deletes, writing),
        },
      });
    };
    plan().catch((error: unknown) => back(`nothing was written: ${failed(error)}`));
  };

  const stopped = (writing: PromoteDialog, report: string[]) => {
    dispatch({ type: 'refresh' });
    show({ ...writing, stage: 'stopped', report });
    dispatch({ type: 'flash', tone: 'error', text: report[0]! });
  };

  /** Every secret decrypted first (a refusal writes nothing), then one write at a time, then the deletes. */
  const write = async (sides: PromoteSides, writes: readonly PlannedChange[], deletes: readonly string[], writing: PromoteDialog) => {
    const puts = await promotionPuts(reader, sides, writes).catch((error: unknown) => {
      stopped(writing, [`nothing was written: ${failed(error)}`]);
    });
    if (!puts) return;
    let count = 0;
    try {
      await writePromotion(writer, puts, () => show({ ...writing, progress: `wrote ${++count} of ${puts.length}` }));
    } catch (error) {
      if (!(error instanceof PromotionStopped)) return stopped(writing, [`nothing was written: ${failed(error)}`]);
      return stopped(writing, [
        `promote stopped at ${error.at}: ${failed(error.failure)}`,
        `written: ${list(error.written)}`,
        `not written: ${list(error.notWritten)}`,
      ]);
    }
    const deleted: string[] = [];
    for (const name of deletes) {
      try {
        await writer.deleteParameter(name);
      } catch (error) {
        return stopped(writing, [
          `promote stopped deleting ${name}: ${failed(error)}`,
          `written: ${list(puts.map((p) => p.name))}`,
          `deleted: ${list(deleted)}`,
          `not deleted: ${list(deletes.slice(deleted.length))}`,
        ]);
      }
      deleted.push(name);
    }
    dispatch({ type: 'dialog-close' });
    dispatch({ type: 'refresh' });
    dispatch({ type: 'flash', tone: 'info', text: `promoted ${sides.sourcePath} → ${sides.targetPath}: wrote ${puts.length}, deleted ${deleted.length}` });
  };

  return (source) => show(promoteDialog(source, preview));
}
