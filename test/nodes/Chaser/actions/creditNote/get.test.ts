import { describeGet } from '../credit/get.spec';
import { CREDIT_NOTE } from '../credit/profiles';

describeGet(CREDIT_NOTE);
