import { readFileSync } from 'node:fs';
import type { ServiceModel } from './types.ts';

const cache = new Map<string, ServiceModel>();

/** Loads a stripped botocore model from this folder (see refresh.ts); parsed once per process. */
export function loadModel(name: string): ServiceModel {
  let model = cache.get(name);
  if (!model) {
    model = JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as ServiceModel;
    cache.set(name, model);
  }
  return model;
}
