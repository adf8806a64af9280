// Every platform App Keys knows: a new platform is one file beside this one and one line here.
import type { HttpClient } from '../http';
import { ElasticPathPlatform } from './elasticpath';
import { LosantPlatform } from './losant';
import type { Platform } from './platform';

export function createPlatforms(http: HttpClient): Platform[] {
  return [new LosantPlatform(http), new ElasticPathPlatform(http)];
}
