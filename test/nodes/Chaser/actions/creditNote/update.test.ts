import { describeUpdate } from '../credit/update.spec';
import { CREDIT_NOTE } from '../credit/profiles';

describeUpdate(CREDIT_NOTE);
