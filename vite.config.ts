import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './shared/host/csp';

/** Puts the renderer's CSP into index.html too (the hosts also send it as a header). */
function cspMetaTag(): Plugin {
  return {
    name: 'csp-meta-tag',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

// The renderer is plain static files: served by Electron's app:// protocol or by the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMetaTag()],
  // Module workers (the camera's decode worker imports zxing-wasm and the shared domain code).
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
  },
});
