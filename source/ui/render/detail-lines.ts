import { terminalSafe, terminalSafeLines } from '../../text/terminal-safe';
import type { Tone } from '../components/SafeText';
import type { Revealed } from '../state/reveal-state';
import { wrapCells } from './text-fit';

/** A piece of a detail line: text, or the mask standing for a secret value. */
export type Segment =
  | { readonly text: string; readonly tone?: Tone | undefined; readonly bold?: boolean | undefined }
  | { readonly masked: true };

/** One screen line of a detail view. */
export type DetailLine = readonly Segment[];

/** Width of the field-name column of a detail view. */
export const LABEL_WIDTH = 16;

/**
 * Builds a detail view as screen lines for a given width: labelled fields whose values are split
 * on newlines, made terminal-safe line by line, then wrapped at the pane edge, so nothing is cut
 * and the view knows its own height for scrolling.
 */
export class DetailBuilder {
  readonly lines: DetailLine[] = [];

  constructor(private readonly width: number) {}

  /** A heading line. */
  heading(text: string): this {
    this.lines.push([{ text: terminalSafe(text), bold: true, tone: 'accent' }]);
    return this;
  }

  blank(): this {
    this.lines.push([]);
    return this;
  }

  /** `label  value`, the value split on newlines and wrapped under itself. */
  field(label: string, value: string | undefined, tone?: Tone): this {
    const valueWidth = Math.max(10, this.width - LABEL_WIDTH);
    const pieces = terminalSafeLines(value === undefined || value === '' ? '-' : value).flatMap((line) => wrapCells(line, valueWidth));
    pieces.forEach((piece, i) => {
      this.lines.push([{ text: (i === 0 ? label : '').padEnd(LABEL_WIDTH), tone: 'muted' }, { text: piece, tone: value ? tone : 'muted' }]);
    });
    return this;
  }

  /** A field whose value is never shown: only the mask and a note. */
  masked(label: string, note: string): this {
    this.lines.push([{ text: label.padEnd(LABEL_WIDTH), tone: 'muted' }, { masked: true }, { text: `  ${note}`, tone: 'muted' }]);
    return this;
  }

  /** A decrypted value, split, made safe and wrapped like any field, and how long it stays. */
  revealed(label: string, revealed: Revealed): this {
    this.field(label, revealed.value.plaintext(), 'secret');
    this.lines.push([{ text: ''.padEnd(LABEL_WIDTH) }, { text: `masked again in ${revealed.remaining}s · r masks it now`, tone: 'muted' }]);
    return this;
  }

  /** Free text (a policy document), each line wrapped to the full width. */
  text(body: string, tone?: Tone): this {
    for (const line of terminalSafeLines(body)) {
      for (const piece of wrapCells(line, this.width)) this.lines.push([{ text: piece, tone }]);
    }
    return this;
  }
}
