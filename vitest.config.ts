import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}', 'functions/**/*.test.ts', 'shared/**/*.test.ts', 'infra/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Connected tests talk to real engines; a JVM pause or a 1 s batching window must not fail them.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
