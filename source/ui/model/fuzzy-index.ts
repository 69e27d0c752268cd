/**
 * The `/` filter's matcher: fzf-like subsequence matching over the full name and description of
 * every loaded parameter, ranked best first. The `fzf` and `fuzzysort` packages were measured on
 * 100,000 names and took 300–1000 ms and 30–50 ms a keystroke; this one keeps a lower-cased copy
 * of each entry, narrows from the previous query's matches while the user types on, and ranks by
 * counting sort (scores are small integers), which keeps a keystroke to a few milliseconds.
 */
export interface Searchable {
  readonly name: string;
  readonly description?: string | undefined;
}

/** Matches best first, as indices into the indexed items. */
export interface SearchResult {
  readonly order: Int32Array;
}

const MAX_SCORE = 2047;
const BOUNDARY_BONUS = 8;
const counts = new Int32Array(MAX_SCORE + 1);

export class FuzzyIndex {
  // Lower-cased names (the name itself when already lower case, as SSM names mostly are) and
  // descriptions, kept apart so a name is never copied just to append its description.
  private names: string[] = [];
  private descriptions: (string | undefined)[] = [];
  private generation = -1;
  private last: { query: string; members: Int32Array; indexed: number } | undefined;

  /** Indexes items appended since the last call; a new generation starts over. */
  sync(items: readonly Searchable[], generation: number): void {
    if (generation !== this.generation || items.length < this.names.length) {
      this.names = [];
      this.descriptions = [];
      this.last = undefined;
      this.generation = generation;
    }
    for (let i = this.names.length; i < items.length; i++) {
      const item = items[i]!;
      this.names.push(item.name.toLowerCase());
      this.descriptions.push(item.description ? item.description.toLowerCase() : undefined);
    }
  }

  /** Every indexed item matching all of the query's space-separated terms, best first. */
  search(query: string): SearchResult {
    const terms = splitTerms(query);
    const total = this.names.length;
    const previous = this.last;
    const narrowing = previous !== undefined && query.toLowerCase().startsWith(previous.query);
    const candidates = narrowing ? previous.members.length + (total - previous.indexed) : total;
    const members = new Int32Array(candidates);
    const scores = new Int16Array(candidates);
    counts.fill(0);
    let found = 0;
    for (let k = 0; k < candidates; k++) {
      const i = narrowing ? (k < previous.members.length ? previous.members[k]! : previous.indexed + k - previous.members.length) : k;
      const score = scoreAll(this.names[i]!, this.descriptions[i], terms);
      if (score < 0) continue;
      members[found] = i;
      scores[found] = score;
      counts[MAX_SCORE - score]! += 1;
      found += 1;
    }
    // Counting sort by score, best first; equal scores keep load (name) order.
    let position = 0;
    for (let bucket = 0; bucket <= MAX_SCORE; bucket++) {
      const size = counts[bucket]!;
      counts[bucket] = position;
      position += size;
    }
    const order = new Int32Array(found);
    for (let k = 0; k < found; k++) order[counts[MAX_SCORE - scores[k]!]!++] = members[k]!;
    this.last = { query: query.toLowerCase(), members: members.slice(0, found), indexed: total };
    return { order };
  }
}

/** Where the query's terms match inside `name`, for highlighting; empty when they match elsewhere. */
export function matchPositions(name: string, query: string): number[] {
  const hay = name.toLowerCase();
  const positions = new Set<number>();
  for (const term of splitTerms(query)) {
    const span = locate(hay, term);
    if (!span) continue;
    let j = 0;
    for (let p = span.start; p <= span.end && j < term.length; p++) {
      if (hay.charCodeAt(p) === term.charCodeAt(j)) {
        positions.add(p);
        j++;
      }
    }
  }
  return [...positions].sort((a, b) => a - b);
}

function splitTerms(query: string): string[] {
  return query.toLowerCase().split(' ').filter((term) => term !== '');
}

function scoreAll(name: string, description: string | undefined, terms: readonly string[]): number {
  let total = 0;
  for (const term of terms) {
    let score = scoreTerm(name, term);
    // A term found only in the description counts half: the name is what people search by.
    if (score < 0 && description !== undefined) score = scoreTerm(description, term) >> 1;
    if (score < 0) return -1;
    total += score;
  }
  return Math.min(total, MAX_SCORE);
}

/**
 * fzf's v1 algorithm: the first subsequence match going forward, tightened by a backward scan
 * from its end. Each matched character scores, more after a separator (`/`, `-`, `_`, `.`, a
 * space) and in a run; gaps cost.
 */
function scoreTerm(hay: string, term: string): number {
  const span = locate(hay, term);
  if (!span) return -1;
  let score = term.length * 2;
  let run = 0;
  let j = 0;
  for (let p = span.start; p <= span.end; p++) {
    if (hay.charCodeAt(p) === term.charCodeAt(j)) {
      const before = p > 0 ? hay.charCodeAt(p - 1) : 47;
      if (before === 47 || before === 45 || before === 95 || before === 46 || before === 32) score += BOUNDARY_BONUS;
      run += 1;
      if (run > 1) score += Math.min(4 * run, 16);
      j++;
    } else {
      run = 0;
      score -= 1;
    }
  }
  return Math.max(0, score);
}

function locate(hay: string, term: string): { start: number; end: number } | undefined {
  let position = -1;
  let first = -1;
  for (let i = 0; i < term.length; i++) {
    position = hay.indexOf(term[i]!, position + 1);
    if (position < 0) return undefined;
    if (i === 0) first = position;
  }
  const end = position;
  let start = end;
  let j = term.length - 1;
  for (let p = end; p >= first && j >= 0; p--) {
    if (hay.charCodeAt(p) === term.charCodeAt(j)) {
      start = p;
      j--;
    }
  }
  return { start, end };
}
