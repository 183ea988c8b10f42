import { defineConfig } from 'vite';

// Built into the service's jar by Maven (pom.xml, exec-maven-plugin: npm ci, then this build into
// target/classes/static); `npm run dev` serves it with hot reload against a local run on port 8080.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // Rolldown reports slow plugins when a build is slow; on our shared 2-core machines that is load, not a problem.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/web-app-settings': 'http://127.0.0.1:8080',
    },
  },
});
