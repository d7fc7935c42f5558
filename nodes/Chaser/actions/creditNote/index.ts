import { creditNote } from '../../../../core/registry';
import { resourceDescription } from '../resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const resource = creditNote;
export const operations = { create, get, getAll, update, upsert };
export const description = resourceDescription(resource, operations);
