// Unit tests of the renderer's logic and of shared/ (slices, parsers, layout arithmetic): plain functions, no DOM.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['renderer/**/*.test.ts', 'shared/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
  },
});
