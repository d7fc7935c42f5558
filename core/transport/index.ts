/**
 * The only code that talks to Chaser over HTTP. Everything goes through n8n's
 * `httpRequestWithAuthentication` with the `chaserApi` credential (Basic auth).
 */
export type { ChaserContext, ChaserRequest } from './request';
export { chaserKeyOf, chaserRequest, externalIdSegment } from './request';
export type { ChaserFile, ChaserFormData } from './multipart';
export { chaserPage, chaserPaginate, MAX_PAGE_SIZE } from './paging';
export type { BulkEntryResult, BulkPath } from './bulk';
export { chaserBulkUpsert, MAX_BULK_ENTRIES } from './bulk';
export { configureTransport, resetTransportSettings, transportSettings } from './settings';
export { resetPacing } from './pacer';
export type { FilterOperator } from './filters';
export { filterQuery } from './filters';
export { CREDENTIAL_TEST, credentialTestMethod, testChaserCredential } from './credentialTest';
