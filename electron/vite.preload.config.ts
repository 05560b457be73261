import { defineConfig } from 'vite';

// A sandboxed preload cannot load other files: bundle it into one CommonJS script.
export default defineConfig({
  build: {
    outDir: 'dist/preload',
    emptyOutDir: true,
    lib: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rollupOptions: { external: ['electron'] },
    minify: false,
  },
});
