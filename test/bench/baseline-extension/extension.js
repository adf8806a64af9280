// An extension that does nothing, timed the way App Keys' bundle is (esbuild.mjs banner and footer): the benchmark
// activates it together with App Keys, so what the host spends on any extension can be told from App Keys' own cost.
'use strict';
const loadStartedAt = performance.now();
require('vscode');
const vscodeLoadedAt = performance.now();

exports.activate = function activate() {
  const started = performance.now();
  return { stats: { activateMs: performance.now() - started, loadStartedAt, vscodeLoadedAt, loadEndedAt, activateStartedAt: started } };
};

const loadEndedAt = performance.now();
