import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: served by Electron's app:// protocol or by the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
});
