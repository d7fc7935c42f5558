import { describeUpsert } from '../credit/upsert.spec';
import { OVERPAYMENT } from '../credit/profiles';

describeUpsert(OVERPAYMENT);
