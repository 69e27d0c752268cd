/**
 * The parameters pane's rows: SSM names form a path hierarchy (`/app/prod/db/url`), so the
 * pane shows one level at a time, folders first, or every parameter under a folder as one flat
 * list. Rows point into the loaded items by index; nothing is copied.
 */
export type TreeRow =
  | { readonly kind: 'folder'; readonly path: string; readonly label: string; readonly count: number }
  | { readonly kind: 'parameter'; readonly index: number; readonly label: string };

/** The root of the hierarchy; names without a leading slash live here too. */
export const ROOT = '/';

/** The folder that holds `path` (the root holds itself). */
export function parentPath(path: string): string {
  if (path === ROOT) return ROOT;
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? ROOT : path.slice(0, cut);
}

/** The rows one level under `path`: its sub-folders (with how many parameters each holds), then its parameters. */
export function levelRows(items: readonly { readonly name: string }[], path: string): TreeRow[] {
  const prefix = path === ROOT ? ROOT : `${path}/`;
  const folders = new Map<string, number>();
  const leaves: TreeRow[] = [];
  // This runs over every loaded name each time a batch of a listing lands, so it reads names in
  // place: names arrive sorted, and a run of them under one folder reuses that folder's key
  // instead of slicing a copy out of each name (at 100,000 names, megabytes of garbage a batch).
  let folder = '';
  for (let index = 0; index < items.length; index++) {
    const name = items[index]!.name;
    let start: number;
    if (name.startsWith(prefix)) start = prefix.length;
    else if (path === ROOT && !name.startsWith('/')) start = 0;
    else continue;
    const slash = name.indexOf('/', start);
    if (slash < 0) leaves.push({ kind: 'parameter', index, label: name.slice(start) });
    else {
      if (slash - start !== folder.length || !name.startsWith(folder, start)) folder = name.slice(start, slash);
      folders.set(folder, (folders.get(folder) ?? 0) + 1);
    }
  }
  const folderRows: TreeRow[] = [...folders.keys()].sort(byText).map((label) => ({
    kind: 'folder', path: `${prefix}${label}`, label: `${label}/`, count: folders.get(label)!,
  }));
  leaves.sort((a, b) => byText(a.label, b.label));
  return [...folderRows, ...leaves];
}

/** Every parameter under `path`, at any depth, by full name. */
export function flatRows(items: readonly { readonly name: string }[], path: string): TreeRow[] {
  const prefix = path === ROOT ? '' : `${path}/`;
  const rows: TreeRow[] = [];
  for (let index = 0; index < items.length; index++) {
    const name = items[index]!.name;
    if (name.startsWith(prefix)) rows.push({ kind: 'parameter', index, label: name });
  }
  return rows.sort((a, b) => byText(a.label, b.label));
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
