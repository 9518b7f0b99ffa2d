import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** `npm run dev -w @kz/portal`: hot reload on :5173, everything else proxied to a running gateway (npm start). */
const gateway = process.env.PORTAL_GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: false },
      '/imports': gateway,
      '/attachments': gateway,
      '/audit': gateway,
      '/dev': gateway,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
});
