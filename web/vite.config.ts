// Builds the pages into dist/, which `casework serve` serves beside the API. Assets carry a
// content hash under /assets/, so the server can let browsers keep them for good.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, assetsDir: "assets" },
  css: { preprocessorOptions: { scss: { api: "modern-compiler", quietDeps: true, loadPaths: [fileURLToPath(new URL("node_modules", import.meta.url))] } } },
  test: { include: ["src/**/*.test.ts", "src/**/*.test.tsx"], environment: "node" },
});
