import type { ParameterType } from './types';

const MASK = '********';

/**
 * The only holder of a decrypted value. The text sits in a private field and comes out only
 * through `plaintext()`; printing, logging, string-joining or JSON-encoding the holder shows the
 * mask, so a stray `console.log(value)` or an error that embeds it cannot leak the secret.
 */
export class RevealedValue {
  readonly #text: string;

  constructor(
    readonly name: string,
    readonly type: ParameterType,
    readonly version: number,
    text: string,
    /** The `:version` or `:label` suffix the value was asked for with, when it was. */
    readonly selector?: string,
  ) {
    this.#text = text;
  }

  /** The decrypted text: call it only where the user asked to see or copy the value. */
  plaintext(): string {
    return this.#text;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): object {
    return { name: this.name, type: this.type, version: this.version, value: MASK };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `RevealedValue { name: ${JSON.stringify(this.name)}, version: ${this.version}, value: ${MASK} }`;
  }
}
