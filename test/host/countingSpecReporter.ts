// Mocha's spec reporter (for people) that also writes the counts (for test/run-all.sh) as JSON
// {"passed","failed","pending"} to the file named by APPKEYS_SUITE_COUNTS, once the run ends.
//   mocha --reporter ./out/test/host/countingSpecReporter.js ...
import * as fs from 'fs';
import Mocha from 'mocha';

class CountingSpecReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const file = process.env.APPKEYS_SUITE_COUNTS;
    runner.once('end', () => {
      if (!file) return;
      const stats = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, pending: stats?.pending ?? 0 }));
    });
  }
}

export = CountingSpecReporter;
