import { describeUpsert } from '../credit/upsert.spec';
import { CREDIT_NOTE } from '../credit/profiles';

describeUpsert(CREDIT_NOTE);
