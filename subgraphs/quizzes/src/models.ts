/** A user known only by reference: the users service owns the rest. */
export interface UserRef {
  id: string;
}

import type { Option, Question } from './__generated__/prisma/client.js';

/** A question loaded with its options, as every question resolver receives it. */
export type QuestionWithOptions = Question & { options: Option[] };
