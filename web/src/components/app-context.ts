import { createContext, useContext } from 'react';
import type { Session } from '../api/session';
import type { Period } from '../period';

export interface AppState {
  readonly session: Session;
  readonly period: Period;
  /** An instant to see the dashboards as they were known then; null for live. */
  readonly asOf: string | null;
  /** Grows each time read models advance: live views refresh on it. */
  readonly liveTick: number;
  /** The session ended (401): back to sign-in. */
  readonly signedOut: () => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppContext');
  return state;
}
