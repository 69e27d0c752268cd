/**
 * Semantic colour tokens: components ask for a meaning (`danger`, `accent`), never a colour, so
 * the monochrome theme and NO_COLOR need no special cases in components.
 */
export interface Theme {
  readonly name: 'color' | 'mono';
  readonly text: string | undefined;
  readonly muted: string | undefined;
  readonly accent: string | undefined;
  readonly selection: string | undefined;
  readonly danger: string | undefined;
  readonly warning: string | undefined;
  readonly success: string | undefined;
  readonly secret: string | undefined;
  readonly match: string | undefined;
}

const COLOR: Theme = {
  name: 'color',
  text: undefined,
  muted: 'gray',
  accent: 'cyan',
  selection: 'blue',
  danger: 'red',
  warning: 'yellow',
  success: 'green',
  secret: 'magenta',
  match: 'yellow',
};

/** No colour at all: emphasis comes from bold, inverse and dim only. */
const MONO: Theme = {
  name: 'mono',
  text: undefined,
  muted: undefined,
  accent: undefined,
  selection: undefined,
  danger: undefined,
  warning: undefined,
  success: undefined,
  secret: undefined,
  match: undefined,
};

/** The theme to use: NO_COLOR (any non-empty value, per no-color.org) forces monochrome. */
export function chooseTheme(setting: 'auto' | 'color' | 'mono', env: NodeJS.ProcessEnv = process.env): Theme {
  if (env.NO_COLOR) return MONO;
  return setting === 'mono' ? MONO : COLOR;
}
