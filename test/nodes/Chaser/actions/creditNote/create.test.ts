import { describeCreate } from '../credit/create.spec';
import { CREDIT_NOTE } from '../credit/profiles';

describeCreate(CREDIT_NOTE);
