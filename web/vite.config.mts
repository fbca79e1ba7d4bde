import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The dashboard (index.html) and the GraphQL IDE (graphiql.html) as two pages of one build into
 * dist/web, which `zixly serve` serves: no CDN, no second server. Shared code (React) is split
 * into its own chunk, so the IDE's editor never weighs on the dashboard's first view.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      input: { main: here('index.html'), graphiql: here('graphiql.html') },
      // GraphiQL's react-compiler-runtime marks itself "use no memo", which only matters to the React compiler.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
