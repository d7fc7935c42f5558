import { describeGetAll } from '../credit/getAll.spec';
import { CREDIT_NOTE } from '../credit/profiles';

describeGetAll(CREDIT_NOTE);
