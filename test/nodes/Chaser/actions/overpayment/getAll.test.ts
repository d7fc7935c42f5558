import { describeGetAll } from '../credit/getAll.spec';
import { OVERPAYMENT } from '../credit/profiles';

describeGetAll(OVERPAYMENT);
