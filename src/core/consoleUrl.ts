// An application's page in its platform's web console: the one configured in the application's
// `consoleUrl` (`{applicationId}` replaced by its ID), else one the platform itself publishes for the API
// host. The reference documents give API hosts only, so the built-in pages come from the platforms' own
// material, each named below; hosts without one (WNology, Elastic Path's EU region, private instances)
// need `consoleUrl`. None is made up from a host name. Where the platform publishes a page, only the user's
// own settings may send it to another host: a workspace (a cloned repository) could name a look-alike.
import * as l10n from '@vscode/l10n';
import type { ApplicationRef } from './application';
import { ApiError } from './errors';

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;

/** API origin → console page, where the platform publishes it. */
const PUBLISHED_CONSOLES: Record<string, string> = {
  // Losant's own CLI (Losant/losant-cli, `losant configure`) links applications as https://app.losant.com/applications/<id>.
  'https://api.losant.com': 'https://app.losant.com/applications/{applicationId}',
  // Elastic Path's documentation site (elasticpath/elasticpath-dev) links Commerce Manager at https://useast.cm.elasticpath.com.
  'https://useast.api.elasticpath.com': 'https://useast.cm.elasticpath.com',
};

/** What is needed of a configured application (application.ts): its resolved API origin included. */
export type ConsoleTarget = Pick<ApplicationRef, 'applicationId' | 'label' | 'consoleUrl' | 'scope'> & { origin?: string };

/** The console page the platform publishes for the application's API origin, as a consoleUrl template. */
function publishedConsole(app: ConsoleTarget): string | undefined {
  return app.origin ? PUBLISHED_CONSOLES[app.origin] : undefined;
}

/** Whether Open in Web Console has a page for the application. */
export function hasConsolePage(app: ConsoleTarget): boolean {
  return !!app.consoleUrl?.trim() || publishedConsole(app) !== undefined;
}

/** The console page to open for `app`, undefined when none is configured; a bad one is refused, never opened. */
export function consolePage(app: ConsoleTarget): URL | undefined {
  const published = publishedConsole(app);
  const template = app.consoleUrl?.trim() || published;
  if (!template) return undefined;
  const fill = (t: string): URL => new URL(t.replaceAll('{applicationId}', encodeURIComponent(app.applicationId)));
  let url: URL;
  try {
    url = fill(template);
  } catch {
    throw new ApiError(l10n.t('The consoleUrl of {0} is not a URL: {1}', app.label || app.applicationId, template), { kind: 'invalid-input' });
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!allowed || url.username || url.password) {
    throw new ApiError(l10n.t('The consoleUrl of {0} must be an https address: {1}', app.label || app.applicationId, template), {
      kind: 'invalid-input',
    });
  }
  // A published page stays on its host unless the user's own settings say otherwise.
  if (published && template !== published && app.scope !== 'user') {
    const own = fill(published);
    if (url.host !== own.host) return own;
  }
  return url;
}
