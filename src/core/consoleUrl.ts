// An application's page in its platform's web console. The reference documents give API hosts only
// (api.losant.com, api.app.wnology.io, *.api.elasticpath.com), no console address, so App Keys knows
// none of its own: the page is the one configured in the application's `consoleUrl`, with
// `{applicationId}` replaced by the application's ID.
import * as l10n from '@vscode/l10n';
import type { ApplicationRef } from './application';
import { ApiError } from './errors';

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;

/** The console page to open for `app`, undefined when none is configured; a bad one is refused, never opened. */
export function consolePage(app: ApplicationRef): URL | undefined {
  if (app.consoleUrl === undefined || app.consoleUrl.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(app.consoleUrl.trim().replaceAll('{applicationId}', encodeURIComponent(app.applicationId)));
  } catch {
    throw new ApiError(l10n.t('The consoleUrl of {0} is not a URL: {1}', app.label || app.applicationId, app.consoleUrl), { kind: 'invalid-input' });
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!allowed || url.username || url.password) {
    throw new ApiError(l10n.t('The consoleUrl of {0} must be an https address: {1}', app.label || app.applicationId, app.consoleUrl), {
      kind: 'invalid-input',
    });
  }
  return url;
}
