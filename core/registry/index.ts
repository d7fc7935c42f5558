/**
 * The registry: every Chaser resource the package knows, each defined once in its own file here.
 * Both nodes and the credential read it; it reads neither.
 */
export type { FieldDefinition, FieldKind, JsonType, PickerDefinition, RecordKey, ResourceDefinition } from './resource';
export { statusLabel, statusValues, withArticle } from './resource';
export { contactPerson, contactPersonsBulkPath, contactPersonsPath } from './contactPerson';
export { creditNote } from './creditNote';
export { customer } from './customer';
export { invoice } from './invoice';
export { organisation, ORGANISATIONS_PATH, SYNC_PATH } from './organisation';
export { overpayment } from './overpayment';
