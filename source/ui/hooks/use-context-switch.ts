import { useMemo, type Dispatch } from 'react';
import type { PaneCommand } from '../keys/pane-commands';
import { errorText, type UiAction } from '../state/ui-state';
import { useEnvironment, type EnvironmentInput } from '../ui-context';
import { listingError } from './listing-error';

/**
 * `P`: reads the profiles, offers them (recent contexts first) in a picker, and opens the one
 * picked; `onSwitch` then starts the browser over on it. A profile that cannot be opened (an
 * expired SSO session, no region) leaves the app where it was, with the reason.
 */
export function useContextSwitch(dispatch: Dispatch<UiAction>, onSwitch: ((next: EnvironmentInput) => void) | undefined): PaneCommand {
  const { contexts } = useEnvironment();
  return useMemo((): PaneCommand => {
    if (!contexts || !onSwitch) return { disabled: 'only the aws target has profiles and regions to switch between' };
    const failed = (error: unknown) => dispatch({ type: 'flash', tone: 'error', text: errorText(listingError(error)) });
    return {
      run: () => {
        contexts.choices().then((choices) => {
          const onPick = (index: number) => {
            const choice = choices[index]!;
            dispatch({ type: 'flash', tone: 'info', text: `switching to ${choice.label}…` });
            contexts.open(choice).then(onSwitch, failed);
          };
          dispatch({ type: 'dialog', dialog: { kind: 'picker', title: 'AWS profile and region', choices, cursor: 0, onPick } });
        }, failed);
      },
    };
  }, [contexts, onSwitch, dispatch]);
}
