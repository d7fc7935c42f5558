import { contactPerson } from '../../../../core/registry';
import { resourceDescription } from '../resource';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export const resource = contactPerson;
export const operations = { create, delete: del, get, getAll, update, upsert };
export const description = resourceDescription(resource, operations);
