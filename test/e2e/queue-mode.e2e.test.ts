// The packed package in n8n 2.41.1 in queue mode: main + 2 workers, Redis and PostgreSQL (see test/e2e/README.md).
import { defineQueueModeSuite } from './support/queueMode';

defineQueueModeSuite();
