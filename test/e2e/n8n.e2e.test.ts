// The packed package inside real n8n, on both supported lines, one after the other (see test/e2e/README.md).
import { defineN8nSuite } from './support/suite';

defineN8nSuite('2.41.1');
defineN8nSuite('1.123.0');
