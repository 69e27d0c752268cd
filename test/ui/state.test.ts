import { describe, expect, it } from 'vitest';
import { FrameWriter } from '../../source/ui/frame-writer';
import { emptyListing, reduceListing, type ListingState } from '../../source/ui/state/listing-state';
import { reduceResource } from '../../source/ui/state/resource-state';
import { INITIAL_STATE, reduceUi } from '../../source/ui/state/ui-state';
import { TestStdout } from './terminal-streams';
import { until } from './render-app';

describe('a streamed listing', () => {
  it('shows pages as they come on the first load', () => {
    let state: ListingState<string> = emptyListing();
    state = reduceListing(state, { event: 'start', run: 1 });
    state = reduceListing(state, { event: 'page', run: 1, items: ['a', 'b'] });
    expect(state).toMatchObject({ items: ['a', 'b'], loading: true, seen: 2, complete: false });
    state = reduceListing(state, { event: 'end', run: 1 });
    expect(state).toMatchObject({ items: ['a', 'b'], loading: false, complete: true });
  });

  it('keeps the old rows during a refresh and swaps at the end', () => {
    let state: ListingState<string> = reduceListing(reduceListing(reduceListing(emptyListing(), { event: 'start', run: 1 }), { event: 'page', run: 1, items: ['old'] }), { event: 'end', run: 1 });
    const generation = state.generation;
    state = reduceListing(state, { event: 'start', run: 2 });
    state = reduceListing(state, { event: 'page', run: 2, items: ['new'] });
    expect(state.items).toEqual(['old']);
    state = reduceListing(state, { event: 'end', run: 2 });
    expect(state.items).toEqual(['new']);
    expect(state.generation).toBe(generation + 1);
  });

  it('keeps the old rows when a refresh fails, and drops pages of a superseded run', () => {
    let state: ListingState<string> = reduceListing(reduceListing(reduceListing(emptyListing(), { event: 'start', run: 1 }), { event: 'page', run: 1, items: ['old'] }), { event: 'end', run: 1 });
    state = reduceListing(state, { event: 'start', run: 2 });
    state = reduceListing(state, { event: 'page', run: 1, items: ['stale'] });
    state = reduceListing(state, { event: 'end', run: 2, error: { kind: 'Throttled', code: 'ThrottlingException', message: 'Rate exceeded' } });
    expect(state.items).toEqual(['old']);
    expect(state.error?.code).toBe('ThrottlingException');
  });

  it('flashes the error of the run in force, with AWS code and text', () => {
    let state = reduceUi(INITIAL_STATE, { type: 'listing', slot: 'keys', change: { event: 'start', run: 7 } });
    state = reduceUi(state, { type: 'listing', slot: 'keys', change: { event: 'end', run: 7, error: { kind: 'AccessDenied', code: 'AccessDeniedException', message: 'User: x is not authorized' } } });
    expect(state.flash).toMatchObject({ tone: 'error', text: 'AccessDeniedException: User: x is not authorized' });
    expect(reduceUi(state, { type: 'flash-clear', seq: state.flash!.seq - 1 }).flash).toBeDefined();
    expect(reduceUi(state, { type: 'flash-clear', seq: state.flash!.seq }).flash).toBeUndefined();
  });
});

describe('a loaded resource', () => {
  it('ignores answers for a key the user already left', () => {
    let slot = reduceResource<string>(undefined, { event: 'start', key: 'a' });
    slot = reduceResource(slot, { event: 'start', key: 'b' });
    slot = reduceResource(slot, { event: 'loaded', key: 'a', value: 'late' });
    expect(slot).toEqual({ key: 'b', status: 'loading' });
    slot = reduceResource(slot, { event: 'loaded', key: 'b', value: 'fresh' });
    expect(slot).toEqual({ key: 'b', status: 'ready', value: 'fresh' });
  });
});

describe('the frame writer', () => {
  async function draw(writer: FrameWriter, terminal: TestStdout, frame: string): Promise<string> {
    const before = terminal.frames.length;
    writer.stream.write(frame);
    await until(() => terminal.frames.length > before, 1_000).catch(() => undefined);
    return terminal.frames.slice(before).join('');
  }

  it('rewrites only the lines that changed, at absolute positions, in one synchronized write', async () => {
    const terminal = new TestStdout(20, 5);
    const writer = new FrameWriter(terminal as unknown as NodeJS.WriteStream);
    expect(await draw(writer, terminal, 'one\ntwo\nthree')).toBe('\u001b[?2026h\u001b[1;1Hone\u001b[K\u001b[2;1Htwo\u001b[K\u001b[3;1Hthree\u001b[K\u001b[?2026l');
    expect(await draw(writer, terminal, 'one\nTWO\nthree')).toBe('\u001b[?2026h\u001b[2;1HTWO\u001b[K\u001b[?2026l');
    expect(await draw(writer, terminal, 'one\nTWO')).toBe('\u001b[?2026h\u001b[3;1H\u001b[K\u001b[?2026l');
    writer.close();
  });

  it('draws only the last of several frames written in one tick, and everything after a resize', async () => {
    const terminal = new TestStdout(20, 5);
    const writer = new FrameWriter(terminal as unknown as NodeJS.WriteStream);
    writer.stream.write('a');
    expect(await draw(writer, terminal, 'b')).toBe('\u001b[?2026h\u001b[1;1Hb\u001b[K\u001b[?2026l');
    terminal.resize(30, 6);
    expect(terminal.lastFrame()).toBe('\u001b[2J');
    expect(await draw(writer, terminal, 'b')).toBe('\u001b[?2026h\u001b[1;1Hb\u001b[K\u001b[?2026l');
    writer.close();
  });
});
