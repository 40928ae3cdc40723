import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CoreContext } from './core-client/core-context';
import { selectCoreClient } from './core-client/select-core-client';
import { StartupError } from './app/StartupError';
import { I18nextProvider } from 'react-i18next';
import { createI18n, lastStationLanguage } from './i18n';
import './styles/base.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const client = selectCoreClient(window);
// Before sign-in the screen speaks the language last used at this station; the operator's own choice follows.
const i18n = createI18n(lastStationLanguage());
root.render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {'error' in client ? (
        <StartupError message={client.error} />
      ) : (
        <CoreContext.Provider value={client}>
          <App />
        </CoreContext.Provider>
      )}
    </I18nextProvider>
  </StrictMode>,
);
