// Module resolve hook for ESM handlers: a bare specifier the handler's own folders cannot resolve is looked up in the
// NODE_PATH folders (layers' nodejs/node_modules, then the AWS SDK v3 twinstack ships), as AWS's runtime allows.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let folders = [];

export function initialize(data) {
  folders = data;
}

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || /^[./]|^[a-z]+:/i.test(specifier)) throw error;
    for (const folder of folders) {
      try {
        // Resolving from a file inside the folder's parent searches the folder itself (…/node_modules).
        return await next(specifier, { ...context, parentURL: pathToFileURL(join(folder, '..', 'index.js')).href });
      } catch {
        // try the next folder
      }
    }
    throw error;
  }
}
