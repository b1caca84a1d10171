import { defineConfig } from 'vite';

// The built assets are served by `safeguard serve` (see src/http/server.cc); `npm run dev`
// proxies the API to a server on 127.0.0.1:8080.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
