import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CoreContext } from './core-client/core-context';
import { selectCoreClient } from './core-client/select-core-client';
import { StartupError } from './app/StartupError';
import './styles/base.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const client = selectCoreClient(window);
root.render(
  <StrictMode>
    {'error' in client ? (
      <StartupError message={client.error} />
    ) : (
      <CoreContext.Provider value={client}>
        <App />
      </CoreContext.Provider>
    )}
  </StrictMode>,
);
