import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webDir = import.meta.dirname;

export default defineConfig({
  root: webDir,
  plugins: [react()],
  resolve: {
    // The zod schemas the server validates with are the web client's types and client-side checks.
    alias: { '@contracts': path.resolve(webDir, '../src/contracts') },
  },
  build: {
    outDir: path.resolve(webDir, 'dist'),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries in their own files: they change less often than the app, so browsers keep them cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 3 },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format|react-style-singleton|use-callback-ref|use-sidecar|tslib|clsx|type-fest)/, priority: 2 },
            { name: 'icons', test: /node_modules[\\/]@tabler[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
    },
  },
});
