import { MAX_TEXT_ANSWER } from '@quizgraph/assessment';
import { z } from 'zod';

const uuid = (what: string) => z.uuid({ message: `${what} is not a valid id.` });

/**
 * The shape of the answers of a submission; whether each answer fits its question (the right field
 * for its type, known option ids, a full ordering) is checked against the key by @quizgraph/assessment.
 */
const answers = z
  .array(
    z.object({
      questionId: uuid('questionId'),
      optionIds: z.array(uuid('An option id')).max(20, 'An answer chooses at most 20 options.').nullish(),
      order: z.array(uuid('An item id')).max(20, 'An order has at most 20 items.').nullish(),
      boolean: z.boolean().nullish(),
      number: z.number().nullish(),
      text: z.string().max(MAX_TEXT_ANSWER, `A text answer has at most ${MAX_TEXT_ANSWER} characters.`).nullish(),
    }),
  )
  .max(100, 'A submission answers at most 100 questions.');

const idempotencyKey = z.string().min(1, 'An idempotency key cannot be empty.').max(200, 'An idempotency key has at most 200 characters.').nullish();

export const submissionInput = z.object({ quizId: uuid('quizId'), answers, idempotencyKey });

export const attemptSubmissionInput = z.object({ attemptId: uuid('attemptId'), answers, idempotencyKey });

export const startAttemptInput = z.object({ quizId: uuid('quizId'), idempotencyKey });
