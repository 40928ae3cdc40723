import { createContext, useContext } from 'react';
import type { CoreClient } from './core-client';

export const CoreContext = createContext<CoreClient | null>(null);

export function useCore(): CoreClient {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore outside <CoreContext.Provider>');
  return core;
}
