import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { HubI18nProvider } from './i18n/hub-i18n';
import '../../renderer/styles/base.css';
import './hub.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <HubI18nProvider>
      <App />
    </HubI18nProvider>
  </StrictMode>,
);
