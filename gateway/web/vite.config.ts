import { defineConfig } from 'vitest/config';

// The bundle goes into the Maven module's classes, under static/: the gateway serves it at /.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
