import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The hub's web UI: a second entry beside the station renderer, served by the hub's Fastify at `/`.
export default defineConfig({
  root: 'central/web',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/central-web',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // recharts and the country names of five languages: ~0.8 MB once, from the hub on the local network, then cached.
    chunkSizeWarningLimit: 1200,
  },
});
