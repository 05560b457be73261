// Unit tests of the renderer's logic (slices, parsers, layout arithmetic): plain functions, no DOM.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: 'renderer', include: ['**/*.test.ts'], environment: 'node' },
});
