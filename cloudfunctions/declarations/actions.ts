import { defineFunction } from '../_lib/router';

/** No actions yet: later issues add them. Every call answers INVALID_INPUT (unknown action). */
export const declarationsFunction = defineFunction('declarations', {});
