/** The parameter types the crash writers cycle through. */
export const CRASH_TYPES = ['String', 'StringList', 'SecureString'] as const;

/** The fake value a crash writer puts under `name`: the check after a kill recomputes it. */
export function crashValue(name: string, type: (typeof CRASH_TYPES)[number], canary: string): string {
  if (type === 'StringList') return `fake-a${name},fake-b${name}`;
  return type === 'SecureString' ? `${canary}:${name}` : `fake-value:${name}`;
}
