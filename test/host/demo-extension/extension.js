// `npm start` only: the demo opens with the App Keys view in front. code-server keeps the last view in the
// browser's storage and has no setting for the first one; App Keys itself never takes the focus on start.
'use strict';
const vscode = require('vscode');

exports.activate = function activate() {
  void vscode.commands.executeCommand('workbench.view.extension.appKeys');
};
