import { describeUpdate } from '../credit/update.spec';
import { OVERPAYMENT } from '../credit/profiles';

describeUpdate(OVERPAYMENT);
