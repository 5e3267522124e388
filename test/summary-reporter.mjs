// Ends the run with one plain line, `N passed, N failed, N skipped`, that CI reads.
export function summaryReporter() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const count = (suite) => {
    for (const test of suite.tests) {
      if (test.skipped) skipped++;
      else if (test.passed) passed++;
      else failed++;
    }
    suite.suites.forEach(count);
  };
  return {
    onTestRunFinished({ sessions }) {
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load or threw outside a test counts as a failure too.
        if (!session.passed && (!session.testResults || session.errors?.length))
          failed += Math.max(1, session.errors?.length ?? 0);
      }
    },
    async reportTestFileResults() {},
    stop() {
      console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
    },
  };
}
