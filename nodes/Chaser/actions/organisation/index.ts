import type { INodeProperties } from 'n8n-workflow';

// Operations are added by the engineer building this resource.
export const description: INodeProperties[] = [];
