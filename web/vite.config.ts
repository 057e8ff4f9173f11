import { defineConfig } from 'vitest/config';

// `npm run dev` proxies the API and /ws to a running server (PARLEY_URL, default the README's
// HTTP listener). The Origin header is rewritten to the server's own, so its allow-list accepts it.
const target = process.env.PARLEY_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  build: {
    outDir: '../src/Parley.Server/wwwroot',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // The server's CSP allows no inline script: keep the module preload polyfill out of the HTML.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target, changeOrigin: true, headers: { origin: target } },
      '/ws': { target: target.replace(/^http/, 'ws'), ws: true, changeOrigin: true, headers: { origin: target } },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
