import { describeGet } from '../credit/get.spec';
import { OVERPAYMENT } from '../credit/profiles';

describeGet(OVERPAYMENT);
