import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const alias = { '~': new URL('./app', import.meta.url).pathname }

/**
 * The usual order, but the HTML validity test after the other browser tests, whose pages it
 * checks too (they record them as they go: tests/e2e/browser.ts).
 */
class HtmlValidityLast extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files)
    const last = (spec: TestSpecification) => spec.moduleId.endsWith('/e2e/html-validity.test.ts')
    return [...sorted.filter((spec) => !last(spec)), ...sorted.filter(last)]
  }
}

// One `vitest run` runs all three layers. Integration and browser tests share real Postgres and
// Meilisearch servers that the global setup starts on free ports and stops afterwards.
export default defineConfig({
  resolve: { alias },
  test: {
    sequence: { sequencer: HtmlValidityLast },
    // Two cores: two test files at a time, each with its own cloned database.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-services.ts'],
          setupFiles: ['tests/setup/no-outbound-network.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-services.ts', 'tests/setup/global-app.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One browser and one app at a time: the machine has two cores.
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        resolve: { alias },
        test: {
          // Breaks things on purpose: kills Meilisearch, the app and Postgres under load. Runs
          // after the other projects, so its load does not slow the browser tests on two cores.
          name: 'faults',
          sequence: { groupOrder: 1 },
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/global-services.ts', 'tests/setup/global-build.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
})
