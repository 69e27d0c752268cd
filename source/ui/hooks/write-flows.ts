import type { Dispatch } from 'react';
import type { ParameterInput, ParameterWriter } from '../../service/capabilities';
import type { ParameterType } from '../../service/types';
import { editParameterForm, newParameterForm, type FormTier, type ParameterForm } from '../state/parameter-form';
import { EMPTY_INPUT } from '../state/text-input';
import { errorText, type UiAction } from '../state/ui-state';
import type { ConfirmDialog } from '../state/dialog';
import type { ParameterFormDialog, PromptDialog } from '../state/write-dialogs';
import type { BrowserService } from '../ui-context';
import { listingError } from './listing-error';
import { loaders } from './loaders';
import { promoteFlow } from './promote-flow';
import { parseTagEdits, tagFlash, tagsText } from './tag-edits';

/** The write flows the parameters pane starts: each opens a dialog and does its I/O from there. */
export interface WriteFlows {
  /** `n`: a new parameter, its name started in the folder on screen. */
  create(folder: string): void;
  /** `e`: a new version of `name`, from its current one. */
  edit(name: string): void;
  /** `d`: asks y/N, or for a SecureString the last segment of its path typed out. */
  remove(name: string, type: ParameterType): void;
  /** `L`: labels a version (the latest when none is given). */
  label(name: string, version?: number): void;
  /** `T`: adds, changes and removes tags. */
  tags(name: string): void;
  /** `p`: copies a folder's parameters to another path, after a preview. */
  promote(source: string): void;
}

/**
 * Builds the write flows over the writer. Every outcome is dispatched: success closes the dialog,
 * refreshes what is on screen and flashes what happened; a refusal puts AWS's words in the open
 * dialog, which keeps what was typed.
 */
export function writeFlows(writer: ParameterWriter, reader: BrowserService, region: string, dispatch: Dispatch<UiAction>): WriteFlows {
  const failed = (error: unknown) => errorText(listingError(error));
  const done = (text: string) => {
    dispatch({ type: 'dialog-close' });
    dispatch({ type: 'refresh' });
    dispatch({ type: 'flash', tone: 'info', text });
  };
  const promptFailed = (busy: PromptDialog, problem: string) => dispatch({ type: 'dialog', dialog: { ...busy, busy: false, problem } });

  const openForm = (title: string, form: ParameterForm, written: (name: string) => void) => {
    const submit = (input: ParameterInput, saving: ParameterFormDialog) => {
      writer.putParameter(input).then(
        ({ version }) => {
          done(`version ${version} of ${input.name} written`);
          written(input.name);
        },
        (error: unknown) => dispatch({ type: 'dialog', dialog: { ...saving, form: { ...saving.form, stage: 'form', problem: failed(error) } } }),
      );
    };
    dispatch({ type: 'dialog', dialog: { kind: 'parameter-form', title, form, onSubmit: submit } });
  };

  return {
    promote: promoteFlow(reader, writer, region, dispatch),

    create(folder) {
      openForm('New parameter', newParameterForm(folder), (name) => dispatch({ type: 'parameters/open', name }));
    },

    edit(name) {
      loaders(reader).detail(name, new AbortController().signal).then(
        ({ parameter, current }) => {
          const form = editParameterForm({
            name,
            version: parameter.version,
            type: parameter.type,
            value: parameter.value.kind === 'plain' ? parameter.value.text : undefined,
            description: current?.description,
            keyId: current?.keyId,
            tier: current?.tier === 'Advanced' ? 'Advanced' : ('Standard' satisfies FormTier),
          });
          openForm(`Edit ${name}: new version ${parameter.version + 1}`, form, () => undefined);
        },
        (error: unknown) => dispatch({ type: 'flash', tone: 'error', text: failed(error) }),
      );
    },

    remove(name, type) {
      const deleted = () => {
        done(`${name} deleted`);
        dispatch({ type: 'parameters/gone', name });
      };
      const lines = [`Parameter ${name}`, `Type ${type}`, 'Every version, label and tag goes with it.'];
      if (type !== 'SecureString') {
        // A refusal comes back in the dialog, whole, where a status line would cut it.
        const confirm: ConfirmDialog = {
          kind: 'confirm', title: 'Delete', lines, question: `Delete ${name}?`, danger: true,
          onYes: () => void writer.deleteParameter(name).then(deleted, (error: unknown) => dispatch({ type: 'dialog', dialog: { ...confirm, lines: [...lines, failed(error)] } })),
        };
        dispatch({ type: 'dialog', dialog: confirm });
        return;
      }
      const segment = lastSegment(name);
      dispatch({
        type: 'dialog',
        dialog: {
          kind: 'prompt', title: 'Delete a SecureString', lines: [...lines, `Type ${segment} to confirm.`],
          fields: [{ label: 'confirm', input: EMPTY_INPUT }], focus: 0, action: 'delete', danger: true, busy: false,
          check: ([typed]) => (typed === segment ? undefined : `type ${segment} exactly to delete`),
          onSubmit: (_values, busy) => void writer.deleteParameter(name).then(deleted, (error: unknown) => promptFailed(busy, failed(error))),
        },
      });
    },

    label(name, version) {
      dispatch({
        type: 'dialog',
        dialog: {
          kind: 'prompt', title: 'Label a version', lines: [`Parameter ${name}`, `Version ${version ?? 'latest'}`, 'A label moves here from the version that has it.'],
          fields: [{ label: 'labels', input: EMPTY_INPUT, placeholder: 'one or more, split by spaces' }], focus: 0, action: 'label', busy: false,
          check: ([typed]) => (splitList(typed!).length === 0 ? 'type a label' : undefined),
          onSubmit: ([typed], busy) =>
            void writer.labelVersion(name, splitList(typed!), version).then(
              ({ version: labelled, invalidLabels }) => {
                const applied = splitList(typed!).filter((l) => !invalidLabels.includes(l));
                if (invalidLabels.length === 0) return done(`version ${labelled ?? version} of ${name} labelled ${applied.join(', ')}`);
                dispatch({ type: 'refresh' });
                promptFailed(busy, `InvalidLabels: ${invalidLabels.join(', ')}${applied.length ? ` (applied: ${applied.join(', ')})` : ''}`);
              },
              (error: unknown) => promptFailed(busy, failed(error)),
            ),
        },
      });
    },

    tags(name) {
      reader.listTags(name).then(
        (current) => {
          dispatch({
            type: 'dialog',
            dialog: {
              kind: 'prompt', title: 'Tags', lines: [`Parameter ${name}`, `Tags now: ${tagsText(current)}`],
              fields: [
                { label: 'add/change', input: EMPTY_INPUT, placeholder: 'key=value, key2=value2' },
                { label: 'remove', input: EMPTY_INPUT, placeholder: 'key, key2' },
              ],
              focus: 0, action: 'apply', busy: false,
              check: ([add, remove]) => parseTagEdits(add!, remove!).problem,
              onSubmit: ([add, remove], busy) => {
                const edits = parseTagEdits(add!, remove!);
                const run = async () => {
                  if (edits.remove.length > 0) await writer.untagParameter(name, edits.remove);
                  if (edits.add.length > 0) await writer.tagParameter(name, edits.add);
                };
                run().then(() => done(tagFlash(name, edits)), (error: unknown) => promptFailed(busy, failed(error)));
              },
            },
          });
        },
        (error: unknown) => dispatch({ type: 'flash', tone: 'error', text: failed(error) }),
      );
    },
  };
}

/** The part of a path a SecureString's delete asks to be typed: its last segment. */
export function lastSegment(name: string): string {
  return name.split('/').filter((part) => part !== '').at(-1) ?? name;
}

function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part !== '');
}
