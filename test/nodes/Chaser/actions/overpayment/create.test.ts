import { describeCreate } from '../credit/create.spec';
import { OVERPAYMENT } from '../credit/profiles';

describeCreate(OVERPAYMENT);
