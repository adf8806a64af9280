// The three ways of making the same calls: App Keys' service module, the official Losant client
// (losant-rest), and a bare undici request loop that parses the same JSON (the practical limit).
import { Agent, request } from 'undici';
import { AppKeysService } from '../../src/core/service';

export interface BenchClient {
  name: string;
  getKey(id: string): Promise<unknown>;
  patchKey(id: string, description: string): Promise<unknown>;
  listKeys(page: number, perPage: number): Promise<{ items: unknown[]; totalCount: number }>;
  close(): Promise<void>;
}

export function appKeysClient(baseUrl: string, applicationId: string, token: string): BenchClient {
  const service = new AppKeysService({ timeoutMs: 30_000 });
  const client = service.forApplication({ platform: 'losant', applicationId, apiUrl: baseUrl }, token);
  const keys = client.resource('keys');
  return {
    name: 'App Keys',
    getKey: (id) => client.get(keys, id),
    patchKey: (id, description) => client.update(keys, id, { description }),
    listKeys: async (page, perPage) => {
      const result = await client.list(keys, { page, perPage });
      return { items: result.items, totalCount: result.totalCount ?? 0 };
    },
    close: () => service.dispose(),
  };
}

export function losantRestClient(baseUrl: string, applicationId: string, token: string): BenchClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const losant = require('losant-rest') as { createClient(options: { accessToken: string; url: string }): LosantRest };
  const client = losant.createClient({ accessToken: token, url: baseUrl });
  return {
    name: 'losant-rest',
    getKey: (applicationKeyId) => client.applicationKey.get({ applicationId, applicationKeyId }),
    patchKey: (applicationKeyId, description) => client.applicationKey.patch({ applicationId, applicationKeyId, applicationKey: { description } }),
    listKeys: (page, perPage) => client.applicationKeys.get({ applicationId, page, perPage }),
    close: async () => undefined,
  };
}

interface LosantRest {
  applicationKey: {
    get(p: { applicationId: string; applicationKeyId: string }): Promise<unknown>;
    patch(p: { applicationId: string; applicationKeyId: string; applicationKey: object }): Promise<unknown>;
  };
  applicationKeys: { get(p: { applicationId: string; page: number; perPage: number }): Promise<{ items: unknown[]; totalCount: number }> };
}

export function bareUndiciClient(baseUrl: string, applicationId: string, token: string): BenchClient {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 32 });
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const call = async (method: 'GET' | 'PATCH', path: string, body?: object) => {
    const response = await request(`${baseUrl}${path}`, {
      method,
      dispatcher: agent,
      headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.body.json();
    if (response.statusCode >= 400) throw new Error(`HTTP ${response.statusCode}`);
    return json;
  };
  const base = `/applications/${applicationId}/keys`;
  return {
    name: 'bare undici',
    getKey: (id) => call('GET', `${base}/${id}`),
    patchKey: (id, description) => call('PATCH', `${base}/${id}`, { description }),
    listKeys: (page, perPage) => call('GET', `${base}?page=${page}&perPage=${perPage}`) as Promise<{ items: unknown[]; totalCount: number }>,
    close: () => agent.close(),
  };
}
