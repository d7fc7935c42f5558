import { resourceDescription } from '../common.descriptions';
import * as create from './create.operation';
import * as del from './delete.operation';
import { resource } from './fields';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { resource };
export const operations = { create, delete: del, get, getAll, update };
export const description = resourceDescription(resource, operations);
